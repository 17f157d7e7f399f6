// What team dashboards are built from: the teams holding a manager's reports, the teams a caller
// may open with their member counts, a team's name and active members, and the whole of one team's
// dashboard in one prepared statement. Rows only: the access policy and the domain decide what a
// viewer is shown.
import { and, asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  checkins,
  coachingPlans,
  cycles,
  feedbackRequests,
  invitations,
  organisations,
  people,
  reportSnapshots,
  teamCoaches,
  teamMembers,
  teams,
} from "../schema";
import { preparedOn } from "./prepared";
import { qualified } from "./qualified";

// Prepared (see prepared.ts): the teams a caller may open, in one round trip. The candidates are
// decided first (a union of the teams they coach, those holding their direct reports and, for an
// admin whose organisation lets admins read reports, every team), each walked by an index that
// leads with org_id; then each is counted on (org_id, team_id).
const dashboardTeamsQuery = preparedOn((db) => {
  const orgId = sql.placeholder("orgId");
  const readerId = sql.placeholder("readerId");
  const team = { orgId: qualified(teams.orgId), id: qualified(teams.id) };
  return db
    .select({
      id: teams.id,
      name: teams.name,
      members: sql<number>`(select count(*)::int from ${teamMembers} cm
        where cm.org_id = ${team.orgId} and cm.team_id = ${team.id})`,
      coached: sql<boolean>`exists (select 1 from ${teamCoaches} tc where tc.org_id = ${team.orgId}
        and tc.team_id = ${team.id} and tc.person_id = ${readerId})`,
      managed: sql<boolean>`exists (select 1 from ${teamMembers} mm join ${people} mp
        on mp.org_id = mm.org_id and mp.id = mm.person_id
        where mm.org_id = ${team.orgId} and mm.team_id = ${team.id} and mp.manager_id = ${readerId})`,
    })
    .from(teams)
    .where(
      and(
        eq(teams.orgId, orgId),
        sql`${team.id} in (
          select tc.team_id from ${teamCoaches} tc
            where ${sql.placeholder("coach")}::boolean and tc.org_id = ${orgId} and tc.person_id = ${readerId}
          union select rm.team_id from ${people} rp join ${teamMembers} rm
            on rm.org_id = rp.org_id and rm.person_id = rp.id
            where rp.org_id = ${orgId} and rp.manager_id = ${readerId}
          union select at.id from ${teams} at
            where ${sql.placeholder("admin")}::boolean and at.org_id = ${orgId}
              and (select o.admins_read_reports from ${organisations} o where o.id = ${orgId}))`,
      ),
    )
    .orderBy(asc(teams.name))
    .prepare("dashboard_teams");
});

/**
 * The teams a reader may open a dashboard of, by name, with their member counts and how the reader
 * is linked to each: the teams they are linked to as a coach (only when `coach`: they hold the
 * role), those holding at least one of their direct reports, and every team when `admin` (they
 * hold the role) and the organisation lets admins read reports. Facts: as whom is the caller's.
 */
export async function listDashboardTeamFacts(
  db: Executor,
  orgId: string,
  reader: { id: string; coach: boolean; admin: boolean },
) {
  return dashboardTeamsQuery(db).execute({
    orgId,
    readerId: reader.id,
    coach: reader.coach,
    admin: reader.admin,
  });
}

export async function findTeamName(db: Executor, orgId: string, teamId: string): Promise<string | null> {
  const [team] = await db
    .select({ name: teams.name })
    .from(teams)
    .where(and(eq(teams.id, teamId), eq(teams.orgId, orgId)));
  return team?.name ?? null;
}

/** The team's active members, by name. */
export async function listActiveTeamMembers(db: Executor, orgId: string, teamId: string) {
  return db
    .select({ id: people.id, name: people.name, managerId: people.managerId })
    .from(teamMembers)
    .innerJoin(people, eq(people.id, teamMembers.personId))
    .where(and(eq(teamMembers.teamId, teamId), eq(teamMembers.orgId, orgId), eq(people.active, true)))
    .orderBy(asc(people.name));
}

/** A released report about a team member, with the figures a dashboard reads (not the snapshot). */
export interface TeamReportFacts {
  requestId: string;
  requesterId: string;
  cycleId: string | null;
  releasedAt: string;
  instrumentVersion: number;
  /** Per dimension of the snapshot: its key, the others-mean (null where hidden) and the self-view. */
  dimensions: Array<[string, unknown, unknown]>;
  /** The reader was invited to rate it in an anonymous group. */
  ratedAnonymously: boolean;
}

/** An active member of the team, with what their dashboard row and the access policy need. */
export interface TeamMemberFacts {
  id: string;
  name: string;
  managerId: string | null;
  /** The reader is linked as a coach to a team of this member's (the role is checked by the caller). */
  coachLinked: boolean;
  /** Their released reports, newest first. */
  reports: TeamReportFacts[];
  /** The deadline of the request collecting answers about them, if any. */
  collectingUntil: string | null;
  /** How their most recently closed request ended. */
  lastClosed: "released" | "insufficient" | null;
  /** Their requests collecting answers: how many, their invitations, and how many were submitted. */
  open: [number, number, number];
  /** Their latest coaching plan, with the times of its check-ins. */
  plan: {
    id: string;
    state: "draft" | "active" | "closed";
    progress: number;
    cadence: "weekly" | "fortnightly" | "monthly";
    startsOn: string;
    endsOn: string;
    publishedAt: string | null;
    checkins: string[];
  } | null;
}

// Prepared (see prepared.ts): the whole team dashboard in one round trip, its text the same for
// every team (the members are found from the team's id in the statement, not sent as a list). Every
// subquery walks a composite index that leads with org_id (DESIGN §6); the snapshot is read inside
// Postgres for its ten figures, never sent.
const teamDashboardQuery = preparedOn((db) => {
  const readerId = sql.placeholder("readerId");
  const reports = sql<TeamReportFacts[]>`(select coalesce(json_agg(json_build_object(
      'requestId', fr.id, 'requesterId', fr.requester_id, 'cycleId', fr.cycle_id,
      'releasedAt', rs.released_at, 'instrumentVersion', rs.instrument_version,
      'dimensions', (select json_agg(json_build_array(d->>'key', d->'others'->'mean', d->'self'))
        from jsonb_array_elements(rs.snapshot->'dimensions') d),
      'ratedAnonymously', exists (select 1 from ${invitations} ri where ri.org_id = fr.org_id
        and ri.request_id = fr.id and ri.person_id = ${readerId}
        and ri."group" in ('peer', 'direct_report', 'other'))
    ) order by rs.released_at desc, fr.id), '[]'::json)
    from ${feedbackRequests} fr join ${reportSnapshots} rs on rs.org_id = fr.org_id and rs.request_id = fr.id
    where fr.org_id = p.org_id and fr.subject_id = p.id)`;
  const plan = sql`(select json_build_object('id', cp.id, 'state', cp.state, 'progress', cp.progress,
      'cadence', cp.cadence, 'startsOn', cp.starts_on, 'endsOn', cp.ends_on, 'publishedAt', cp.published_at,
      'checkins', (select coalesce(json_agg(c.created_at), '[]'::json) from ${checkins} c
        where c.org_id = cp.org_id and c.plan_id = cp.id))
    from ${coachingPlans} cp where cp.org_id = p.org_id and cp.subject_id = p.id
    order by cp.created_at desc limit 1)`;
  const member = sql`json_build_object('id', p.id, 'name', p.name, 'managerId', p.manager_id,
    'coachLinked', exists (select 1 from ${teamCoaches} lc join ${teamMembers} lm
      on lm.org_id = lc.org_id and lm.team_id = lc.team_id
      where lc.org_id = p.org_id and lc.person_id = ${readerId} and lm.person_id = p.id),
    'reports', ${reports},
    'collectingUntil', (select fr.deadline from ${feedbackRequests} fr
      where fr.org_id = p.org_id and fr.subject_id = p.id and fr.state = 'open'
      order by fr.closed_at desc nulls first limit 1),
    'lastClosed', (select fr.state from ${feedbackRequests} fr
      where fr.org_id = p.org_id and fr.subject_id = p.id and fr.state in ('released', 'insufficient')
      order by fr.closed_at desc nulls first limit 1),
    'open', (select json_build_array(count(distinct fr.id), count(oi.id),
        count(oi.id) filter (where oi.state = 'submitted'))
      from ${feedbackRequests} fr left join ${invitations} oi on oi.org_id = fr.org_id and oi.request_id = fr.id
      where fr.org_id = p.org_id and fr.subject_id = p.id and fr.state = 'open'),
    'plan', ${plan})`;
  return db
    .select({
      name: teams.name,
      coached: sql<boolean>`exists (select 1 from ${teamCoaches} tc where tc.org_id = ${qualified(teams.orgId)}
        and tc.team_id = ${qualified(teams.id)} and tc.person_id = ${readerId})`,
      adminsReadReports: sql<boolean>`(select o.admins_read_reports from ${organisations} o
        where o.id = ${qualified(teams.orgId)})`,
      cycles: sql<Array<{ id: string; name: string; startsOn: string }>>`(select coalesce(json_agg(
          json_build_object('id', cy.id, 'name', cy.name, 'startsOn', cy.starts_on) order by cy.starts_on),
        '[]'::json) from ${cycles} cy where cy.org_id = ${qualified(teams.orgId)})`,
      members: sql<TeamMemberFacts[]>`(select coalesce(json_agg(${member} order by p.name), '[]'::json)
        from ${teamMembers} tm join ${people} p on p.org_id = tm.org_id and p.id = tm.person_id
        where tm.org_id = ${qualified(teams.orgId)} and tm.team_id = ${qualified(teams.id)} and p.active)`,
    })
    .from(teams)
    .where(and(eq(teams.orgId, sql.placeholder("orgId")), eq(teams.id, sql.placeholder("teamId"))))
    .prepare("team_dashboard");
});

/**
 * Everything one team's dashboard is built from, for one reader, in one round trip: the team's
 * name, whether the reader is linked to it as a coach, whether the organisation lets admins read
 * reports, its cycles (oldest first), and its active members (by name) each with their released
 * reports' figures and whether the reader rated each anonymously, their requests' state and their
 * latest plan. Null: no such team in this organisation. Facts only: the access policy and the
 * domain decide what the reader is shown.
 */
export async function findTeamDashboardFacts(db: Executor, orgId: string, teamId: string, readerId: string) {
  const [row] = await teamDashboardQuery(db).execute({ orgId, teamId, readerId });
  return row ?? null;
}
