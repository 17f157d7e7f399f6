// My coaching plans, the released reports I can still make a plan from, and (for coaches) the
// plans of the people I coach.

import { Anchor, Card, Group, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Trans, useTranslation } from "react-i18next";
import { Link } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { PlanStateBadge } from "../components/plan/Badges";
import { DimensionTag } from "../components/plan/DimensionTag";
import { MakePlanButton } from "../components/plan/MakePlanButton";
import { PlanProgressBar } from "../components/plan/PlanProgressBar";
import type { PlanSummary } from "../components/plan/types";
import { formatDay } from "../lib/format";

import { useTRPC } from "../lib/trpc";

export default function PlansPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const plans = useQuery(trpc.plans.list.queryOptions());
  const requests = useQuery(trpc.requests.list.queryOptions());
  if (plans.isPending || requests.isPending) return <PageLoader />;
  if (plans.isError) return <ErrorState error={plans.error} onRetry={() => plans.refetch()} />;
  if (requests.isError) return <ErrorState error={requests.error} onRetry={() => requests.refetch()} />;

  const mine = plans.data.filter((p) => p.relation === "owner");
  const coached = plans.data.filter((p) => p.relation === "coach");
  const planned = new Set(plans.data.map((p) => p.requestId));
  // Only the latest released report is offered: a plan from an older one would plan for the past.
  const latest = requests.data
    .filter((r) => r.role === "subject" && r.state === "released")
    .sort((x, y) => (y.closedAt ?? "").localeCompare(x.closedAt ?? ""))[0];
  const released = latest && !planned.has(latest.id) ? [latest] : [];

  return (
    <Stack maw={1100} gap="lg">
      <Title order={2}>{t("plan:plans.title")}</Title>
      {released.length > 0 ? (
        <Card withBorder data-testid="reports-without-plan">
          <Stack gap="sm">
            <Text fw={600}>{t("plan:plans.turn")}</Text>
            <Text size="sm" c="dimmed">
              {t("plan:plans.turnIntro")}
            </Text>
            {released.map((r) => (
              <Group key={r.id} justify="space-between" wrap="wrap" data-testid="report-without-plan">
                <Text size="sm">
                  <Trans
                    i18nKey="plan:plans.released"
                    values={{ date: r.closedAt ? formatDay(r.closedAt) : "" }}
                    components={{ go: <Anchor component={Link} to={`/reports/${r.id}`} size="sm" /> }}
                  />
                </Text>
                <MakePlanButton requestId={r.id} />
              </Group>
            ))}
          </Stack>
        </Card>
      ) : null}
      {mine.length === 0 ? (
        released.length === 0 ? (
          <Card withBorder>
            <Text>{t("plan:plans.noPlan")}</Text>
          </Card>
        ) : null
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          {mine.map((plan) => (
            <PlanCard key={plan.id} plan={plan} />
          ))}
        </SimpleGrid>
      )}
      {coached.length > 0 ? (
        <Stack gap="sm">
          <Title order={3} size="h4">
            {t("plan:plans.coached")}
          </Title>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {coached.map((plan) => (
              <PlanCard key={plan.id} plan={plan} />
            ))}
          </SimpleGrid>
        </Stack>
      ) : null}
    </Stack>
  );
}

function PlanCard({ plan }: { plan: PlanSummary }) {
  const { t } = useTranslation();
  const next = plan.nextCheckin;
  const count = plan.circle.partners;
  const circle = plan.circle.leads
    ? t("plan:plans.circleLead", { count })
    : t("plan:plans.circleNoLead", { count });
  return (
    <Card withBorder data-testid="plan-card">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Anchor component={Link} to={`/plans/${plan.id}`} fw={600}>
            {plan.relation === "owner"
              ? t("plan:plans.own")
              : t("plan:plans.theirs", { name: plan.subject.name })}
          </Anchor>
          <PlanStateBadge state={plan.state} />
        </Group>
        <Group gap="xs">
          {plan.focus.map((key) => (
            <DimensionTag key={key} dimension={key} />
          ))}
        </Group>
        <PlanProgressBar progress={plan.progress} />
        <Text size="sm" c="dimmed">
          {plan.state === "draft"
            ? `${circle}${plan.circle.ready ? t("plan:plans.readyToPublish") : ""}`
            : plan.state === "closed"
              ? t("plan:plans.closed", { date: plan.closedAt ? formatDay(plan.closedAt) : "" })
              : next
                ? next.status === "overdue"
                  ? t("plan:plans.overdue", { date: formatDay(next.dueOn) })
                  : next.status === "due"
                    ? t("plan:plans.dueNow", { date: formatDay(next.dueOn) })
                    : t("plan:plans.next", { date: formatDay(next.dueOn) })
                : t("plan:plans.runsUntil", { date: formatDay(plan.endsOn) })}
        </Text>
      </Stack>
    </Card>
  );
}
