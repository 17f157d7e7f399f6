// Loading a feedback request inside the caller's organisation and deciding who may manage it.
import { type Executor, schema } from "@fivefold/db";
import {
  ForbiddenError,
  InvalidInputError,
  isAnonymousGroup,
  NotFoundError,
  type RaterGroup,
} from "@fivefold/domain";
import { and, eq } from "drizzle-orm";
import type { MemberContext } from "../../trpc/context";

export type FeedbackRequestRow = typeof schema.feedbackRequests.$inferSelect;
export type PersonRow = typeof schema.people.$inferSelect;

export async function loadRequest(
  db: Executor,
  orgId: string,
  requestId: string,
  lock?: "update" | "share",
): Promise<FeedbackRequestRow> {
  const query = db
    .select()
    .from(schema.feedbackRequests)
    .where(and(eq(schema.feedbackRequests.id, requestId), eq(schema.feedbackRequests.orgId, orgId)));
  const [row] = await (lock === "update"
    ? query.for("update")
    : lock === "share"
      ? query.for("share")
      : query);
  if (!row) throw new NotFoundError("Feedback request");
  return row;
}

export async function loadPerson(db: Executor, orgId: string, personId: string): Promise<PersonRow> {
  const [row] = await db
    .select()
    .from(schema.people)
    .where(and(eq(schema.people.id, personId), eq(schema.people.orgId, orgId)));
  if (!row) throw new NotFoundError("Person");
  return row;
}

/**
 * The requester, the subject's current manager, or an admin may manage a request. Pass the
 * transaction when inside one: PGlite has a single connection, so a query outside it would wait forever.
 */
export async function canManageRequest(
  ctx: MemberContext,
  request: FeedbackRequestRow,
  db: Executor = ctx.db,
): Promise<boolean> {
  if (request.requesterId === ctx.person.id || ctx.roles.includes("admin")) return true;
  const subject = await loadPerson(db, ctx.org.id, request.subjectId);
  return subject.managerId === ctx.person.id;
}

export async function assertCanManage(
  ctx: MemberContext,
  request: FeedbackRequestRow,
  db: Executor = ctx.db,
): Promise<void> {
  if (!(await canManageRequest(ctx, request, db))) {
    throw new ForbiddenError("Only the manager who requested this feedback (or an admin) can do that");
  }
}

export function assertNotAnonymousReader(
  readers: Set<string>,
  rater: { personId: string | null; group: string },
  field: string,
): void {
  if (rater.personId && readers.has(rater.personId) && isAnonymousGroup(rater.group as RaterGroup)) {
    throw new InvalidInputError(
      "Someone who will read this report cannot also rate anonymously: their own answers would let them work out others'. Invite them as the manager, or not at all.",
      { [field]: "Choose the manager group, or leave them out" },
    );
  }
}
