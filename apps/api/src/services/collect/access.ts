// Loading a feedback request or a person inside the caller's organisation, deciding who may manage
// a request, and rule 9's check that nobody who reads the report rates in an anonymous group.
// Helpers take the context, so inside `withTransaction` they always run in its transaction.
import { type FeedbackRequestRow, findOrgPerson, findRequest } from "@fivefold/db";
import {
  ForbiddenError,
  InvalidInputError,
  isAnonymousGroup,
  NotFoundError,
  type RaterGroup,
} from "@fivefold/domain";
import { reportReaders } from "../access";
import type { MemberServiceContext, ServiceContext } from "../context";

export type { FeedbackRequestRow };
export type PersonRow = NonNullable<Awaited<ReturnType<typeof findOrgPerson>>>;

export async function loadRequest(
  ctx: ServiceContext,
  orgId: string,
  requestId: string,
  lock?: "update" | "share",
): Promise<FeedbackRequestRow> {
  const row = await findRequest(ctx.db, orgId, requestId, lock);
  if (!row) throw new NotFoundError("Feedback request");
  return row;
}

export async function loadPerson(ctx: ServiceContext, orgId: string, personId: string): Promise<PersonRow> {
  const row = await findOrgPerson(ctx.db, orgId, personId);
  if (!row) throw new NotFoundError("Person");
  return row;
}

/** The requester, the subject's current manager, or an admin may manage a request. */
export async function canManageRequest(
  ctx: MemberServiceContext,
  request: FeedbackRequestRow,
): Promise<boolean> {
  if (request.requesterId === ctx.person.id || ctx.roles.includes("admin")) return true;
  const subject = await loadPerson(ctx, ctx.org.id, request.subjectId);
  return subject.managerId === ctx.person.id;
}

export async function assertCanManage(ctx: MemberServiceContext, request: FeedbackRequestRow): Promise<void> {
  if (!(await canManageRequest(ctx, request))) {
    throw new ForbiddenError("Only the manager who requested this feedback (or an admin) can do that");
  }
}

/** Everyone who will read the report of a request on this subject, or steers it (rule 9). */
export function readersOf(
  ctx: ServiceContext,
  orgId: string,
  request: { requesterId: string },
  subject: { id: string; managerId: string | null },
): Promise<Set<string>> {
  return reportReaders(ctx, ctx.db, orgId, {
    subjectId: subject.id,
    requesterId: request.requesterId,
    subjectManagerId: subject.managerId,
  });
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
