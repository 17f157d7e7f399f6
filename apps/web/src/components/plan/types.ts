// The grow API's shapes as the browser sees them, and the words the plan pages use: each state's
// colour here, its words in the `plan` namespace (dates go through lib/format).
import type { AppRouter } from "@fivefold/api";
import {
  type ActionStatus,
  type DimensionKey,
  type DueStatus,
  getInstrument,
  type PartnershipState,
  type PlanState,
} from "@fivefold/domain";
import type { inferRouterOutputs } from "@trpc/server";
import type { TFunction } from "i18next";
import { formatNumber } from "../../lib/format";

type Outputs = inferRouterOutputs<AppRouter>;
export type PlanView = Outputs["plans"]["get"];
export type PlanSummary = Outputs["plans"]["list"][number];
export type Checkin = Outputs["checkins"]["list"][number];
export type SupportedPlan = Outputs["partners"]["list"][number];

const instrument = getInstrument();
/** The dimensions in the instrument's order; `name` is the English name (show `dimensionName`). */
export const DIMENSIONS = instrument.dimensions.map((d) => ({ key: d.key, name: d.name }));
const keys = new Set<string>(DIMENSIONS.map((d) => d.key));

/** A dimension's name in the page's language (an unknown key as it is). */
export function dimensionName(t: TFunction, key: string): string {
  return keys.has(key) ? t(`plan:dimension.${key as DimensionKey}`) : key;
}

/** A percentage as the page's language writes it (`40%`, `40 %`). */
export function percent(t: TFunction, value: number): string {
  return t("plan:percent", { value: formatNumber(value) });
}

export const ACTION_STATUS_COLORS: Record<ActionStatus, string> = {
  not_started: "gray",
  in_progress: "blue",
  done: "green",
};

export const PLAN_STATE_COLORS: Record<PlanState, string> = {
  draft: "gray",
  active: "green",
  closed: "dark",
};

export const PARTNERSHIP_COLORS: Record<PartnershipState, string> = {
  invited: "yellow",
  accepted: "green",
  declined: "gray",
};

export const DUE_COLORS: Record<DueStatus, string> = {
  done: "green",
  upcoming: "gray",
  due: "blue",
  overdue: "red",
  missed: "orange",
};
