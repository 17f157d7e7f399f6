// Words and types the cycle pages share: phases, pre-flight problems, the API's outputs.
import type { AppRouter } from "@fivefold/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;
export type CycleSummary = Outputs["cycles"]["list"][number];
export type CycleDetail = Outputs["cycles"]["get"];
export type Preflight = Outputs["cycles"]["preflight"];
export type PreflightProblem = Preflight["problems"][number];
export type CycleProgress = Outputs["cycles"]["progress"];
export type OrgView = Outputs["analytics"]["org"];
export type OrgCell = OrgView["cells"][number];
export type ManagerNominations = Outputs["nominations"]["forManager"];

export const PHASE_LABELS: Record<string, { label: string; color: string }> = {
  draft: { label: "Draft", color: "gray" },
  nominations: { label: "Nominations", color: "blue" },
  answering: { label: "Answering", color: "indigo" },
  closed: { label: "Closed, waiting for release", color: "yellow" },
  released: { label: "Released", color: "green" },
};

export const PROBLEM_LABELS: Record<PreflightProblem["kind"], string> = {
  no_manager: "Has no manager",
  pooled: "A group below the threshold is pooled",
  cannot_reach_k: "Cannot reach the anonymity threshold",
  open_request: "Already has an open request",
  too_close: "Too close to an earlier report",
  over_cap: "A rater is asked too often",
};

export const GROUPING_LABELS = {
  team: "Team",
  level: "Manager level",
  department: "Department",
  location: "Location",
} as const;

/** Today in UTC as YYYY-MM-DD, and a day `days` later: the API's days are UTC days. */
export function utcDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
