// The team dashboard as the API returns it, and its heatmap CSV.
import type { AppRouter } from "@fivefold/api";
import type { DimensionKey } from "@fivefold/domain";
import { spreadsheetCsv } from "@fivefold/domain";
import type { inferRouterOutputs } from "@trpc/server";

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
