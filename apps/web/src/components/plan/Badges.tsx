// Small state badges of the grow pages.
import type { ActionStatus, DueStatus, PartnershipState, PlanState } from "@fivefold/domain";
import { Badge } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { ACTION_STATUS_COLORS, DUE_COLORS, PARTNERSHIP_COLORS, PLAN_STATE_COLORS } from "./types";

function LabelBadge({ label, color, testId }: { label: string; color: string; testId?: string }) {
  return (
    // The light variant's coloured text is under 4.5:1 for yellow, orange and green: the tint
    // carries the colour, the words keep the text colour.
    <Badge
      color={color}
      variant="light"
      data-testid={testId}
      styles={{
        root: { flexShrink: 0, overflow: "visible" },
        label: { color: "var(--mantine-color-text)", overflow: "visible" },
      }}
    >
      {label}
    </Badge>
  );
}

export function PlanStateBadge({ state }: { state: PlanState }) {
  const { t } = useTranslation();
  return <LabelBadge label={t(`plan:state.${state}`)} color={PLAN_STATE_COLORS[state]} testId="plan-state" />;
}

export function PartnershipBadge({ state }: { state: PartnershipState }) {
  const { t } = useTranslation();
  return (
    <LabelBadge
      label={t(`plan:partnership.${state}`)}
      color={PARTNERSHIP_COLORS[state]}
      testId="partnership-state"
    />
  );
}

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  const { t } = useTranslation();
  return <LabelBadge label={t(`plan:status.${status}`)} color={ACTION_STATUS_COLORS[status]} />;
}

export function DueBadge({ status }: { status: DueStatus }) {
  const { t } = useTranslation();
  return <LabelBadge label={t(`plan:due.${status}`)} color={DUE_COLORS[status]} />;
}
