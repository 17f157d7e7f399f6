// Words and types the cycle pages share: phases, states, pre-flight problems, the API's outputs.
// Words are looked up when shown (never at module load), in the page's language.
import type { AppRouter } from "@fivefold/api";
import type { inferRouterOutputs } from "@trpc/server";
import i18next from "i18next";
import { sentence } from "../i18n/sentence";
import { formatDay } from "./format";

type Outputs = inferRouterOutputs<AppRouter>;
export type CycleSummary = Outputs["cycles"]["list"][number];
export type CycleDetail = Outputs["cycles"]["get"];
export type Preflight = Outputs["cycles"]["preflight"];
export type PreflightProblem = Preflight["problems"][number];
export type CycleProgress = Outputs["cycles"]["progress"];
export type OrgView = Outputs["analytics"]["org"];
export type OrgCell = OrgView["cells"][number];
export type ManagerNominations = Outputs["nominations"]["forManager"];

/** A cycle's phases and the colour each is shown in. */
export const PHASE_COLORS: Record<string, string> = {
  draft: "gray",
  nominations: "blue",
  answering: "indigo",
  closed: "yellow",
  released: "green",
};

/** A cycle's phase in the page's language (a phase the web does not know, as the API wrote it). */
export function phaseLabel(phase: string): string {
  return Object.hasOwn(PHASE_COLORS, phase) ? i18next.t(`cycles:phase.${phase}`) : phase;
}

const REQUEST_STATES = new Set(["draft", "open", "closed", "released", "insufficient", "cancelled"]);

/** A request's state in the page's language. */
export function requestStateLabel(state: string): string {
  return REQUEST_STATES.has(state) ? i18next.t(`cycles:state.${state}`) : state;
}

const RATER_GROUPS = new Set(["self", "manager", "peer", "direct_report", "other"]);

/** A rater group in the page's language. */
export function groupLabel(group: string): string {
  return RATER_GROUPS.has(group) ? i18next.t(`cycles:group.${group}`) : group;
}

/** A pre-flight problem's kind in the page's language. */
export function problemLabel(kind: PreflightProblem["kind"]): string {
  return i18next.t(`cycles:preflight.problem.${kind}`);
}

/**
 * Why a pre-flight problem is one, with its figures: the API's English sentence
 * (packages/domain/src/cycles/preflight.ts, `detail`) in the page's language (sentences/<lang>/data.json).
 */
export function problemReason(problem: Pick<PreflightProblem, "detail">): string {
  return sentence(problem.detail);
}

/** An optional day of a cycle, written in the page's language ("—" when not set). */
export function cycleDay(day: string | null | undefined): string {
  return day ? formatDay(day) : "—";
}

/** The org view's groupings (OrgViewPage shows these), in the API's order. */
export const GROUPINGS = ["team", "level", "department", "location"] as const;
export type Grouping = (typeof GROUPINGS)[number];

/** A grouping of the org view in the page's language. */
export function groupingLabel(grouping: Grouping): string {
  return i18next.t(`dashboard:org.grouping.${grouping}`);
}

/** Today in UTC as YYYY-MM-DD, and a day `days` later: the API's days are UTC days. */
export function utcDay(days = 0): string {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
}
