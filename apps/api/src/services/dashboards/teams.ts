// dashboards.teams: the teams whose dashboard the caller may open, and as whom: the teams they
// coach, the teams holding their direct reports, and every team for admins where allowed. One
// prepared statement decides the candidates and counts them (a coach of 7 counts 7 teams, not
// 1,246); the roles are the caller's, the link of each team the statement's.
import { listDashboardTeamFacts } from "@fivefold/db";
import type { DashboardViewer } from "@fivefold/domain";
import type { MemberServiceContext } from "../context";
import { RecentCache } from "../recent";

type TeamRows = Awaited<ReturnType<typeof listDashboardTeamFacts>>;

/** Per reader and roles, over HTTP (services/recent.ts): at most 60 s old, forgotten at any change. */
const recentTeams = new RecentCache<TeamRows>(1_000);

export async function listDashboardTeams({ ctx }: { ctx: MemberServiceContext }) {
  const coach = ctx.roles.includes("coach");
  const admin = ctx.roles.includes("admin");
  const load = () => listDashboardTeamFacts(ctx.db, ctx.org.id, { id: ctx.person.id, coach, admin });
  const key = `${ctx.org.id}:${ctx.person.id}:${coach}:${admin}`;
  const teams = ctx.recent ? await recentTeams.get(key, load, () => true) : await load();
  // Every team listed is one of the three kinds: the statement lists no other.
  return teams.map(({ id, name, members, coached, managed }) => {
    const viewer: DashboardViewer = coach && coached ? "coach" : managed ? "manager" : "admin";
    return { id, name, members, viewer };
  });
}
