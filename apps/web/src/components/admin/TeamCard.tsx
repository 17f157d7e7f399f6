// One team as the Teams page lists it, and removing a team after confirming.
import { Button, Card, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import type { Team } from "./types";

export function TeamCard({
  team: t,
  onEdit,
  onRemove,
}: {
  team: Team;
  onEdit: () => void;
  onRemove: () => void;
}) {
  return (
    <Card withBorder data-testid="team-card">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h4">
            {t.name}
          </Title>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={onEdit}>
              Edit
            </Button>
            <Button size="xs" color="red" variant="subtle" onClick={onRemove}>
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
  );
}

export function RemoveTeam({
  team,
  onClose,
  onDone,
}: {
  team: Team | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const remove = useMutation(
    trpc.teams.remove.mutationOptions({
      onSuccess: async () => {
        onDone();
        await invalidate.peopleChanged();
      },
    }),
  );
  return (
    <Modal opened={Boolean(team)} onClose={onClose} title={`Remove ${team?.name ?? ""}?`}>
      <Stack>
        <Text size="sm">The team goes; its people and their reports stay.</Text>
        {remove.isError ? <Text c="red">{errorMessage(remove.error)}</Text> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => team && remove.mutate({ teamId: team.id })}
          >
            Remove the team
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
