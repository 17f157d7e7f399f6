// The cycles of the organisation (admins): each with its phase and days, and a way to start one.
import { Anchor, Badge, Button, Group, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { PHASE_LABELS } from "../lib/cycles";
import { useTRPC } from "../lib/trpc";

export default function AdminCyclesPage() {
  const trpc = useTRPC();
  const cycles = useQuery(trpc.cycles.list.queryOptions());
  if (cycles.isError) return <ErrorState error={cycles.error} onRetry={() => cycles.refetch()} />;
  if (!cycles.data) return <PageLoader />;
  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>Cycles</Title>
        <Button component={Link} to="/admin/cycles/new">
          New cycle
        </Button>
      </Group>
      {cycles.data.length === 0 ? (
        <Text c="dimmed">No cycle yet. A cycle runs a 360 for many people in one window.</Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table aria-label="Cycles">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Name</Table.Th>
                <Table.Th>Phase</Table.Th>
                <Table.Th>Nominations close</Table.Th>
                <Table.Th>Answers due</Table.Th>
                <Table.Th>Release</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cycles.data.map((cycle) => {
                const phase = PHASE_LABELS[cycle.phase] ?? { label: cycle.phase, color: "gray" };
                return (
                  <Table.Tr key={cycle.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/admin/cycles/${cycle.id}`}>
                        {cycle.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge color={phase.color} variant="light">
                        {phase.label}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{cycle.nominationsCloseOn ?? "—"}</Table.Td>
                    <Table.Td>{cycle.answersDueOn ?? "—"}</Table.Td>
                    <Table.Td>{cycle.releaseOn ?? cycle.endsOn}</Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
