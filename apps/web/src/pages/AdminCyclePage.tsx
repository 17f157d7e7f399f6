// One cycle (admins): its phase and days, its requests by state, participation by team (counts
// only for teams of at least k people, as the API gives them; fetched again every few seconds
// while the cycle runs, and on focus), and the admin's actions.

import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router";
import { CycleActions } from "../components/cycles/CycleActions";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { type CycleProgress, cycleDay, PHASE_COLORS, phaseLabel, requestStateLabel } from "../lib/cycles";
import { formatDateTime, formatNumber } from "../lib/format";
import { useTRPC } from "../lib/trpc";

/** While a cycle runs, its figures move as raters answer: fetched again this often, and on focus. */
const LIVE_MS = 10_000;
const live = (phase: string | undefined) => phase === "nominations" || phase === "answering";

export default function AdminCyclePage() {
  const { t } = useTranslation();
  const { cycleId = "" } = useParams();
  const trpc = useTRPC();
  const cycle = useQuery({
    ...trpc.cycles.get.queryOptions({ cycleId }),
    staleTime: 0,
    refetchInterval: (query) => (live(query.state.data?.phase) ? LIVE_MS : false),
  });
  const progress = useQuery({
    ...trpc.cycles.progress.queryOptions({ cycleId }),
    staleTime: 0,
    refetchInterval: (query) => (live(query.state.data?.phase) ? LIVE_MS : false),
  });
  if (cycle.isError) return <ErrorState error={cycle.error} onRetry={() => cycle.refetch()} />;
  if (progress.isError) return <ErrorState error={progress.error} onRetry={() => progress.refetch()} />;
  if (!cycle.data || !progress.data) return <PageLoader />;
  const c = cycle.data;
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{c.name}</Title>
        <Badge size="lg" color={PHASE_COLORS[c.phase] ?? "gray"} data-testid="cycle-phase">
          {phaseLabel(c.phase)}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        {t("cycles:cycle.days", {
          close: cycleDay(c.nominationsCloseOn),
          due: cycleDay(c.answersDueOn),
          release: cycleDay(c.releaseOn ?? c.endsOn),
        })}
        {c.rules
          ? ` · ${t("cycles:cycle.rules", { min: c.rules.peers.min, max: c.rules.peers.max, cap: c.rules.raterCap })}`
          : null}
      </Text>
      <Anchor component={Link} to={`/cycles/${c.id}/approvals`} size="sm">
        {t("cycles:cycle.approvals")}
      </Anchor>
      <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="requests-by-state">
        <Card withBorder>
          <Text size="xs" c="dimmed">
            {t("cycles:cycle.requests")}
          </Text>
          <Text fw={700}>{formatNumber(c.counts.requests)}</Text>
        </Card>
        {Object.entries(progress.data.requests.byState).map(([state, n]) => (
          <Card withBorder key={state}>
            <Text size="xs" c="dimmed">
              {requestStateLabel(state)}
            </Text>
            <Text fw={700}>{formatNumber(n)}</Text>
          </Card>
        ))}
      </SimpleGrid>
      <TeamParticipation
        teams={progress.data.teams}
        updatedAt={progress.dataUpdatedAt}
        live={live(progress.data.phase)}
      />
      <CycleActions cycle={c} />
    </Stack>
  );
}

function TeamParticipation({
  teams,
  updatedAt,
  live,
}: {
  teams: CycleProgress["teams"];
  updatedAt: number;
  live: boolean;
}) {
  const { t } = useTranslation();
  const count = (n: number | null) => (n === null ? t("cycles:participation.hidden") : formatNumber(n));
  const rate = (answered: number | null, invited: number | null) =>
    answered === null || invited === null
      ? "—"
      : invited === 0
        ? t("cycles:participation.noneInvited")
        : t("cycles:participation.percent", { rate: formatNumber((100 * answered) / invited) });
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">
        {t("cycles:participation.title")}
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        {t("cycles:participation.explain")}
        {live ? ` ${t("cycles:participation.updated", { time: formatDateTime(new Date(updatedAt)) })}` : null}
      </Text>
      <Table aria-label={t("cycles:participation.title")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("cycles:participation.team")}</Table.Th>
            <Table.Th>{t("cycles:participation.people")}</Table.Th>
            <Table.Th>{t("cycles:participation.invited")}</Table.Th>
            <Table.Th>{t("cycles:participation.answered")}</Table.Th>
            <Table.Th>{t("cycles:participation.rate")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {teams.map((team) => (
            <Table.Tr key={team.teamId} data-testid="team-participation">
              <Table.Td>{team.name}</Table.Td>
              <Table.Td>{formatNumber(team.people)}</Table.Td>
              <Table.Td>{count(team.invited)}</Table.Td>
              <Table.Td>{count(team.answered)}</Table.Td>
              <Table.Td>{rate(team.answered, team.invited)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
