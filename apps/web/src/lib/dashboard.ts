// The team dashboard as the API returns it, and its heatmap CSV.
import type { AppRouter } from "@fivefold/api";
import type { DimensionKey } from "@fivefold/domain";
import { spreadsheetCsv } from "@fivefold/domain";
import type { inferRouterOutputs } from "@trpc/server";
import i18next from "i18next";
import { formatDay, formatNumber } from "./format";

export type TeamDashboard = inferRouterOutputs<AppRouter>["dashboards"]["team"];

export function heatmapCsv(dashboard: TeamDashboard, keys: DimensionKey[]): string {
  return spreadsheetCsv([
    ["person", "released", ...keys, "plan_state", "plan_progress", "last_checkin", "overdue"],
    ...dashboard.people.map((p) => [
      p.name,
      p.releasedAt?.slice(0, 10) ?? "",
      ...keys.map((k) => p.cells[k]),
      p.plan?.state ?? "",
      p.plan?.progress ?? "",
      p.plan?.lastCheckinAt?.slice(0, 10) ?? "",
      p.plan ? String(p.plan.overdue) : "",
    ]),
  ]);
}

type Person = TeamDashboard["people"][number];
type Reason = TeamDashboard["attention"][number]["why"][number];

/** Why a heatmap row is blank, in the page's language (the API's `blank`). */
export function blankText(blank: Person["blank"]): string | null {
  if (!blank) return null;
  return i18next.t(`dashboard:blank.${blank.code}`, { day: blank.until ? formatDay(blank.until) : "" });
}

/** Why a person needs attention, in the page's language (the API's `why`). */
export function attentionText(reason: Reason): string {
  switch (reason.code) {
    case "stalled":
      return i18next.t("dashboard:why.stalled", { count: reason.days });
    case "blindSpot":
      return i18next.t("dashboard:why.blindSpot", {
        gap: formatNumber(reason.gap, 1),
        dimension: i18next.t(`common:dimension.${reason.dimension}`),
        count: reason.more,
      });
    default:
      return i18next.t(`dashboard:why.${reason.code}`);
  }
}
