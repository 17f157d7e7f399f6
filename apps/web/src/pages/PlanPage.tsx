// One coaching plan. The owner shapes it (focus, actions, WOOP, rhythm), builds the support
// circle, publishes, checks in and closes it; the coach works on it with them; the circle sees the
// plan and progress (never the report) and encourages each check-in.
import { formatDay } from "@fivefold/domain";
import { Alert, Anchor, Card, Grid, Group, Progress, Stack, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { ActionsCard } from "../components/plan/ActionsCard";
import { PlanStateBadge } from "../components/plan/Badges";
import { CheckinForm } from "../components/plan/CheckinForm";
import { CheckinTimeline } from "../components/plan/CheckinTimeline";
import { CircleCard } from "../components/plan/CircleCard";
import { ClosePlan } from "../components/plan/ClosePlan";
import { FocusCard } from "../components/plan/FocusCard";
import { InvitationAnswer } from "../components/plan/InvitationAnswer";
import { PublishCard } from "../components/plan/PublishCard";
import { ScheduleCard } from "../components/plan/ScheduleCard";
import { CADENCE_LABELS, type PlanView, ROLE_LABELS } from "../components/plan/types";
import { WoopCard } from "../components/plan/WoopCard";

import { useTRPC } from "../lib/trpc";

function relationLine(plan: PlanView): string {
  switch (plan.relation) {
    case "owner":
      return "Your plan";
    case "coach":
      return `You coach ${plan.subject.name}: you can shape this plan with them`;
    default:
      return `You are ${plan.relation === "lead" ? "the accountability lead" : "a partner"} in ${plan.subject.name}'s support circle`;
  }
}

export default function PlanPage() {
  const { planId = "" } = useParams();
  const trpc = useTRPC();
  const query = useQuery(trpc.plans.get.queryOptions({ planId }));
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const plan = query.data;
  const owner = plan.relation === "owner";
  const open = plan.state !== "closed";
  const editable = (owner || plan.relation === "coach") && open;
  const invited = plan.myPartnership?.state === "invited" ? plan.myPartnership : null;

  return (
    <Stack maw={1200} gap="md">
      <Group justify="space-between" align="flex-start" wrap="wrap">
        <div>
          <Title order={2}>{owner ? "Your coaching plan" : `${plan.subject.name}'s coaching plan`}</Title>
          <Text c="dimmed" size="sm">
            {relationLine(plan)} · {CADENCE_LABELS[plan.cadence].toLowerCase()} check-ins,{" "}
            {formatDay(plan.startsOn)} – {formatDay(plan.endsOn)}
          </Text>
          {plan.requestId ? (
            <Anchor component={Link} to={`/reports/${plan.requestId}`} size="sm">
              The report this plan grew from
            </Anchor>
          ) : null}
        </div>
        <Group gap="sm">
          <PlanStateBadge state={plan.state} />
          {owner && open ? <ClosePlan plan={plan} /> : null}
        </Group>
      </Group>

      <Card withBorder p="sm">
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" fw={600} w={80}>
            Progress
          </Text>
          <Progress value={plan.progress} flex={1} size="lg" aria-label={`Progress ${plan.progress}%`} />
          <Text size="sm" w={48} ta="right" data-testid="plan-progress">
            {plan.progress}%
          </Text>
        </Group>
      </Card>

      {invited ? (
        <Alert
          color="blue"
          title={`${plan.subject.name} invited you as ${ROLE_LABELS[invited.role].toLowerCase()}`}
        >
          <Stack gap="xs">
            <Text size="sm">
              You would see this plan, {plan.subject.name}'s progress and notes, and could encourage each
              check-in. You never see their report.
            </Text>
            <InvitationAnswer partnershipId={invited.id} subjectName={plan.subject.name} />
          </Stack>
        </Alert>
      ) : null}

      {plan.state === "closed" ? (
        <Card withBorder data-testid="reflection">
          <Stack gap={4}>
            <Title order={3} size="h4">
              Reflection
            </Title>
            <Text size="sm" c="dimmed">
              Closed {plan.closedAt ? formatDay(plan.closedAt) : ""}
            </Text>
            <Text size="sm">{plan.reflection}</Text>
          </Stack>
        </Card>
      ) : null}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md">
            <FocusCard plan={plan} editable={editable} />
            <ActionsCard plan={plan} editable={editable} />
            <WoopCard plan={plan} editable={editable} />
            <ScheduleCard plan={plan} editable={editable} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            {owner && plan.state === "draft" ? <PublishCard plan={plan} /> : null}
            <CircleCard plan={plan} canInvite={owner && open} />
            {owner && plan.state === "active" ? <CheckinForm key={plan.progress} plan={plan} /> : null}
            <CheckinTimeline plan={plan} canEncourage={plan.myPartnership?.state === "accepted"} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
