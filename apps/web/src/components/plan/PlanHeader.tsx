// The top of a plan page: title, relation, rhythm and dates, state, a draft's next steps (edit,
// publish) and closing; then an invitation to answer and, once closed, the owner's reflection.

import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { Link } from "react-router";
import { formatDay } from "../../lib/format";
import { PlanStateBadge } from "./Badges";
import { ClosePlan } from "./ClosePlan";
import { InvitationAnswer } from "./InvitationAnswer";
import { CADENCE_LABELS, type PlanView, ROLE_LABELS } from "./types";

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

/** Brings a part of the page into view and moves the focus there, for keyboard and screen readers too. */
function jumpTo(id: string) {
  const target = document.getElementById(id);
  target?.scrollIntoView({ block: "start" });
  target?.focus({ preventScroll: true });
}

export function PlanHeader({ plan, owner, open }: { plan: PlanView; owner: boolean; open: boolean }) {
  return (
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
        {owner && plan.state === "draft" ? (
          <>
            <Button variant="default" onClick={() => jumpTo("plan-content")}>
              Edit the plan
            </Button>
            <Button onClick={() => jumpTo("publish-card")}>Review and publish</Button>
          </>
        ) : null}
        {owner && open ? <ClosePlan plan={plan} /> : null}
      </Group>
    </Group>
  );
}

export function PlanNotices({ plan }: { plan: PlanView }) {
  const invited = plan.myPartnership?.state === "invited" ? plan.myPartnership : null;
  return (
    <>
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
    </>
  );
}
