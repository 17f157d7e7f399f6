// dashboards.teams: the teams whose dashboard the caller may open, and as whom: the teams they
// coach, the teams holding their direct reports, and every team for admins where allowed.
import { listTeamIdsWithReportsOf, listTeamsWithMemberCounts } from "@fivefold/db";
import type { DashboardViewer } from "@fivefold/domain";
import { readerScope } from "../access";
import type { MemberServiceContext } from "../context";

export async function listDashboardTeams({ ctx }: { ctx: MemberServiceContext }) {
  const [scope, managed, teams] = await Promise.all([
    readerScope(ctx),
    listTeamIdsWithReportsOf(ctx.db, ctx.org.id, ctx.person.id),
    listTeamsWithMemberCounts(ctx.db, ctx.org.id),
  ]);
  const managedIds = new Set(managed);
  return teams.flatMap((team) => {
    const viewer: DashboardViewer | null = scope.coachedTeamIds.has(team.id)
      ? "coach"
      : managedIds.has(team.id)
        ? "manager"
        : scope.everyone
          ? "admin"
          : null;
    return viewer ? [{ ...team, viewer }] : [];
  });
}
