// Released reports I may read: mine, those I requested, my coachees'.

import { Anchor, Badge, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { formatDay } from "../lib/format";

import { useTRPC } from "../lib/trpc";

export default function ReportsPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const reports = useQuery(trpc.reports.list.queryOptions());
  if (reports.isPending) return <PageLoader />;
  if (reports.isError) return <ErrorState error={reports.error} />;
  return (
    <Stack maw={860}>
      <Title order={2}>{t("report:list.title")}</Title>
      {reports.data.length === 0 ? (
        <Card withBorder>
          <Text>{t("report:list.empty")}</Text>
        </Card>
      ) : (
        reports.data.map((r) => (
          <Card key={r.requestId} withBorder data-testid="report-card">
            <Group justify="space-between">
              <div>
                <Anchor component={Link} to={`/reports/${r.requestId}`} fw={600}>
                  {r.relation === "self" ? t("report:header.own") : r.subject.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {t("report:list.released", { day: formatDay(r.releasedAt) })}
                </Text>
              </div>
              <Badge variant="light">{t(`report:relation.${r.relation}`)}</Badge>
            </Group>
          </Card>
        ))
      )}
    </Stack>
  );
}
