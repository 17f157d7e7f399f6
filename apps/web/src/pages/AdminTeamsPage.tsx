// Teams (admins): who is in each team and who coaches it; create, rename, change and remove teams.
import { Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { TeamEditor } from "../components/admin/TeamEditor";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { errorMessage } from "../lib/labels";
import { useTRPC } from "../lib/trpc";

export default function AdminTeamsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const teams = useQuery(trpc.teams.list.queryOptions());
  const people = useQuery(trpc.people.list.queryOptions());
  // undefined: closed; null: a new team; an id: that team.
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  const [removing, setRemoving] = useState<string | null>(null);
  const remove = useMutation(
    trpc.teams.remove.mutationOptions({
      onSuccess: async () => {
        setRemoving(null);
        await queryClient.invalidateQueries({ queryKey: trpc.teams.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.people.pathKey() });
      },
    }),
  );

  if (teams.isPending || people.isPending) return <PageLoader />;
  if (teams.isError) return <ErrorState error={teams.error} onRetry={() => teams.refetch()} />;
  if (people.isError) return <ErrorState error={people.error} onRetry={() => people.refetch()} />;

  const team = typeof editing === "string" ? (teams.data.find((t) => t.id === editing) ?? null) : null;
  const toRemove = teams.data.find((t) => t.id === removing);

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>Teams</Title>
        <Button onClick={() => setEditing(null)}>New team</Button>
      </Group>
      {teams.data.length === 0 ? (
        <Card withBorder>
          <Text>No teams yet. Create one, or name teams in the team column of a people import.</Text>
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {teams.data.map((t) => (
            <Card key={t.id} withBorder data-testid="team-card">
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap">
                  <Title order={3} size="h4">
                    {t.name}
                  </Title>
                  <Group gap="xs">
                    <Button size="xs" variant="default" onClick={() => setEditing(t.id)}>
                      Edit
                    </Button>
                    <Button size="xs" color="red" variant="subtle" onClick={() => setRemoving(t.id)}>
                      Remove
                    </Button>
                  </Group>
                </Group>
                <Text size="sm">
                  <Text span fw={600}>
                    Coaches:
                  </Text>{" "}
                  {t.coaches.length > 0 ? t.coaches.map((c) => c.name).join(", ") : "none yet"}
                </Text>
                <Text size="sm">
                  <Text span fw={600}>
                    {t.members.length} member{t.members.length === 1 ? "" : "s"}:
                  </Text>{" "}
                  {t.members.map((m) => m.name).join(", ")}
                </Text>
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={team ? `Edit ${team.name}` : "New team"}
        size="lg"
      >
        {editing !== undefined ? (
          <TeamEditor
            key={editing ?? "new"}
            team={team}
            people={people.data}
            onDone={() => setEditing(undefined)}
          />
        ) : null}
      </Modal>
      <Modal
        opened={Boolean(toRemove)}
        onClose={() => setRemoving(null)}
        title={`Remove ${toRemove?.name ?? ""}?`}
      >
        <Stack>
          <Text size="sm">The team goes; its people and their reports stay.</Text>
          {remove.isError ? <Text c="red.9">{errorMessage(remove.error)}</Text> : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>
              Cancel
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => toRemove && remove.mutate({ teamId: toRemove.id })}
            >
              Remove the team
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
