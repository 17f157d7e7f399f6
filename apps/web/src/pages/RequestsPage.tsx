// Feedback requests I manage or am the subject of, with progress per group for the ones I manage.

import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { GroupProgress } from "../components/GroupProgress";
import { PageLoader } from "../components/PageLoader";
import { StateBadge } from "../components/StateBadge";
import { formatDay } from "../lib/format";

import { useMe } from "../lib/me";
import { useTRPC } from "../lib/trpc";

export default function RequestsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const me = useMe();
  const requests = useQuery(trpc.requests.list.queryOptions());
  const canRequest = me.roles.includes("manager") || me.roles.includes("admin");

  if (requests.isPending) return <PageLoader />;
  if (requests.isError) return <ErrorState error={requests.error} onRetry={() => requests.refetch()} />;

  return (
    <Stack maw={1100}>
      <Group justify="space-between">
        <Title order={2}>{t("requests:list.title")}</Title>
        {canRequest ? (
          <Button component={Link} to="/requests/new">
            {t("requests:list.new")}
          </Button>
        ) : null}
      </Group>
      {requests.data.length === 0 ? (
        <Card withBorder>
          <Text>{canRequest ? t("requests:list.emptyManager") : t("requests:list.emptyMember")}</Text>
        </Card>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {requests.data.map((r) => (
            <Card key={r.id} withBorder data-testid="request-card">
              <Stack gap="xs">
                <Group justify="space-between" wrap="nowrap">
                  <Anchor component={Link} to={`/requests/${r.id}`} fw={600}>
                    {r.role === "subject" ? t("requests:list.onYou") : r.subject.name}
                  </Anchor>
                  <StateBadge state={r.state} />
                </Group>
                <Text size="sm" c="dimmed">
                  {t("requests:list.deadline", { deadline: formatDay(r.deadline) })}
                  {r.pendingNominations ? t("requests:list.proposed", { count: r.pendingNominations }) : ""}
                </Text>
                {r.groups && r.groups.length > 0 ? <GroupProgress groups={r.groups} /> : null}
                {r.state === "released" ? (
                  <Anchor component={Link} to={`/reports/${r.id}`} size="sm">
                    {t("requests:list.openReport")}
                  </Anchor>
                ) : null}
              </Stack>
            </Card>
          ))}
        </SimpleGrid>
      )}
    </Stack>
  );
}
