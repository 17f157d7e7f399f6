// Who reads a report, in one place. Who may read a released report: the subject, the manager who
// requested it, coaches of a team the subject belongs to, and admins when the organisation allows
// it; but never someone who rated anonymously in that round (a coach assigned later, an admin once
// admins may read): knowing their own answers, they could work out the others'. And the wider set of
// people who read it or steer the request (the subject's manager too), whom rule 9 keeps out of the
// anonymous groups and whose addresses no external rater may reach.
import { type Executor, schema } from "@fivefold/db";
import { ANONYMOUS_GROUPS, ForbiddenError } from "@fivefold/domain";
import { and, eq, inArray, type SQLWrapper } from "drizzle-orm";
import type { MemberContext } from "../../trpc/context";

export type ReaderRelation = "self" | "requester" | "coach" | "admin";

export async function coachesSubject(db: Executor, orgId: string, coachId: string, subjectId: string) {
  const [row] = await db
    .select({ teamId: schema.teamCoaches.teamId })
    .from(schema.teamCoaches)
    .innerJoin(
      schema.teamMembers,
      and(
        eq(schema.teamMembers.teamId, schema.teamCoaches.teamId),
        eq(schema.teamMembers.personId, subjectId),
      ),
    )
    .where(and(eq(schema.teamCoaches.orgId, orgId), eq(schema.teamCoaches.personId, coachId)))
    .limit(1);
  return Boolean(row);
}

export async function adminsMayReadReports(db: Executor, orgId: string): Promise<boolean> {
  const [org] = await db
    .select({ allowed: schema.organisations.adminsReadReports })
    .from(schema.organisations)
    .where(eq(schema.organisations.id, orgId));
  return org?.allowed ?? false;
}

/** The person's anonymous invitation on a request (a column or an id), for `notExists`. */
export function anonymousInvitation(db: Executor, requestId: SQLWrapper | string, personId: string) {
  return db
    .select({ id: schema.invitations.id })
    .from(schema.invitations)
    .where(
      and(
        eq(schema.invitations.requestId, requestId),
        eq(schema.invitations.personId, personId),
        inArray(schema.invitations.group, [...ANONYMOUS_GROUPS]),
      ),
    );
}

/** Of these requests, those on which the person was invited as an anonymous rater. */
export async function ratedAnonymously(
  db: Executor,
  orgId: string,
  personId: string,
  requestIds: readonly string[],
): Promise<Set<string>> {
  if (requestIds.length === 0) return new Set();
  const rows = await db
    .selectDistinct({ requestId: schema.invitations.requestId })
    .from(schema.invitations)
    .where(
      and(
        eq(schema.invitations.orgId, orgId),
        eq(schema.invitations.personId, personId),
        inArray(schema.invitations.group, [...ANONYMOUS_GROUPS]),
        inArray(schema.invitations.requestId, [...requestIds]),
      ),
    );
  return new Set(rows.map((r) => r.requestId));
}

/** How the caller relates to the request's report, or a domain error when they may not read it. */
export async function readerRelation(
  ctx: MemberContext,
  request: { requestId: string; subjectId: string; requesterId: string },
): Promise<ReaderRelation> {
  if (request.subjectId === ctx.person.id) return "self";
  if (request.requesterId === ctx.person.id) return "requester";
  let relation: ReaderRelation | null = null;
  if (
    ctx.roles.includes("coach") &&
    (await coachesSubject(ctx.db, ctx.org.id, ctx.person.id, request.subjectId))
  ) {
    relation = "coach";
  } else if (ctx.roles.includes("admin") && (await adminsMayReadReports(ctx.db, ctx.org.id))) {
    relation = "admin";
  }
  if (!relation) {
    throw new ForbiddenError(
      "Only the person, the manager who asked for the feedback and their coach can read this report",
    );
  }
  if ((await ratedAnonymously(ctx.db, ctx.org.id, ctx.person.id, [request.requestId])).size > 0) {
    throw new ForbiddenError(
      "You were invited to rate this person anonymously in this round, so its report is not shared with you: your own answers would let you work out the others'",
    );
  }
  return relation;
}

/**
 * Everyone who will read the report or steers the request: the subject, the requester, the
 * subject's manager, the coaches of the subject's teams and, where admins read reports, the admins.
 * None of them rates anonymously (DESIGN §4 rule 9).
 */
export async function reportReaders(
  db: Executor,
  orgId: string,
  request: { subjectId: string; requesterId: string; subjectManagerId: string | null },
): Promise<Set<string>> {
  const coaches = await db
    .selectDistinct({ personId: schema.teamCoaches.personId })
    .from(schema.teamCoaches)
    .innerJoin(
      schema.teamMembers,
      and(
        eq(schema.teamMembers.teamId, schema.teamCoaches.teamId),
        eq(schema.teamMembers.personId, request.subjectId),
      ),
    )
    .where(eq(schema.teamCoaches.orgId, orgId));
  const admins = (await adminsMayReadReports(db, orgId))
    ? await db
        .select({ personId: schema.personRoles.personId })
        .from(schema.personRoles)
        .where(and(eq(schema.personRoles.orgId, orgId), eq(schema.personRoles.role, "admin")))
    : [];
  return new Set([
    request.subjectId,
    request.requesterId,
    ...(request.subjectManagerId ? [request.subjectManagerId] : []),
    ...coaches.map((c) => c.personId),
    ...admins.map((a) => a.personId),
  ]);
}
