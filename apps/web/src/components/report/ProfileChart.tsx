// The five dimensions as a radar: everyone but self against self (and the manager where shown),
// with the same numbers in a table beside it. The radius has no tick labels (they crossed the
// shapes; the table carries the numbers), and the manager's colour is far from the others'.
import { RadarChart } from "@mantine/charts";
import { SimpleGrid, Stack, Table, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { SERIES_COLORS } from "../../lib/dimensions";
import {
  dimensionName,
  everyoneButHolds,
  everyoneButLabel,
  formatScore,
  type Report,
} from "../../lib/report";

export function ProfileChart({ report }: { report: Report }) {
  const { t } = useTranslation();
  const hasManager = report.profile.some((p) => p.manager !== null);
  const others = everyoneButLabel(report);
  const self = t("report:figure.self");
  const manager = t("report:figure.manager");
  // The series' names are the legend's words, so they are the page's language.
  const data = report.profile.map((p) => ({
    dimension: dimensionName(p.key),
    [others]: p.others ?? 0,
    [self]: p.self ?? 0,
    ...(hasManager ? { [manager]: p.manager ?? 0 } : {}),
  }));
  const series = [
    { name: others, color: SERIES_COLORS.others, opacity: 0.25 },
    { name: self, color: SERIES_COLORS.self, opacity: 0.1 },
    ...(hasManager ? [{ name: manager, color: SERIES_COLORS.manager, opacity: 0.05 }] : []),
  ];
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
      <div aria-hidden="true" data-testid="radar-chart">
        <RadarChart
          h={300}
          data={data}
          dataKey="dimension"
          series={series}
          withLegend
          withPolarRadiusAxis
          polarRadiusAxisProps={{ domain: [0, 5], tickCount: 6, tick: false, axisLine: false }}
          radarChartProps={{ accessibilityLayer: false }}
        />
      </div>
      <Stack gap="xs">
        <Table striped aria-label={t("report:profile.table")} data-testid="profile-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t("report:figure.dimension")}</Table.Th>
              <Table.Th scope="col">{others}</Table.Th>
              <Table.Th scope="col">{self}</Table.Th>
              {hasManager ? <Table.Th scope="col">{manager}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.profile.map((p) => (
              <Table.Tr key={p.key}>
                <Table.Th scope="row">{dimensionName(p.key)}</Table.Th>
                <Table.Td>
                  {formatScore(p.others)}
                  {p.othersN ? (
                    <Text span size="xs" c="dimmed">
                      {" "}
                      {t("report:figure.people", { count: p.othersN })}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{formatScore(p.self)}</Table.Td>
                {hasManager ? <Table.Td>{formatScore(p.manager)}</Table.Td> : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="xs" c="dimmed" data-testid="everyone-but">
          {t(hasManager ? "report:profile.holdsWithManager" : "report:profile.holds", {
            others,
            groups: everyoneButHolds(report),
          })}
        </Text>
      </Stack>
    </SimpleGrid>
  );
}
