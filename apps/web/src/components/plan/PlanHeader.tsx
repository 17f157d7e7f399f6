// The top of a plan page: title, relation, rhythm and dates, state, a draft's next steps (edit,
// publish) and closing; then an invitation to answer and, once closed, the owner's reflection.

import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { formatDay } from "../../lib/format";
import { PlanStateBadge } from "./Badges";
import { ClosePlan } from "./ClosePlan";
import { InvitationAnswer } from "./InvitationAnswer";
import type { PlanView } from "./types";

function relationLine(t: TFunction, plan: PlanView): string {
  return t(`plan:header.relation.${plan.relation}`, { name: plan.subject.name });
}

/** Brings a part of the page into view and moves the focus there, for keyboard and screen readers too. */
function jumpTo(id: string) {
  const target = document.getElementById(id);
  target?.scrollIntoView({ block: "start" });
  target?.focus({ preventScroll: true });
}

export function PlanHeader({ plan, owner, open }: { plan: PlanView; owner: boolean; open: boolean }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap">
      <div>
        <Title order={2}>
          {owner ? t("plan:header.ownTitle") : t("plan:header.title", { name: plan.subject.name })}
        </Title>
        <Text c="dimmed" size="sm">
          {t("plan:header.rhythm", {
            relation: relationLine(t, plan),
            cadence: t(`plan:cadenceInline.${plan.cadence}`),
            from: formatDay(plan.startsOn),
            to: formatDay(plan.endsOn),
          })}
        </Text>
        {plan.requestId ? (
          <Anchor component={Link} to={`/reports/${plan.requestId}`} size="sm">
            {t("plan:header.report")}
          </Anchor>
        ) : null}
      </div>
      <Group gap="sm">
        <PlanStateBadge state={plan.state} />
        {owner && plan.state === "draft" ? (
          <>
            <Button variant="default" onClick={() => jumpTo("plan-content")}>
              {t("plan:header.edit")}
            </Button>
            <Button onClick={() => jumpTo("publish-card")}>{t("plan:header.review")}</Button>
          </>
        ) : null}
        {owner && open ? <ClosePlan plan={plan} /> : null}
      </Group>
    </Group>
  );
}

export function PlanNotices({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const invited = plan.myPartnership?.state === "invited" ? plan.myPartnership : null;
  return (
    <>
      {invited ? (
        <Alert color="blue" title={t(`plan:notices.invited.${invited.role}`, { name: plan.subject.name })}>
          <Stack gap="xs">
            <Text size="sm">{t("plan:notices.invitedText", { name: plan.subject.name })}</Text>
            <InvitationAnswer partnershipId={invited.id} subjectName={plan.subject.name} />
          </Stack>
        </Alert>
      ) : null}

      {plan.state === "closed" ? (
        <Card withBorder data-testid="reflection">
          <Stack gap={4}>
            <Title order={3} size="h4">
              {t("plan:notices.reflection")}
            </Title>
            <Text size="sm" c="dimmed">
              {t("plan:notices.closedOn", { date: plan.closedAt ? formatDay(plan.closedAt) : "" })}
            </Text>
            <Text size="sm">{plan.reflection}</Text>
          </Stack>
        </Card>
      ) : null}
    </>
  );
}
