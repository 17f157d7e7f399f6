// Released reports I may read: mine, those I requested, my coachees' (and all, for admins when
// the organisation allows it).
import { schema } from "@fivefold/db";
import { and, desc, eq, inArray, notExists, or, type SQL } from "drizzle-orm";
import type { MemberContext } from "../../trpc/context";
import { adminsMayReadReports, anonymousInvitation, type ReaderRelation } from "./access";

export async function listReports(ctx: MemberContext) {
  const me = ctx.person.id;
  const coached = ctx.roles.includes("coach")
    ? ctx.db
        .select({ personId: schema.teamMembers.personId })
        .from(schema.teamMembers)
        .innerJoin(schema.teamCoaches, eq(schema.teamCoaches.teamId, schema.teamMembers.teamId))
        .where(and(eq(schema.teamCoaches.orgId, ctx.org.id), eq(schema.teamCoaches.personId, me)))
    : null;
  const admin = ctx.roles.includes("admin") && (await adminsMayReadReports(ctx.db, ctx.org.id));
  const conditions: SQL[] = [
    eq(schema.feedbackRequests.subjectId, me),
    eq(schema.feedbackRequests.requesterId, me),
  ];
  if (coached) conditions.push(inArray(schema.feedbackRequests.subjectId, coached));
  const rows = await ctx.db
    .select({
      requestId: schema.feedbackRequests.id,
      subjectId: schema.feedbackRequests.subjectId,
      requesterId: schema.feedbackRequests.requesterId,
      subjectName: schema.people.name,
      releasedAt: schema.reportSnapshots.releasedAt,
    })
    .from(schema.reportSnapshots)
    .innerJoin(schema.feedbackRequests, eq(schema.feedbackRequests.id, schema.reportSnapshots.requestId))
    .innerJoin(schema.people, eq(schema.people.id, schema.feedbackRequests.subjectId))
    .where(
      and(
        eq(schema.reportSnapshots.orgId, ctx.org.id),
        admin ? undefined : or(...conditions),
        // A coach or admin who rated a report anonymously does not read it (see readerRelation).
        or(
          eq(schema.feedbackRequests.subjectId, me),
          eq(schema.feedbackRequests.requesterId, me),
          notExists(anonymousInvitation(ctx.db, schema.feedbackRequests.id, me)),
        ),
      ),
    )
    .orderBy(desc(schema.reportSnapshots.releasedAt), desc(schema.feedbackRequests.id));
  const coachees = coached ? new Set((await coached).map((r) => r.personId)) : new Set<string>();
  return rows.map((r) => {
    const relation: ReaderRelation =
      r.subjectId === me
        ? "self"
        : r.requesterId === me
          ? "requester"
          : coachees.has(r.subjectId)
            ? "coach"
            : "admin";
    return {
      requestId: r.requestId,
      subject: { id: r.subjectId, name: r.subjectName },
      releasedAt: r.releasedAt.toISOString(),
      relation,
    };
  });
}
