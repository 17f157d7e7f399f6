// Teams (admins): who is in each team and who coaches it; create, rename, change and remove teams.
import { Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { RemoveTeam, TeamCard } from "../components/admin/TeamCard";
import { TeamEditor } from "../components/admin/TeamEditor";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { useTRPC } from "../lib/trpc";

export default function AdminTeamsPage() {
  const trpc = useTRPC();
  const { t } = useTranslation();
  const teams = useQuery(trpc.teams.list.queryOptions());
  // undefined: closed; null: a new team; an id: that team.
  const [editing, setEditing] = useState<string | null | undefined>(undefined);
  const [removing, setRemoving] = useState<string | null>(null);

  if (teams.isPending) return <PageLoader />;
  if (teams.isError) return <ErrorState error={teams.error} onRetry={() => teams.refetch()} />;

  const team = typeof editing === "string" ? (teams.data.find((x) => x.id === editing) ?? null) : null;
  const toRemove = teams.data.find((x) => x.id === removing);

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{t("admin:teams.title")}</Title>
        <Button onClick={() => setEditing(null)}>{t("admin:teams.new")}</Button>
      </Group>
      {teams.data.length === 0 ? (
        <Card withBorder>
          <Text>{t("admin:teams.empty")}</Text>
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {teams.data.map((x) => (
            <TeamCard
              key={x.id}
              team={x}
              onEdit={() => setEditing(x.id)}
              onRemove={() => setRemoving(x.id)}
            />
          ))}
        </SimpleGrid>
      )}
      <Modal
        opened={editing !== undefined}
        onClose={() => setEditing(undefined)}
        title={team ? t("admin:teams.editTitle", { name: team.name }) : t("admin:teams.new")}
        size="lg"
      >
        {editing !== undefined ? (
          <TeamEditor key={editing ?? "new"} team={team} onDone={() => setEditing(undefined)} />
        ) : null}
      </Modal>
      <RemoveTeam
        team={toRemove ?? null}
        onClose={() => setRemoving(null)}
        onDone={() => setRemoving(null)}
      />
    </Stack>
  );
}
