// My invitations to give feedback, with their state ("Continue" where a draft is kept on this device).

import { Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { PulseInvitations } from "../components/pulse/PulseInvitations";
import { StateBadge } from "../components/StateBadge";
import { formatDay } from "../lib/format";
import { hasLocalDraft } from "../lib/local-draft";
import { useTRPC } from "../lib/trpc";

export default function InboxPage() {
  const trpc = useTRPC();
  const inbox = useQuery(trpc.inbox.list.queryOptions());
  const { t } = useTranslation();
  if (inbox.isPending) return <PageLoader />;
  if (inbox.isError) return <ErrorState error={inbox.error} onRetry={() => inbox.refetch()} />;
  return (
    <Stack maw={860}>
      <Title order={2}>{t("shell:nav.inbox")}</Title>
      <PulseInvitations />
      {inbox.data.length === 0 ? (
        <Card withBorder>
          <Text>{t("shell:inbox.empty")}</Text>
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
                  <Text fw={600}>
                    {item.group === "self" ? t("shell:selfAssessment") : item.subject.name}
                  </Text>
                  <Text size="sm" c="dimmed">
                    {t(`shell:inbox.as.${item.group}`, { date: formatDay(item.deadline) })}
                  </Text>
                </div>
                <Group gap="sm">
                  <StateBadge state={started ? "started-here" : item.state} />
                  {open ? (
                    <Button
                      component={Link}
                      to={`/feedback/${item.invitationId}`}
                      aria-label={
                        started
                          ? t("shell:inbox.continueOn", { name: item.subject.name })
                          : t("shell:inbox.giveOn", { name: item.subject.name })
                      }
                    >
                      {started ? t("shell:inbox.continue") : t("shell:inbox.give")}
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
