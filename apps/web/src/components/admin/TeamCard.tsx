// One team as the Teams page lists it, and removing a team after confirming.
import { Button, Card, Group, Modal, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import type { Team } from "./types";

export function TeamCard({
  team,
  onEdit,
  onRemove,
}: {
  team: Team;
  onEdit: () => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="team-card">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={3} size="h4">
            {team.name}
          </Title>
          <Group gap="xs">
            <Button size="xs" variant="default" onClick={onEdit}>
              {t("admin:teams.edit")}
            </Button>
            <Button size="xs" color="red" variant="subtle" onClick={onRemove}>
              {t("admin:teams.remove")}
            </Button>
          </Group>
        </Group>
        <Text size="sm">
          <Text span fw={600}>
            {t("admin:teams.coaches")}
          </Text>{" "}
          {team.coaches.length > 0 ? team.coaches.map((c) => c.name).join(", ") : t("admin:teams.noCoaches")}
        </Text>
        <Text size="sm">
          <Text span fw={600}>
            {t("admin:teams.members", { count: team.members.length })}
          </Text>{" "}
          {team.members.map((m) => m.name).join(", ")}
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
  const { t } = useTranslation();
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
    <Modal
      opened={Boolean(team)}
      onClose={onClose}
      title={t("admin:teams.removeTitle", { name: team?.name ?? "" })}
    >
      <Stack>
        <Text size="sm">{t("admin:teams.removeText")}</Text>
        {remove.isError ? <Text c="red">{errorMessage(remove.error)}</Text> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("admin:common.cancel")}
          </Button>
          <Button
            color="red"
            loading={remove.isPending}
            onClick={() => team && remove.mutate({ teamId: team.id })}
          >
            {t("admin:teams.removeConfirm")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
