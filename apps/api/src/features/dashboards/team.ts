// Team dashboards for coaches (their teams), managers (their direct reports in a team) and admins
// (when the organisation allows it). Figures come from released snapshots only; the domain
// decides what a team figure may show.
import { type Executor, schema } from "@fivefold/db";
import {
  attentionList,
  blankCellsReason,
  checkinTimeline,
  DIMENSION_KEYS,
  type DimensionCells,
  ForbiddenError,
  NotFoundError,
  reportSnapshotSchema,
  type TeamPersonInput,
  teamProfile,
  teamTrend,
} from "@fivefold/domain";
import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { MemberContext } from "../../trpc/context";
import { adminsMayReadReports, ratedAnonymously } from "../reports/access";

export type Viewer = "coach" | "manager" | "admin";

/** Teams the caller coaches: a coach-team link counts only while they hold the coach role. */
async function teamsCoachedBy(ctx: MemberContext): Promise<string[]> {
  if (!ctx.roles.includes("coach")) return [];
  const { db } = ctx;
  const orgId = ctx.org.id;
  const personId = ctx.person.id;
  const rows = await db
    .select({ teamId: schema.teamCoaches.teamId })
    .from(schema.teamCoaches)
    .where(and(eq(schema.teamCoaches.orgId, orgId), eq(schema.teamCoaches.personId, personId)));
  return rows.map((r) => r.teamId);
}

/** Teams I coach, teams holding my direct reports, and every team for admins when allowed. */
export async function listDashboardTeams(ctx: MemberContext) {
  const [coached, admin] = await Promise.all([
    teamsCoachedBy(ctx),
    ctx.roles.includes("admin") ? adminsMayReadReports(ctx.db, ctx.org.id) : Promise.resolve(false),
  ]);
  const managed = await ctx.db
    .selectDistinct({ teamId: schema.teamMembers.teamId })
    .from(schema.teamMembers)
    .innerJoin(schema.people, eq(schema.people.id, schema.teamMembers.personId))
    .where(and(eq(schema.teamMembers.orgId, ctx.org.id), eq(schema.people.managerId, ctx.person.id)));
  const managedIds = new Set(managed.map((r) => r.teamId));
  const coachedIds = new Set(coached);
  const teams = await ctx.db
    .select({
      id: schema.teams.id,
      name: schema.teams.name,
      members: sql<number>`(select count(*)::int from ${schema.teamMembers} where ${schema.teamMembers.teamId} = ${schema.teams.id})`,
    })
    .from(schema.teams)
    .where(eq(schema.teams.orgId, ctx.org.id))
    .orderBy(asc(schema.teams.name));
  return teams.flatMap((team) => {
    const viewer: Viewer | null = coachedIds.has(team.id)
      ? "coach"
      : managedIds.has(team.id)
        ? "manager"
        : admin
          ? "admin"
          : null;
    return viewer ? [{ ...team, viewer }] : [];
  });
}

async function viewerOf(ctx: MemberContext, teamId: string): Promise<{ viewer: Viewer; name: string }> {
  const [team] = await ctx.db
    .select({ id: schema.teams.id, name: schema.teams.name })
    .from(schema.teams)
    .where(and(eq(schema.teams.id, teamId), eq(schema.teams.orgId, ctx.org.id)));
  if (!team) throw new NotFoundError("Team");
  const coached = await teamsCoachedBy(ctx);
  if (coached.includes(teamId)) return { viewer: "coach", name: team.name };
  if (ctx.roles.includes("admin") && (await adminsMayReadReports(ctx.db, ctx.org.id))) {
    return { viewer: "admin", name: team.name };
  }
  return { viewer: "manager", name: team.name };
}

const emptyCells = (): DimensionCells =>
  Object.fromEntries(DIMENSION_KEYS.map((k) => [k, null])) as DimensionCells;

interface Released {
  requestId: string;
  subjectId: string;
  requesterId: string;
  cycleId: string | null;
  releasedAt: Date;
  others: DimensionCells;
  self: DimensionCells;
}

async function releasedFor(db: Executor, orgId: string, subjectIds: string[]): Promise<Released[]> {
  if (subjectIds.length === 0) return [];
  const rows = await db
    .select({
      requestId: schema.feedbackRequests.id,
      subjectId: schema.feedbackRequests.subjectId,
      requesterId: schema.feedbackRequests.requesterId,
      cycleId: schema.feedbackRequests.cycleId,
      releasedAt: schema.reportSnapshots.releasedAt,
      snapshot: schema.reportSnapshots.snapshot,
    })
    .from(schema.reportSnapshots)
    .innerJoin(schema.feedbackRequests, eq(schema.feedbackRequests.id, schema.reportSnapshots.requestId))
    .where(
      and(eq(schema.reportSnapshots.orgId, orgId), inArray(schema.feedbackRequests.subjectId, subjectIds)),
    )
    .orderBy(desc(schema.reportSnapshots.releasedAt), asc(schema.feedbackRequests.id));
  return rows.map((row) => {
    const snapshot = reportSnapshotSchema.parse(row.snapshot);
    const others = emptyCells();
    const self = emptyCells();
    for (const d of snapshot.dimensions) {
      others[d.key] = d.others?.mean ?? null;
      self[d.key] = d.self;
    }
    return {
      requestId: row.requestId,
      subjectId: row.subjectId,
      requesterId: row.requesterId,
      cycleId: row.cycleId,
      releasedAt: row.releasedAt,
      others,
      self,
    };
  });
}

/** The latest of each subject's reports among `released` (already newest first). */
function latestBySubject(released: Released[], filter: (r: Released) => boolean = () => true) {
  const latest = new Map<string, Released>();
  for (const r of released) if (filter(r) && !latest.has(r.subjectId)) latest.set(r.subjectId, r);
  return latest;
}

const formatDay = (date: Date) =>
  date.toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });

export async function teamDashboard(
  ctx: MemberContext,
  input: { teamId: string; cycle?: string | undefined },
  now = new Date(),
) {
  const { viewer, name } = await viewerOf(ctx, input.teamId);
  const members = await ctx.db
    .select({ id: schema.people.id, name: schema.people.name, managerId: schema.people.managerId })
    .from(schema.teamMembers)
    .innerJoin(schema.people, eq(schema.people.id, schema.teamMembers.personId))
    .where(
      and(
        eq(schema.teamMembers.teamId, input.teamId),
        eq(schema.teamMembers.orgId, ctx.org.id),
        eq(schema.people.active, true),
      ),
    )
    .orderBy(asc(schema.people.name));
  // Managers see the dashboard of their own direct reports only.
  const people = viewer === "manager" ? members.filter((m) => m.managerId === ctx.person.id) : members;
  if (viewer === "manager" && people.length === 0) {
    throw new ForbiddenError("This dashboard is for the team's coaches and the managers of its members");
  }
  const ids = people.map((p) => p.id);

  const cycles = await ctx.db
    .select({
      id: schema.cycles.id,
      name: schema.cycles.name,
      startsOn: schema.cycles.startsOn,
      endsOn: schema.cycles.endsOn,
    })
    .from(schema.cycles)
    .where(eq(schema.cycles.orgId, ctx.org.id))
    .orderBy(asc(schema.cycles.startsOn));
  if (input.cycle && !cycles.some((c) => c.id === input.cycle)) throw new NotFoundError("Cycle");

  // A manager sees the figures of reports they may read (those they requested), and team figures
  // only from those, so no combination of what they see reveals a report they may not read.
  // A coach or admin never sees figures of a report they rated anonymously.
  const all = await releasedFor(ctx.db, ctx.org.id, ids);
  const rated =
    viewer === "manager"
      ? new Set<string>()
      : await ratedAnonymously(
          ctx.db,
          ctx.org.id,
          ctx.person.id,
          all.map((r) => r.requestId),
        );
  const readable = (r: Released) =>
    viewer === "manager" ? r.requesterId === ctx.person.id : !rated.has(r.requestId);
  const released = all.filter(readable);
  const inScope = (r: Released) => !input.cycle || r.cycleId === input.cycle;
  const unreadable = new Set(all.filter((r) => !readable(r) && inScope(r)).map((r) => r.subjectId));
  const latest = latestBySubject(released, inScope);

  const requests = ids.length
    ? await ctx.db
        .select({
          id: schema.feedbackRequests.id,
          subjectId: schema.feedbackRequests.subjectId,
          state: schema.feedbackRequests.state,
          deadline: schema.feedbackRequests.deadline,
          closedAt: schema.feedbackRequests.closedAt,
        })
        .from(schema.feedbackRequests)
        .where(
          and(eq(schema.feedbackRequests.orgId, ctx.org.id), inArray(schema.feedbackRequests.subjectId, ids)),
        )
        .orderBy(desc(schema.feedbackRequests.closedAt))
    : [];
  const openRequests = requests.filter((r) => r.state === "open");
  const lastClosed = new Map<string, string>();
  for (const r of requests) {
    if ((r.state === "released" || r.state === "insufficient") && !lastClosed.has(r.subjectId)) {
      lastClosed.set(r.subjectId, r.state);
    }
  }

  const invitationCounts = openRequests.length
    ? await ctx.db
        .select({
          invited: sql<number>`count(*)::int`,
          submitted: sql<number>`(count(*) filter (where ${schema.invitations.state} = 'submitted'))::int`,
        })
        .from(schema.invitations)
        .where(
          inArray(
            schema.invitations.requestId,
            openRequests.map((r) => r.id),
          ),
        )
    : [{ invited: 0, submitted: 0 }];

  const plans = ids.length
    ? await ctx.db
        .select({
          id: schema.coachingPlans.id,
          subjectId: schema.coachingPlans.subjectId,
          state: schema.coachingPlans.state,
          progress: schema.coachingPlans.progress,
          cadence: schema.coachingPlans.cadence,
          startsOn: schema.coachingPlans.startsOn,
          endsOn: schema.coachingPlans.endsOn,
          publishedAt: schema.coachingPlans.publishedAt,
        })
        .from(schema.coachingPlans)
        .where(and(eq(schema.coachingPlans.orgId, ctx.org.id), inArray(schema.coachingPlans.subjectId, ids)))
        .orderBy(desc(schema.coachingPlans.createdAt))
    : [];
  const latestPlan = new Map<string, (typeof plans)[number]>();
  for (const plan of plans) if (!latestPlan.has(plan.subjectId)) latestPlan.set(plan.subjectId, plan);
  const planIds = [...latestPlan.values()].map((p) => p.id);
  const checkins = planIds.length
    ? await ctx.db
        .select({ planId: schema.checkins.planId, createdAt: schema.checkins.createdAt })
        .from(schema.checkins)
        .where(inArray(schema.checkins.planId, planIds))
    : [];

  const inputs: TeamPersonInput[] = people.map((person) => {
    const report = latest.get(person.id);
    const open = openRequests.find((r) => r.subjectId === person.id);
    const plan = latestPlan.get(person.id);
    const planCheckins = plan ? checkins.filter((c) => c.planId === plan.id).map((c) => c.createdAt) : [];
    const lastCheckin = planCheckins.sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
    const overdue =
      plan?.state === "active" &&
      checkinTimeline({
        start: plan.startsOn,
        end: plan.endsOn,
        cadence: plan.cadence,
        checkins: planCheckins,
        now,
      }).some((due) => due.status === "overdue");
    return {
      personId: person.id,
      name: person.name,
      latest: report
        ? {
            requestId: report.requestId,
            releasedAt: report.releasedAt.toISOString(),
            others: report.others,
            self: report.self,
          }
        : null,
      blankReason: report
        ? undefined
        : blankCellsReason({
            cycleFiltered: Boolean(input.cycle),
            collectingUntil: open ? formatDay(open.deadline) : null,
            withheld: unreadable.has(person.id)
              ? viewer === "manager"
                ? "requested-by-someone-else"
                : "rated-it"
              : null,
            lastInsufficient: lastClosed.get(person.id) === "insufficient",
          }),
      lastRequestInsufficient: lastClosed.get(person.id) === "insufficient",
      plan: plan
        ? {
            state: plan.state,
            progress: plan.progress,
            lastCheckinAt: lastCheckin?.toISOString() ?? null,
            overdue: Boolean(overdue),
            publishedAt: plan.publishedAt?.toISOString() ?? null,
          }
        : null,
    };
  });

  const trend = teamTrend(
    cycles.map((cycle) => {
      const inCycle = latestBySubject(released, (r) => r.cycleId === cycle.id);
      return {
        cycleId: cycle.id,
        name: cycle.name,
        startsOn: cycle.startsOn,
        people: ids.map((id) => {
          const r = inCycle.get(id);
          return {
            latest: r
              ? {
                  requestId: r.requestId,
                  releasedAt: r.releasedAt.toISOString(),
                  others: r.others,
                  self: r.self,
                }
              : null,
          };
        }),
      };
    }),
    ctx.org.anonymityThreshold,
  );

  return {
    team: { id: input.teamId, name },
    viewer,
    threshold: ctx.org.anonymityThreshold,
    cycles: cycles.map((c) => ({ id: c.id, name: c.name })),
    cycle: input.cycle ?? null,
    people: inputs.map((p) => ({
      personId: p.personId,
      name: p.name,
      requestId: p.latest?.requestId ?? null,
      releasedAt: p.latest?.releasedAt ?? null,
      cells: p.latest?.others ?? emptyCells(),
      blankReason: p.blankReason ?? null,
      plan: p.plan
        ? {
            id: latestPlan.get(p.personId)?.id ?? null,
            state: p.plan.state,
            progress: p.plan.progress,
            lastCheckinAt: p.plan.lastCheckinAt,
            overdue: p.plan.overdue,
          }
        : null,
    })),
    profile: teamProfile(inputs, ctx.org.anonymityThreshold),
    progress: {
      open: openRequests.length,
      submitted: invitationCounts[0]?.submitted ?? 0,
      invited: invitationCounts[0]?.invited ?? 0,
    },
    attention: attentionList(inputs, now),
    trend,
  };
}
