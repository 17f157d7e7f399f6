// The teams whose dashboards I can open: those I coach, and those holding my direct reports.
import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { useTRPC } from "../lib/trpc";

export default function DashboardsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const teams = useQuery(trpc.dashboards.teams.queryOptions());
  if (teams.isPending) return <PageLoader />;
  if (teams.isError) return <ErrorState error={teams.error} />;
  return (
    <Stack maw={860}>
      <Title order={2}>{t("dashboard:list.title")}</Title>
      {teams.data.length === 0 ? (
        <Card withBorder>
          <Text>{t("dashboard:list.empty")}</Text>
        </Card>
      ) : (
        teams.data.map((team) => (
          <Card key={team.id} withBorder data-testid="team-card">
            <Group justify="space-between">
              <div>
                <Anchor component={Link} to={`/dashboards/${team.id}`} fw={600}>
                  {team.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t("dashboard:people", { count: team.members })}
                </Text>
              </div>
              <Badge variant="light">{t(`dashboard:viewer.${team.viewer}`)}</Badge>
            </Group>
          </Card>
        ))
      )}
    </Stack>
  );
}
