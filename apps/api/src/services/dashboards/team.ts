// dashboards.team: one team's dashboard for its coaches, the managers of its members (their
// direct reports only) and admins where allowed. Figures come from released snapshots the viewer
// may read (the access policy decides each); the domain decides what a team figure may show. The
// team, the reader's reach, the members and their figures come in one prepared statement.
import { findTeamDashboardFacts, type TeamMemberFacts } from "@fivefold/db";
import {
  attentionList,
  type BlankCells,
  type BlankCellsFacts,
  blankCells,
  blankCellsReason,
  type DashboardViewer,
  ForbiddenError,
  NotFoundError,
  type TeamDashboard,
  type TeamPersonInput,
  teamProfile,
  teamTrend,
} from "@fivefold/domain";
import { type MemberServiceContext, nowOf } from "../context";
import { RecentCache } from "../recent";
import { type PlanActivity, planActivity, type RequestActivity, requestActivity } from "./activity";
import { dashboardFigures, emptyCells, latestBySubject, latestInput, type Released } from "./figures";
import { comparableAcrossVersions } from "./versions";

type TeamFacts = NonNullable<Awaited<ReturnType<typeof findTeamDashboardFacts>>>;

/**
 * A team's dashboard facts per reader, over HTTP (services/recent.ts): at most 60 s old, forgotten
 * at any change, and still judged by the access policy and the domain on every read. Bounded
 * below the default: an entry is a team's members with their figures, a few kilobytes.
 */
const recentTeamFacts = new RecentCache<TeamFacts | null>(1_000);

function teamFacts(ctx: MemberServiceContext, teamId: string): Promise<TeamFacts | null> {
  const load = () => findTeamDashboardFacts(ctx.db, ctx.org.id, teamId, ctx.person.id);
  if (!ctx.recent) return load();
  return recentTeamFacts.get(`${ctx.org.id}:${teamId}:${ctx.person.id}`, load, (facts) => facts !== null);
}

/**
 * As whom the caller opens this team's dashboard (a manager's is narrowed to their reports): the
 * same reach as the access policy's readerScope, a coach link counting only with the coach role.
 */
function viewerOf(ctx: MemberServiceContext, facts: TeamFacts): DashboardViewer {
  if (ctx.roles.includes("coach") && facts.coached) return "coach";
  if (ctx.roles.includes("admin") && facts.adminsReadReports) return "admin";
  return "manager";
}

/** The people the dashboard shows: the active members; for a manager, their direct reports. */
function peopleShown(
  ctx: MemberServiceContext,
  members: readonly TeamMemberFacts[],
  viewer: DashboardViewer,
) {
  const people = viewer === "manager" ? members.filter((m) => m.managerId === ctx.person.id) : members;
  if (viewer === "manager" && people.length === 0) {
    throw new ForbiddenError("This dashboard is for the team's coaches and the managers of its members");
  }
  return people;
}

interface PersonFacts {
  viewer: DashboardViewer;
  cycle: string | undefined;
  latest: Map<string, Released>;
  withheld: Set<string>;
  requests: RequestActivity;
  plans: Map<string, PlanActivity>;
}

/** One person as the domain's dashboard rules take them. */
function personInput(
  person: { id: string; name: string },
  facts: PersonFacts,
): TeamPersonInput & { blank: BlankCells | null } {
  const report = facts.latest.get(person.id);
  const insufficient = facts.requests.lastClosed.get(person.id) === "insufficient";
  const blankFacts: BlankCellsFacts = {
    cycleFiltered: Boolean(facts.cycle),
    collectingUntil: facts.requests.collectingUntil.get(person.id) ?? null,
    withheld: facts.withheld.has(person.id)
      ? facts.viewer === "manager"
        ? "requested-by-someone-else"
        : "rated-it"
      : null,
    lastInsufficient: insufficient,
  };
  return {
    personId: person.id,
    name: person.name,
    latest: latestInput(report),
    blankReason: report ? undefined : blankCellsReason(blankFacts),
    blank: report ? null : blankCells(blankFacts),
    lastRequestInsufficient: insufficient,
    plan: facts.plans.get(person.id)?.summary ?? null,
  };
}

/** The heatmap row of a person. */
function heatmapRow(
  p: TeamPersonInput & { blank: BlankCells | null },
  plans: Map<string, PlanActivity>,
): TeamDashboard["people"][number] {
  return {
    personId: p.personId,
    name: p.name,
    requestId: p.latest?.requestId ?? null,
    releasedAt: p.latest?.releasedAt ?? null,
    cells: p.latest?.others ?? emptyCells(),
    blankReason: p.blankReason ?? null,
    blank: p.blank,
    plan: p.plan
      ? {
          id: plans.get(p.personId)?.id ?? null,
          state: p.plan.state,
          progress: p.plan.progress,
          lastCheckinAt: p.plan.lastCheckinAt,
          overdue: p.plan.overdue,
        }
      : null,
  };
}

/** The team profile per cycle, from each person's latest readable report in that cycle. */
function cycleTrend(
  cycles: TeamFacts["cycles"],
  readable: readonly Released[],
  ids: readonly string[],
  threshold: number,
) {
  return teamTrend(
    cycles.map((cycle) => {
      const inCycle = latestBySubject(readable, (r) => r.cycleId === cycle.id);
      return {
        cycleId: cycle.id,
        name: cycle.name,
        startsOn: cycle.startsOn,
        people: ids.map((id) => ({ latest: latestInput(inCycle.get(id)) })),
      };
    }),
    threshold,
  );
}

export async function teamDashboard({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { teamId: string; cycle?: string | undefined };
}): Promise<TeamDashboard> {
  const now = nowOf(ctx);
  const threshold = ctx.org.anonymityThreshold;
  const facts = await teamFacts(ctx, input.teamId);
  if (facts === null) throw new NotFoundError("Team");
  const viewer = viewerOf(ctx, facts);
  const people = peopleShown(ctx, facts.members, viewer);
  const ids = people.map((p) => p.id);
  const { cycles, name } = facts;
  if (input.cycle && !cycles.some((c) => c.id === input.cycle)) throw new NotFoundError("Cycle");
  const { readable, withheld } = dashboardFigures(ctx, people, facts.adminsReadReports, input.cycle);
  const latest = latestBySubject(readable, (r) => !input.cycle || r.cycleId === input.cycle);
  const requests = requestActivity(people);
  const plans = planActivity(people, now);
  // Only reports in a cycle make the trend; across versions they compare the kept behaviours.
  const trend = await comparableAcrossVersions(
    ctx,
    readable.filter((r) => r.cycleId !== null),
  );
  const inputs = people.map((person) =>
    personInput(person, { viewer, cycle: input.cycle, latest, withheld, requests, plans }),
  );
  return {
    team: { id: input.teamId, name },
    viewer,
    threshold,
    cycles: cycles.map((c) => ({ id: c.id, name: c.name })),
    cycle: input.cycle ?? null,
    people: inputs.map((p) => heatmapRow(p, plans)),
    profile: teamProfile(inputs, threshold),
    progress: requests.progress,
    attention: attentionList(inputs, now),
    trend: cycleTrend(cycles, trend.reports, ids, threshold),
    trendNote: trend.note,
  };
}
