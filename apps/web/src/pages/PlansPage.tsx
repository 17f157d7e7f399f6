// My coaching plans, the released reports I can still make a plan from, and (for coaches) the
// plans of the people I coach.

import { Anchor, Card, Group, Progress, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { PlanStateBadge } from "../components/plan/Badges";
import { DimensionTag } from "../components/plan/DimensionTag";
import { MakePlanButton } from "../components/plan/MakePlanButton";
import type { PlanSummary } from "../components/plan/types";
import { formatDay } from "../lib/format";

import { useTRPC } from "../lib/trpc";

export default function PlansPage() {
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
      <Title order={2}>My plan</Title>
      {released.length > 0 ? (
        <Card withBorder data-testid="reports-without-plan">
          <Stack gap="sm">
            <Text fw={600}>Turn your latest report into a plan</Text>
            <Text size="sm" c="dimmed">
              Fivefold proposes what to work on, a strength to build on, actions and a goal; you change
              anything before you publish.
            </Text>
            {released.map((r) => (
              <Group key={r.id} justify="space-between" wrap="wrap" data-testid="report-without-plan">
                <Text size="sm">
                  Your 360 report, released {r.closedAt ? formatDay(r.closedAt) : ""} ·{" "}
                  <Anchor component={Link} to={`/reports/${r.id}`} size="sm">
                    read it
                  </Anchor>
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
            <Text>
              No plan yet. A plan grows from your released 360 report: once your manager closes a feedback
              request about you, it appears here and you can make your plan from it.
            </Text>
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
            Plans of the people you coach
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
  const next = plan.nextCheckin;
  return (
    <Card withBorder data-testid="plan-card">
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Anchor component={Link} to={`/plans/${plan.id}`} fw={600}>
            {plan.relation === "owner" ? "Your coaching plan" : `${plan.subject.name}'s plan`}
          </Anchor>
          <PlanStateBadge state={plan.state} />
        </Group>
        <Group gap="xs">
          {plan.focus.map((key) => (
            <DimensionTag key={key} dimension={key} />
          ))}
        </Group>
        <Group gap="sm" wrap="nowrap">
          <Progress value={plan.progress} flex={1} aria-label={`Progress ${plan.progress}%`} />
          <Text size="xs">{plan.progress}%</Text>
        </Group>
        <Text size="sm" c="dimmed">
          {plan.state === "draft"
            ? `Circle: ${plan.circle.partners} partner(s), ${plan.circle.leads ? "lead" : "no lead"} accepted${plan.circle.ready ? " · ready to publish" : ""}`
            : plan.state === "closed"
              ? `Closed ${plan.closedAt ? formatDay(plan.closedAt) : ""}`
              : next
                ? `${next.status === "overdue" ? "Overdue" : next.status === "due" ? "Due now" : "Next check-in"}: ${formatDay(next.dueOn)}`
                : `Runs until ${formatDay(plan.endsOn)}`}
        </Text>
      </Stack>
    </Card>
  );
}
