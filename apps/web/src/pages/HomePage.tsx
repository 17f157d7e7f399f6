// Home: what needs doing now — feedback to give, reports to read, requests to follow, teams to coach.
import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { InboxCard, ManagedRequestsCard, ReportsCard } from "../components/home/HomeCards";
import { roleLabel } from "../lib/labels";
import { useMe } from "../lib/me";
import { useTRPC } from "../lib/trpc";

export default function HomePage() {
  const me = useMe();
  const trpc = useTRPC();
  const { t } = useTranslation();
  const inbox = useQuery(trpc.inbox.list.queryOptions());
  const reports = useQuery(trpc.reports.list.queryOptions());
  const requests = useQuery(trpc.requests.list.queryOptions());
  const teams = useQuery(trpc.dashboards.teams.queryOptions());
  const toAnswer = (inbox.data ?? []).filter((i) => i.state === "pending");
  const mine = (reports.data ?? []).filter((r) => r.relation === "self");
  const managing = (requests.data ?? []).filter(
    (r) => r.role === "manager" && (r.state === "open" || r.state === "draft"),
  );
  const canRequest = me.roles.includes("manager") || me.roles.includes("admin");

  return (
    <Stack maw={1000}>
      <div>
        <Title order={2}>{t("shell:home.welcome", { name: me.person.name.split(" ")[0] })}</Title>
        <Group gap="xs">
          <Text c="dimmed">{me.org.name}</Text>
          {me.roles.map((role) => (
            <Badge key={role} variant="light" size="sm">
              {roleLabel(role)}
            </Badge>
          ))}
        </Group>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <InboxCard items={toAnswer} />
        <ReportsCard mine={mine} />
        {canRequest ? <ManagedRequestsCard requests={managing} /> : null}
        {(teams.data ?? []).length > 0 ? (
          <Card withBorder>
            <Text fw={600}>{t("shell:nav.dashboards")}</Text>
            <Stack gap={4} mt={4}>
              {(teams.data ?? []).map((team) => (
                <Anchor key={team.id} component={Link} to={`/dashboards/${team.id}`} size="sm">
                  {team.name}
                </Anchor>
              ))}
            </Stack>
          </Card>
        ) : null}
      </SimpleGrid>
    </Stack>
  );
}
