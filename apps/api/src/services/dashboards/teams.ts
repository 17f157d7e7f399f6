// dashboards.teams: the teams whose dashboard the caller may open, and as whom: the teams they
// coach, the teams holding their direct reports, and every team for admins where allowed. The
// teams are decided first, then counted in one query (a coach of 7 no longer counts 1,246 teams).
import { listTeamIdsWithReportsOf, listTeamsWithMemberCounts } from "@fivefold/db";
import type { DashboardViewer } from "@fivefold/domain";
import { readerScope } from "../access";
import type { MemberServiceContext } from "../context";

export async function listDashboardTeams({ ctx }: { ctx: MemberServiceContext }) {
  const [scope, managed] = await Promise.all([
    readerScope(ctx),
    listTeamIdsWithReportsOf(ctx.db, ctx.org.id, ctx.person.id),
  ]);
  const managedIds = new Set(managed);
  const teams = await listTeamsWithMemberCounts(
    ctx.db,
    ctx.org.id,
    scope.everyone ? undefined : [...new Set([...scope.coachedTeamIds, ...managedIds])],
  );
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
