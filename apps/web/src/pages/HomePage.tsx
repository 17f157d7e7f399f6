// Home: what needs doing now — feedback to give, reports to read, requests to follow, teams to coach.
import { formatDay } from "@fivefold/domain";
import { Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";

import { useMe } from "../lib/me";
import { useTRPC } from "../lib/trpc";

export default function HomePage() {
  const me = useMe();
  const trpc = useTRPC();
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
        <Title order={2}>Welcome, {me.person.name.split(" ")[0]}</Title>
        <Group gap="xs">
          <Text c="dimmed">{me.org.name}</Text>
          {me.roles.map((role) => (
            <Badge key={role} variant="light" size="sm">
              {role}
            </Badge>
          ))}
        </Group>
      </div>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Card withBorder data-testid="home-inbox">
          <Text fw={600}>Feedback to give</Text>
          {toAnswer.length === 0 ? (
            <Text size="sm" c="dimmed">
              Nothing to answer right now.
            </Text>
          ) : (
            <Stack gap={4} mt={4}>
              {toAnswer.slice(0, 4).map((item) => (
                <Text size="sm" key={item.invitationId}>
                  <Anchor component={Link} to={`/feedback/${item.invitationId}`}>
                    {item.group === "self" ? "Your self-assessment" : item.subject.name}
                  </Anchor>{" "}
                  <Text span c="dimmed" size="xs">
                    by {formatDay(item.deadline)}
                  </Text>
                </Text>
              ))}
              {toAnswer.length > 4 ? (
                <Anchor component={Link} to="/inbox" size="sm">
                  All {toAnswer.length} in your inbox
                </Anchor>
              ) : null}
            </Stack>
          )}
        </Card>
        <Card withBorder>
          <Text fw={600}>Your reports</Text>
          {mine.length === 0 ? (
            <Text size="sm" c="dimmed">
              No released report about you yet. It appears here when a feedback request about you closes.
            </Text>
          ) : (
            <Stack gap={4} mt={4}>
              <Text size="sm">
                Latest released {formatDay(mine[0]?.releasedAt ?? "")}.{" "}
                <Anchor component={Link} to={`/reports/${mine[0]?.requestId}`}>
                  Read it
                </Anchor>
              </Text>
              <Anchor component={Link} to="/plans" size="sm">
                Your coaching plan
              </Anchor>
            </Stack>
          )}
        </Card>
        {canRequest ? (
          <Card withBorder>
            <Group justify="space-between">
              <Text fw={600}>Requests you manage</Text>
              <Button component={Link} to="/requests/new" size="xs">
                Request feedback
              </Button>
            </Group>
            {managing.length === 0 ? (
              <Text size="sm" c="dimmed">
                None collecting answers.
              </Text>
            ) : (
              <Stack gap={4} mt={4}>
                {managing.slice(0, 4).map((r) => {
                  const counting = (r.groups ?? []).filter((g) => g.submitted !== null);
                  const invited = counting.reduce((s, g) => s + g.invited, 0);
                  const submitted = counting.reduce((s, g) => s + (g.submitted ?? 0), 0);
                  return (
                    <Text size="sm" key={r.id}>
                      <Anchor component={Link} to={`/requests/${r.id}`}>
                        {r.subject.name}
                      </Anchor>{" "}
                      <Text span c="dimmed" size="xs">
                        {submitted}/{invited} answered
                      </Text>
                    </Text>
                  );
                })}
              </Stack>
            )}
          </Card>
        ) : null}
        {(teams.data ?? []).length > 0 ? (
          <Card withBorder>
            <Text fw={600}>Team dashboards</Text>
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
