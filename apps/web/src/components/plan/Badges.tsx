// Small state badges of the grow pages.
import type { ActionStatus } from "@fivefold/domain";
import { Badge } from "@mantine/core";
import { ACTION_STATUS_LABELS, DUE_LABELS, PARTNERSHIP_LABELS, PLAN_STATE_LABELS } from "./types";

function LabelBadge({ info, testId }: { info: { label: string; color: string }; testId?: string }) {
  return (
    // The light variant's coloured text is under 4.5:1 for yellow, orange and green: the tint
    // carries the colour, the words keep the text colour.
    <Badge
      color={info.color}
      variant="light"
      data-testid={testId}
      styles={{
        root: { flexShrink: 0, overflow: "visible" },
        label: { color: "var(--mantine-color-text)", overflow: "visible" },
      }}
    >
      {info.label}
    </Badge>
  );
}

export function PlanStateBadge({ state }: { state: string }) {
  return (
    <LabelBadge info={PLAN_STATE_LABELS[state] ?? { label: state, color: "gray" }} testId="plan-state" />
  );
}

export function PartnershipBadge({ state }: { state: string }) {
  return (
    <LabelBadge
      info={PARTNERSHIP_LABELS[state] ?? { label: state, color: "gray" }}
      testId="partnership-state"
    />
  );
}

export function ActionStatusBadge({ status }: { status: ActionStatus }) {
  return <LabelBadge info={ACTION_STATUS_LABELS[status]} />;
}

export function DueBadge({ status }: { status: string }) {
  return <LabelBadge info={DUE_LABELS[status] ?? { label: status, color: "gray" }} />;
}
