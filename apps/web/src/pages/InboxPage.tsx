// My invitations to give feedback, with their state ("Continue" where a draft is kept on this device).

import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { PulseInvitations } from "../components/pulse/PulseInvitations";
import { StateBadge } from "../components/StateBadge";
import { formatDay } from "../lib/format";
import { GROUP_LABELS } from "../lib/labels";
import { hasLocalDraft } from "../lib/local-draft";
import { useTRPC } from "../lib/trpc";

export default function InboxPage() {
  const trpc = useTRPC();
  const inbox = useQuery(trpc.inbox.list.queryOptions());
  if (inbox.isPending) return <PageLoader />;
  if (inbox.isError) return <ErrorState error={inbox.error} onRetry={() => inbox.refetch()} />;
  return (
    <Stack maw={860}>
      <Title order={2}>Inbox</Title>
      <PulseInvitations />
      {inbox.data.length === 0 ? (
        <Card withBorder>
          <Text>Nothing to answer right now. When someone asks for your feedback, it appears here.</Text>
        </Card>
      ) : (
        inbox.data.map((item) => {
          const open = item.state === "pending";
          // Started here before: the draft is on this device, never on the server.
          const started = open && hasLocalDraft(item.invitationId);
          return (
            <Card key={item.invitationId} withBorder data-testid="inbox-item">
              <Group justify="space-between" wrap="wrap">
                <div>
                  <Text fw={600}>{item.group === "self" ? "Your self-assessment" : item.subject.name}</Text>
                  <Text size="sm" c="dimmed">
                    As {GROUP_LABELS[item.group].toLowerCase()} · answer by {formatDay(item.deadline)}
                  </Text>
                </div>
                <Group gap="sm">
                  <StateBadge state={started ? "started-here" : item.state} />
                  {open ? (
                    <Button
                      component={Link}
                      to={`/feedback/${item.invitationId}`}
                      aria-label={`${started ? "Continue" : "Give"} feedback on ${item.subject.name}`}
                    >
                      {started ? "Continue" : "Give feedback"}
                    </Button>
                  ) : null}
                </Group>
              </Group>
            </Card>
          );
        })
      )}
    </Stack>
  );
}
