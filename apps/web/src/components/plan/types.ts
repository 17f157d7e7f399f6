// The grow API's shapes as the browser sees them, and the words the plan pages use (dates go
// through the domain's formatDay).
import type { AppRouter } from "@fivefold/api";
import { type ActionStatus, type DimensionKey, getInstrument } from "@fivefold/domain";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;
export type PlanView = Outputs["plans"]["get"];
export type PlanSummary = Outputs["plans"]["list"][number];
export type Checkin = Outputs["checkins"]["list"][number];
export type SupportedPlan = Outputs["partners"]["list"][number];

const instrument = getInstrument();
export const DIMENSIONS = instrument.dimensions.map((d) => ({ key: d.key, name: d.name }));
const names = new Map(DIMENSIONS.map((d) => [d.key, d.name]));

export function dimensionName(key: string): string {
  return names.get(key as DimensionKey) ?? key;
}

export const ACTION_STATUS_LABELS: Record<ActionStatus, { label: string; color: string }> = {
  not_started: { label: "Not started", color: "gray" },
  in_progress: { label: "In progress", color: "blue" },
  done: { label: "Done", color: "green" },
};

export const PLAN_STATE_LABELS: Record<string, { label: string; color: string }> = {
  draft: { label: "Draft", color: "gray" },
  active: { label: "Active", color: "green" },
  closed: { label: "Closed", color: "dark" },
};

export const PARTNERSHIP_LABELS: Record<string, { label: string; color: string }> = {
  invited: { label: "Invited", color: "yellow" },
  accepted: { label: "Accepted", color: "green" },
  declined: { label: "Declined", color: "gray" },
};

export const DUE_LABELS: Record<string, { label: string; color: string }> = {
  done: { label: "Done", color: "green" },
  upcoming: { label: "Upcoming", color: "gray" },
  due: { label: "Due now", color: "blue" },
  overdue: { label: "Overdue", color: "red" },
  missed: { label: "Missed", color: "orange" },
};

export const CADENCE_LABELS = {
  weekly: "Every week",
  fortnightly: "Every two weeks",
  monthly: "Every month",
} as const;

export const ROLE_LABELS = { partner: "Partner", lead: "Accountability lead" } as const;
