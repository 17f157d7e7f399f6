// Plans I support: invitations to answer, and the plans whose circle I joined, with the latest
// check-in and a word of encouragement. Never anyone's report.

import { Anchor, Badge, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { PlanStateBadge } from "../components/plan/Badges";
import { EncourageForm } from "../components/plan/CheckinTimeline";
import { StepDown } from "../components/plan/CircleChange";
import { DimensionTag } from "../components/plan/DimensionTag";
import { InvitationAnswer } from "../components/plan/InvitationAnswer";
import { PlanProgressBar } from "../components/plan/PlanProgressBar";
import { percent, type SupportedPlan } from "../components/plan/types";
import { formatDay } from "../lib/format";

import { useTRPC } from "../lib/trpc";

export default function SupportPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const list = useQuery(trpc.partners.list.queryOptions());
  if (list.isPending) return <PageLoader />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => list.refetch()} />;
  const invitations = list.data.filter((s) => s.state === "invited" && s.plan.state !== "closed");
  const supported = list.data.filter((s) => s.state === "accepted");

  return (
    <Stack maw={1100} gap="lg">
      <Title order={2}>{t("plan:support.title")}</Title>
      {list.data.length === 0 ? (
        <Card withBorder>
          <Text>
            <Trans
              i18nKey="plan:support.empty"
              components={{ go: <Anchor component={Link} to="/profile" /> }}
            />
          </Text>
        </Card>
      ) : null}
      {invitations.length > 0 ? (
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t("plan:support.invitations")}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {invitations.map((s) => (
              <Card key={s.partnershipId} withBorder data-testid="support-invitation">
                <Stack gap="xs">
                  <Text fw={600}>{t(`plan:support.asks.${s.role}`, { name: s.plan.subject.name })}</Text>
                  <Focus support={s} />
                  {s.plan.wish ? (
                    <Text size="sm">{t("plan:support.goal", { wish: s.plan.wish })}</Text>
                  ) : null}
                  <Anchor component={Link} to={`/support/plans/${s.plan.id}`} size="sm">
                    {t("plan:support.see")}
                  </Anchor>
                  <InvitationAnswer partnershipId={s.partnershipId} subjectName={s.plan.subject.name} />
                </Stack>
              </Card>
            ))}
          </SimpleGrid>
        </Stack>
      ) : null}
      {supported.length > 0 ? (
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t("plan:support.circles")}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {supported.map((s) => (
              <SupportedCard key={s.partnershipId} support={s} />
            ))}
          </SimpleGrid>
        </Stack>
      ) : null}
    </Stack>
  );
}

function Focus({ support }: { support: SupportedPlan }) {
  return (
    <Group gap="xs">
      {support.plan.focus.map((key) => (
        <DimensionTag key={key} dimension={key} />
      ))}
    </Group>
  );
}

function SupportedCard({ support }: { support: SupportedPlan }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const plan = support.plan;
  const checkins = useQuery(trpc.checkins.list.queryOptions({ planId: plan.id }));
  const latest = checkins.data?.[0];
  return (
    <Card withBorder data-testid="supported-plan">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Anchor component={Link} to={`/support/plans/${plan.id}`} fw={600}>
            {t("plan:plans.theirs", { name: plan.subject.name })}
          </Anchor>
          <Group gap={4} wrap="nowrap">
            <Badge variant="light" color="indigo">
              {t(`plan:role.${support.role}`)}
            </Badge>
            <PlanStateBadge state={plan.state} />
          </Group>
        </Group>
        <Focus support={support} />
        <PlanProgressBar progress={plan.progress} />
        <Text size="sm" c="dimmed">
          {plan.state === "draft"
            ? t("plan:support.draft")
            : plan.nextCheckin
              ? plan.nextCheckin.status === "overdue"
                ? t("plan:support.overdueSince", { date: formatDay(plan.nextCheckin.dueOn) })
                : t("plan:support.next", { date: formatDay(plan.nextCheckin.dueOn) })
              : plan.state === "closed"
                ? t("plan:support.closed")
                : t("plan:support.runsUntil", { date: formatDay(plan.endsOn) })}
        </Text>
        {latest ? (
          <Stack gap={4} data-testid="latest-checkin">
            <Text size="sm" fw={600}>
              {t("plan:support.latest", {
                date: formatDay(latest.createdAt),
                progress: percent(t, latest.progress),
              })}
            </Text>
            {latest.note ? <Text size="sm">{latest.note}</Text> : null}
            {latest.encouragements.map((e) => (
              <Text key={e.id} size="xs" c="dimmed">
                {e.author.name}: {e.text}
              </Text>
            ))}
            <EncourageForm checkinId={latest.id} />
          </Stack>
        ) : plan.state !== "draft" ? (
          <Text size="sm">{t("plan:support.noCheckin")}</Text>
        ) : null}
        {plan.state !== "closed" ? (
          <Group justify="flex-end">
            <StepDown partnershipId={support.partnershipId} ownerName={plan.subject.name} />
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
