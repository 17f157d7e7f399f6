// One coaching plan. The owner shapes it (focus, actions, WOOP, rhythm), builds the support
// circle, publishes, checks in and closes it; the coach works on it with them; the circle sees the
// plan and progress (never the report) and encourages each check-in.
import { Card, Grid, Group, Progress, Stack, Text } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { Navigate, useLocation, useParams } from "react-router";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { ActionsCard } from "../components/plan/ActionsCard";
import { CheckinForm } from "../components/plan/CheckinForm";
import { CheckinTimeline } from "../components/plan/CheckinTimeline";
import { CircleCard } from "../components/plan/CircleCard";
import { FocusCard } from "../components/plan/FocusCard";
import { PlanHeader, PlanNotices } from "../components/plan/PlanHeader";
import { PublishCard } from "../components/plan/PublishCard";
import { PulseCard } from "../components/plan/PulseCard";
import { ScheduleCard } from "../components/plan/ScheduleCard";
import { percent } from "../components/plan/types";
import { WoopCard } from "../components/plan/WoopCard";

import { formatNumber } from "../lib/format";
import { useTRPC } from "../lib/trpc";

export default function PlanPage() {
  const { t } = useTranslation();
  const { planId = "" } = useParams();
  const trpc = useTRPC();
  const { pathname } = useLocation();
  const query = useQuery(trpc.plans.get.queryOptions({ planId }));
  if (query.isPending) return <PageLoader />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const plan = query.data;
  // The circle reads the plan under "Plans I support"; owner and coach under "My plan" (links in
  // e-mails lead to /plans/… for everyone).
  const home = plan.relation === "partner" || plan.relation === "lead" ? "/support/plans/" : "/plans/";
  if (!pathname.startsWith(home)) return <Navigate to={`${home}${plan.id}`} replace />;
  const owner = plan.relation === "owner";
  const open = plan.state !== "closed";
  const editable = (owner || plan.relation === "coach") && open;

  return (
    <Stack maw={1200} gap="md">
      <PlanHeader plan={plan} owner={owner} open={open} />
      <Card withBorder p="sm">
        <Group gap="sm" wrap="nowrap">
          <Text size="sm" fw={600} miw={80}>
            {t("plan:page.progress")}
          </Text>
          <Progress
            value={plan.progress}
            flex={1}
            size="lg"
            aria-label={t("plan:progressAria", { value: formatNumber(plan.progress) })}
          />
          <Text size="sm" w={56} ta="right" data-testid="plan-progress" style={{ whiteSpace: "nowrap" }}>
            {percent(t, plan.progress)}
          </Text>
        </Group>
      </Card>

      <PlanNotices plan={plan} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md" id="plan-content" tabIndex={-1} role="region" aria-label={t("plan:page.region")}>
            <FocusCard plan={plan} editable={editable} />
            <ActionsCard plan={plan} editable={editable} />
            <WoopCard plan={plan} editable={editable} />
            <ScheduleCard plan={plan} editable={editable} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Stack gap="md">
            {owner && plan.state === "draft" ? <PublishCard plan={plan} /> : null}
            <PulseCard plan={plan} />
            <CircleCard plan={plan} canInvite={owner && open} />
            {owner && plan.state === "active" ? <CheckinForm key={plan.progress} plan={plan} /> : null}
            <CheckinTimeline plan={plan} canEncourage={plan.myPartnership?.state === "accepted"} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
