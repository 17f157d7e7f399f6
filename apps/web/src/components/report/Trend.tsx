// Change since earlier reports: one small line per dimension, with the numbers in a table.
import { formatDay } from "@fivefold/domain";
import { LineChart } from "@mantine/charts";
import { Table, Text } from "@mantine/core";
import { DIMENSION_COLORS, formatScore } from "../../lib/dimensions";
import type { Report } from "../../lib/report";

export function Trend({ report }: { report: Report }) {
  const keys = report.profile.map((p) => p.key);
  const points = report.trend[keys[0] ?? "inspire"] ?? [];
  if (points.length < 2) {
    return <Text size="sm">This is the first released report: the trend appears after the next one.</Text>;
  }
  const names = new Map(report.profile.map((p) => [p.key, p.name]));
  const label = (iso: string | null) => (iso ? formatDay(iso, { monthOnly: true }) : "now");
  const data = points.map((point, i) => ({
    release: label(point.releasedAt),
    ...Object.fromEntries(keys.map((key) => [names.get(key) ?? key, report.trend[key]?.[i]?.mean ?? null])),
  }));
  return (
    <>
      {report.trendNote ? (
        <Text size="sm" c="dimmed" mb="xs" data-testid="trend-note">
          {report.trendNote}.
        </Text>
      ) : null}
      <div aria-hidden="true">
        <LineChart
          h={220}
          data={data}
          dataKey="release"
          yAxisProps={{ domain: [1, 5] }}
          series={keys.map((key) => ({ name: names.get(key) ?? key, color: DIMENSION_COLORS[key] }))}
          withLegend
          connectNulls
          lineChartProps={{ accessibilityLayer: false }}
        />
      </div>
      <Table aria-label="Trend: others' mean per dimension at each release" data-testid="trend-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Dimension</Table.Th>
            {points.map((p, i) => (
              <Table.Th key={i} scope="col">
                {label(p.releasedAt)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => (
            <Table.Tr key={key}>
              <Table.Th scope="row">{names.get(key)}</Table.Th>
              {(report.trend[key] ?? []).map((p, i) => (
                <Table.Td key={i}>{formatScore(p.mean)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
