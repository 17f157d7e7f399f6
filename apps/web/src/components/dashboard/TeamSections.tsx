// The sections of a team's dashboard: header with cycle and export, progress and who needs
// attention, the team profile (figures only with k people behind them) and the trend across cycles.
import type { DimensionKey } from "@fivefold/domain";
import { LineChart } from "@mantine/charts";
import { Alert, Button, Card, Group, List, Select, SimpleGrid, Table, Text, Title } from "@mantine/core";
import { heatmapCsv, type TeamDashboard } from "../../lib/dashboard";
import { DIMENSION_COLORS, formatScore } from "../../lib/dimensions";
import { download } from "../../lib/report";

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
  const { dashboard: d, keys, cycle, onCycle } = props;
  return (
    <Group justify="space-between" align="flex-end">
      <div>
        <Title order={2}>{d.team.name}</Title>
        <Text size="sm" c="dimmed">
          {d.viewer === "manager" ? "Your direct reports in this team" : "Everyone in the team"} · team
          figures need at least {d.threshold} people with a released report
        </Text>
      </div>
      <Group>
        <Select
          label="Cycle"
          placeholder="Latest report"
          data={d.cycles.map((c) => ({ value: c.id, label: c.name }))}
          value={cycle ?? null}
          onChange={onCycle}
          clearable
          w={200}
        />
        <Button variant="default" onClick={() => download(`${d.team.name}-heatmap.csv`, heatmapCsv(d, keys))}>
          Export CSV
        </Button>
      </Group>
    </Group>
  );
}

export function ProgressAndAttention({ dashboard: d }: { dashboard: TeamDashboard }) {
  const byId = new Map(d.people.map((p) => [p.personId, p.name]));
  return (
    <SimpleGrid cols={{ base: 1, md: 3 }}>
      <Card withBorder>
        <Text fw={600}>Cycle progress</Text>
        <Text size="sm" data-testid="cycle-progress">
          {d.progress.open} request{d.progress.open === 1 ? "" : "s"} collecting answers ·{" "}
          {d.progress.submitted} of {d.progress.invited} answered
        </Text>
        <Text size="xs" c="dimmed">
          Counts only: never who answered.
        </Text>
      </Card>
      <Card withBorder style={{ gridColumn: "span 2" }} data-testid="attention">
        <Text fw={600}>Needs attention</Text>
        {d.attention.length === 0 ? (
          <Text size="sm">Nobody right now.</Text>
        ) : (
          <List size="sm" spacing={4}>
            {d.attention.map((item) => (
              <List.Item key={item.personId}>
                <Text span fw={600} size="sm">
                  {byId.get(item.personId)}
                </Text>
                : {item.reasons.join("; ")}
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
  if (given.length === 0) return "no scores";
  return given
    .map((c, i) => `${c.count}${i === 0 ? (c.count === 1 ? " person" : " people") : ""} scored ${c.score}`)
    .join(", ");
}

export function TeamProfile({ dashboard: d, keys, names }: Figures) {
  return (
    <section>
      <Title order={3} mb="xs">
        Team profile
      </Title>
      <Table aria-label="Team profile per dimension" data-testid="team-profile">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Dimension</Table.Th>
            <Table.Th scope="col">Team mean</Table.Th>
            <Table.Th scope="col">People</Table.Th>
            <Table.Th scope="col">How people scored (1 rarely … 5 almost always)</Table.Th>
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
                      Hidden: fewer than {d.threshold} people
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
  const trendPoints = d.trend.filter((t) => keys.some((k) => t.means[k] !== null));
  return (
    <section>
      <Title order={3} mb="xs">
        Trend across cycles
      </Title>
      {d.trendNote ? (
        <Text size="sm" c="dimmed" mb="xs" data-testid="team-trend-note">
          {d.trendNote}.
        </Text>
      ) : null}
      {trendPoints.length < 2 ? (
        <Alert color="gray">
          A trend needs two cycles with at least {d.threshold} people behind each point.
        </Alert>
      ) : (
        <>
          <div aria-hidden="true">
            <LineChart
              h={220}
              data={trendPoints.map((t) => ({
                cycle: t.name,
                ...Object.fromEntries(keys.map((k) => [names[k], t.means[k]?.mean ?? null])),
              }))}
              dataKey="cycle"
              yAxisProps={{ domain: [1, 5] }}
              series={keys.map((k) => ({ name: names[k], color: DIMENSION_COLORS[k] }))}
              withLegend
              connectNulls
              lineChartProps={{ accessibilityLayer: false }}
            />
          </div>
          <Table aria-label="Team trend per cycle" data-testid="team-trend">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Dimension</Table.Th>
                {trendPoints.map((t) => (
                  <Table.Th key={t.cycleId} scope="col">
                    {t.name}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {keys.map((k) => (
                <Table.Tr key={k}>
                  <Table.Th scope="row">{names[k]}</Table.Th>
                  {trendPoints.map((t) => (
                    <Table.Td key={t.cycleId}>
                      {t.means[k] ? `${formatScore(t.means[k]?.mean)} (${t.means[k]?.people} people)` : "—"}
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
