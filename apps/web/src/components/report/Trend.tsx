// Change since earlier reports: one small line per dimension, with the numbers in a table and the
// change since the last cycle. Each line has its own dash, so one lying on another still shows, and
// the axes leave room so no end dot is cut in half.

import { LineChart } from "@mantine/charts";
import { Table, Text } from "@mantine/core";
import i18next from "i18next";
import { useTranslation } from "react-i18next";
import { sentence } from "../../i18n/sentence";
import { DIMENSION_COLORS } from "../../lib/dimensions";
import { formatDay, formatNumber } from "../../lib/format";
import { dimensionName, formatScore, type Report } from "../../lib/report";

const DASHES = [undefined, "8 4", "2 3", "10 3 2 3", "4 4"];

/** The last mean against the one before: "+0.3", "−0.2", "no change"; "—" where either is hidden. */
export function changeSinceLast(points: ReadonlyArray<{ mean: number | null }>): string {
  const last = points.at(-1)?.mean;
  const before = points.at(-2)?.mean;
  if (last == null || before == null) return "—";
  const change = Math.round((last - before) * 10) / 10;
  if (change === 0) return i18next.t("report:trend.noChange");
  return change > 0 ? `+${formatNumber(change, 1)}` : `−${formatNumber(Math.abs(change), 1)}`;
}

/** The y axis and the tooltip in the page's locale: whole numbers plain, means with two decimals. */
const axisNumber = (value: number) => formatNumber(value, Number.isInteger(value) ? 0 : 2);

export function Trend({ report }: { report: Report }) {
  const { t } = useTranslation();
  const keys = report.profile.map((p) => p.key);
  const points = report.trend[keys[0] ?? "inspire"] ?? [];
  if (points.length < 2) {
    return <Text size="sm">{t("report:trend.first")}</Text>;
  }
  const names = new Map(report.profile.map((p) => [p.key, dimensionName(p.key)]));
  const label = (iso: string | null) => (iso ? formatDay(iso, { monthOnly: true }) : t("report:trend.now"));
  const data = points.map((point, i) => ({
    release: label(point.releasedAt),
    ...Object.fromEntries(keys.map((key) => [names.get(key) ?? key, report.trend[key]?.[i]?.mean ?? null])),
  }));
  return (
    <>
      {report.trendNote ? (
        <Text size="sm" c="dimmed" mb="xs" data-testid="trend-note">
          {sentence(report.trendNote)}.
        </Text>
      ) : null}
      <div aria-hidden="true">
        <LineChart
          h={220}
          data={data}
          dataKey="release"
          yAxisProps={{ domain: [1, 5], padding: { top: 8, bottom: 8 } }}
          xAxisProps={{ padding: { left: 24, right: 24 } }}
          strokeWidth={2.5}
          valueFormatter={axisNumber}
          series={keys.map((key, i) => ({
            name: names.get(key) ?? key,
            color: DIMENSION_COLORS[key],
            strokeDasharray: DASHES[i % DASHES.length],
          }))}
          withLegend
          connectNulls
          lineChartProps={{ accessibilityLayer: false }}
        />
      </div>
      <Table aria-label={t("report:trend.table")} data-testid="trend-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("report:figure.dimension")}</Table.Th>
            {points.map((p, i) => (
              <Table.Th key={i} scope="col">
                {label(p.releasedAt)}
              </Table.Th>
            ))}
            <Table.Th scope="col">{t("report:trend.change")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => (
            <Table.Tr key={key}>
              <Table.Th scope="row">{names.get(key)}</Table.Th>
              {(report.trend[key] ?? []).map((p, i) => (
                <Table.Td key={i}>{formatScore(p.mean)}</Table.Td>
              ))}
              <Table.Td data-testid="trend-change">{changeSinceLast(report.trend[key] ?? [])}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
