// Who may read a released report: the subject, the manager who requested it, coaches of a team
// the subject belongs to, and admins when the organisation allows it.
import { type Executor, schema } from "@fivefold/db";
import { ForbiddenError } from "@fivefold/domain";
import { and, eq } from "drizzle-orm";
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

/** How the caller relates to the request's report, or a domain error when they may not read it. */
export async function readerRelation(
  ctx: MemberContext,
  request: { subjectId: string; requesterId: string },
): Promise<ReaderRelation> {
  if (request.subjectId === ctx.person.id) return "self";
  if (request.requesterId === ctx.person.id) return "requester";
  if (
    ctx.roles.includes("coach") &&
    (await coachesSubject(ctx.db, ctx.org.id, ctx.person.id, request.subjectId))
  ) {
    return "coach";
  }
  if (ctx.roles.includes("admin") && (await adminsMayReadReports(ctx.db, ctx.org.id))) return "admin";
  throw new ForbiddenError(
    "Only the person, the manager who asked for the feedback and their coach can read this report",
  );
}
