// The home page's cards: feedback to give, your reports, and the requests you manage.
import type { AppRouter } from "@fivefold/api";
import { Anchor, Button, Card, Group, Stack, Text } from "@mantine/core";
import type { inferRouterOutputs } from "@trpc/server";
import { Link } from "react-router";
import { formatDay } from "../../lib/format";

type Outputs = inferRouterOutputs<AppRouter>;

export function InboxCard({ items: toAnswer }: { items: Outputs["inbox"]["list"] }) {
  return (
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
  );
}

export function ReportsCard({ mine }: { mine: Outputs["reports"]["list"] }) {
  return (
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
  );
}

export function ManagedRequestsCard({ requests: managing }: { requests: Outputs["requests"]["list"] }) {
  return (
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
  );
}
