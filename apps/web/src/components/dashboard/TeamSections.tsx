// The sections of a team's dashboard: header with cycle and export, progress and who needs
// attention, the team profile (figures only with k people behind them) and the trend across cycles.
import type { DimensionKey } from "@fivefold/domain";
import { LineChart } from "@mantine/charts";
import { Alert, Button, Card, Group, List, Select, SimpleGrid, Table, Text, Title } from "@mantine/core";
import i18next from "i18next";
import { useTranslation } from "react-i18next";
import { sentence } from "../../i18n/sentence";
import { attentionText, heatmapCsv, type TeamDashboard } from "../../lib/dashboard";
import { DIMENSION_COLORS } from "../../lib/dimensions";
import { formatNumber } from "../../lib/format";
import { download, formatScore } from "../../lib/report";

interface Figures {
  dashboard: TeamDashboard;
  keys: DimensionKey[];
  names: Record<DimensionKey, string>;
}

export function DashboardHeader(props: {
  dashboard: TeamDashboard;
  keys: DimensionKey[];
  cycle: string | undefined;
  onCycle: (cycle: string | null) => void;
}) {
  const { t } = useTranslation();
  const { dashboard: d, keys, cycle, onCycle } = props;
  return (
    <Group justify="space-between" align="flex-end">
      <div>
        <Title order={2}>{d.team.name}</Title>
        <Text size="sm" c="dimmed">
          {d.viewer === "manager" ? t("dashboard:header.manager") : t("dashboard:header.everyone")} ·{" "}
          {t("dashboard:header.threshold", { count: d.threshold })}
        </Text>
      </div>
      <Group>
        <Select
          label={t("dashboard:header.cycle")}
          placeholder={t("dashboard:header.latest")}
          data={d.cycles.map((c) => ({ value: c.id, label: c.name }))}
          value={cycle ?? null}
          onChange={onCycle}
          clearable
          w={200}
        />
        <Button variant="default" onClick={() => download(`${d.team.name}-heatmap.csv`, heatmapCsv(d, keys))}>
          {t("dashboard:header.csv")}
        </Button>
      </Group>
    </Group>
  );
}

export function ProgressAndAttention({ dashboard: d }: { dashboard: TeamDashboard }) {
  const { t } = useTranslation();
  const byId = new Map(d.people.map((p) => [p.personId, p.name]));
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <Card withBorder>
        <Text fw={600}>{t("dashboard:progress.title")}</Text>
        <Text size="sm" data-testid="cycle-progress">
          {t("dashboard:progress.open", { count: d.progress.open })} ·{" "}
          {t("dashboard:progress.answered", { submitted: d.progress.submitted, invited: d.progress.invited })}
        </Text>
        <Text size="xs" c="dimmed">
          {t("dashboard:progress.countsOnly")}
        </Text>
      </Card>
      <Card withBorder style={{ gridColumn: "span 2" }} data-testid="attention">
        <Text fw={600}>{t("dashboard:attention.title")}</Text>
        {d.attention.length === 0 ? (
          <Text size="sm">{t("dashboard:attention.none")}</Text>
        ) : (
          <List size="sm" spacing={4}>
            {d.attention.map((item) => (
              <List.Item key={item.personId}>
                <Text span fw={600} size="sm">
                  {byId.get(item.personId)}
                </Text>
                : {item.why.map(attentionText).join("; ")}
              </List.Item>
            ))}
          </List>
        )}
      </Card>
    </SimpleGrid>
  );
}

/** `[0, 0, 2, 3, 0]` as "3 people scored 4, 2 scored 3": the scores given, most given first. */
export function distributionInWords(counts: readonly number[]): string {
  const given = counts
    .map((count, i) => ({ score: i + 1, count }))
    .filter((c) => c.count > 0)
    .sort((a, b) => b.count - a.count || b.score - a.score);
  if (given.length === 0) return i18next.t("dashboard:profile.noScores");
  return given
    .map((c, i) =>
      i === 0
        ? i18next.t("dashboard:profile.firstScored", { count: c.count, score: c.score })
        : i18next.t("dashboard:profile.scored", { count: c.count, score: c.score }),
    )
    .join(", ");
}

export function TeamProfile({ dashboard: d, keys, names }: Figures) {
  const { t } = useTranslation();
  return (
    <section>
      <Title order={3} mb="xs">
        {t("dashboard:profile.title")}
      </Title>
      <Table aria-label={t("dashboard:profile.table")} data-testid="team-profile">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t("dashboard:dimension")}</Table.Th>
            <Table.Th scope="col">{t("dashboard:profile.mean")}</Table.Th>
            <Table.Th scope="col">{t("dashboard:profile.people")}</Table.Th>
            <Table.Th scope="col">{t("dashboard:profile.distribution")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {keys.map((key) => {
            const figure = d.profile[key];
            return (
              <Table.Tr key={key}>
                <Table.Th scope="row">
                  <Group gap={6}>
                    <span
                      style={{ width: 10, height: 10, borderRadius: 5, background: DIMENSION_COLORS[key] }}
                    />
                    {names[key]}
                  </Group>
                </Table.Th>
                <Table.Td>
                  {figure ? (
                    formatScore(figure.mean)
                  ) : (
                    <Text span size="xs" c="dimmed">
                      {t("dashboard:profile.hidden", { count: d.threshold })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{figure?.people ?? "—"}</Table.Td>
                <Table.Td>{figure ? distributionInWords(figure.distribution) : "—"}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </section>
  );
}

export function TeamTrend({ dashboard: d, keys, names }: Figures) {
  const { t } = useTranslation();
  const trendPoints = d.trend.filter((point) => keys.some((k) => point.means[k] !== null));
  return (
    <section>
      <Title order={3} mb="xs">
        {t("dashboard:trend.title")}
      </Title>
      {d.trendNote ? (
        <Text size="sm" c="dimmed" mb="xs" data-testid="team-trend-note">
          {sentence(d.trendNote)}.
        </Text>
      ) : null}
      {trendPoints.length < 2 ? (
        <Alert color="gray">{t("dashboard:trend.needsTwo", { count: d.threshold })}</Alert>
      ) : (
        <>
          <div aria-hidden="true">
            <LineChart
              h={220}
              data={trendPoints.map((point) => ({
                cycle: point.name,
                ...Object.fromEntries(keys.map((k) => [names[k], point.means[k]?.mean ?? null])),
              }))}
              dataKey="cycle"
              yAxisProps={{ domain: [1, 5] }}
              valueFormatter={(value) => formatNumber(value, Number.isInteger(value) ? 0 : 2)}
              series={keys.map((k) => ({ name: names[k], color: DIMENSION_COLORS[k] }))}
              withLegend
              connectNulls
              lineChartProps={{ accessibilityLayer: false }}
            />
          </div>
          <Table aria-label={t("dashboard:trend.table")} data-testid="team-trend">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t("dashboard:dimension")}</Table.Th>
                {trendPoints.map((point) => (
                  <Table.Th key={point.cycleId} scope="col">
                    {point.name}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.map((k) => (
                <Table.Tr key={k}>
                  <Table.Th scope="row">{names[k]}</Table.Th>
                  {trendPoints.map((point) => (
                    <Table.Td key={point.cycleId}>
                      {point.means[k]
                        ? `${formatScore(point.means[k]?.mean)} ${t("dashboard:trend.people", { count: point.means[k]?.people ?? 0 })}`
                        : "—"}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
    </section>
  );
}
