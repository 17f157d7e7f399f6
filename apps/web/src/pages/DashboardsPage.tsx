// The teams whose dashboards I can open: those I coach, and those holding my direct reports.
import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { useTRPC } from "../lib/trpc";

const VIEWER: Record<string, string> = {
  coach: "You coach it",
  manager: "Your direct reports",
  admin: "Admin access",
};

export default function DashboardsPage() {
  const trpc = useTRPC();
  const teams = useQuery(trpc.dashboards.teams.queryOptions());
  if (teams.isPending) return <PageLoader />;
  if (teams.isError) return <ErrorState error={teams.error} />;
  return (
    <Stack maw={860}>
      <Title order={2}>Team dashboards</Title>
      {teams.data.length === 0 ? (
        <Card withBorder>
          <Text>No dashboards for you: they are for coaches of a team and managers of its members.</Text>
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
                  {team.members} people
                </Text>
              </div>
              <Badge variant="light">{VIEWER[team.viewer]}</Badge>
            </Group>
          </Card>
        ))
      )}
    </Stack>
  );
}
