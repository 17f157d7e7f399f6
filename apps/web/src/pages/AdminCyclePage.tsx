// One cycle (admins): its phase and days, its requests by state, participation by team (counts
// only for teams of at least k people, as the API gives them; fetched again every few seconds
// while the cycle runs, and on focus), and the admin's actions.

import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { CycleActions } from "../components/cycles/CycleActions";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { type CycleProgress, PHASE_LABELS } from "../lib/cycles";
import { formatDateTime } from "../lib/format";
import { STATE_LABELS } from "../lib/labels";
import { useTRPC } from "../lib/trpc";

/** While a cycle runs, its figures move as raters answer: fetched again this often, and on focus. */
const LIVE_MS = 10_000;
const live = (phase: string | undefined) => phase === "nominations" || phase === "answering";

export default function AdminCyclePage() {
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
  const phase = PHASE_LABELS[c.phase] ?? { label: c.phase, color: "gray" };
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{c.name}</Title>
        <Badge size="lg" color={phase.color} data-testid="cycle-phase">
          {phase.label}
        </Badge>
      </Group>
      <Text size="sm" c="dimmed">
        Nominations close {c.nominationsCloseOn ?? "—"} · answers due {c.answersDueOn ?? "—"} · release{" "}
        {c.releaseOn ?? c.endsOn}
        {c.rules
          ? ` · peers ${c.rules.peers.min}–${c.rules.peers.max}, at most ${c.rules.raterCap} per rater`
          : ""}
      </Text>
      <Anchor component={Link} to={`/cycles/${c.id}/approvals`} size="sm">
        Approve the nominations of your own reports
      </Anchor>
      <SimpleGrid cols={{ base: 2, sm: 4 }} data-testid="requests-by-state">
        <Card withBorder>
          <Text size="xs" c="dimmed">
            Requests
          </Text>
          <Text fw={700}>{c.counts.requests}</Text>
        </Card>
        {Object.entries(progress.data.requests.byState).map(([state, n]) => (
          <Card withBorder key={state}>
            <Text size="xs" c="dimmed">
              {STATE_LABELS[state]?.label ?? state}
            </Text>
            <Text fw={700}>{n}</Text>
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
  const rate = (answered: number | null, invited: number | null) =>
    answered === null || invited === null
      ? "—"
      : invited === 0
        ? "0 invited"
        : `${Math.round((100 * answered) / invited)}%`;
  return (
    <Card withBorder>
      <Title order={3} size="h4" mb="xs">
        Participation by team
      </Title>
      <Text size="xs" c="dimmed" mb="xs">
        Invitations to rate each team's people, and how many were answered. Counts show only for teams with at
        least the anonymity threshold of people taking part; never who.
        {live ? ` Updated as raters answer (last at ${formatDateTime(new Date(updatedAt))}).` : ""}
      </Text>
      <Table aria-label="Participation by team">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Team</Table.Th>
            <Table.Th>People</Table.Th>
            <Table.Th>Invited</Table.Th>
            <Table.Th>Answered</Table.Th>
            <Table.Th>Rate</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {teams.map((t) => (
            <Table.Tr key={t.teamId} data-testid="team-participation">
              <Table.Td>{t.name}</Table.Td>
              <Table.Td>{t.people}</Table.Td>
              <Table.Td>{t.invited ?? "hidden"}</Table.Td>
              <Table.Td>{t.answered ?? "hidden"}</Table.Td>
              <Table.Td>{rate(t.answered, t.invited)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}
