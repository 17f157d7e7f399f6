// Answering: the inbox, the form, the sealed submit (exactly once) and declining, for signed-in
// members by invitation id and for anyone holding a one-time link by token. Drafts never reach the
// server: the browser keeps them until the rater submits or declines.
import { type Executor, schema } from "@fivefold/db";
import {
  anonymityPromise,
  answerSetSchema,
  ConflictError,
  canSubmit,
  getInstrument,
  NotFoundError,
  PreconditionFailedError,
  parseInput,
  toAnswerRecord,
} from "@fivefold/domain";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import type { MemberContext } from "../../trpc/context";
import { sealEnvelope } from "./envelopes";
import { hashToken } from "./tokens";

type InvitationRow = typeof schema.invitations.$inferSelect;

/** How an invitation is found: by id for its member, or by the hash of a one-time link's token. */
export type InvitationKey = { invitationId: string; personId: string; orgId: string } | { token: string };

async function findInvitation(db: Executor, key: InvitationKey, lock = false): Promise<InvitationRow> {
  const where =
    "token" in key
      ? eq(schema.invitations.tokenHash, hashToken(key.token))
      : and(
          eq(schema.invitations.id, key.invitationId),
          eq(schema.invitations.orgId, key.orgId),
          eq(schema.invitations.personId, key.personId),
        );
  const query = db.select().from(schema.invitations).where(where);
  const [row] = await (lock ? query.for("update") : query);
  if (!row) throw new NotFoundError("token" in key ? "This feedback link" : "Invitation");
  if ("token" in key) {
    // A cancelled request's links stop working altogether.
    const [request] = await db
      .select({ state: schema.feedbackRequests.state })
      .from(schema.feedbackRequests)
      .where(eq(schema.feedbackRequests.id, row.requestId));
    if (request?.state === "cancelled") throw new NotFoundError("This feedback link");
  }
  return row;
}

/**
 * The request's lock first, then the invitation's: the order every transaction on a request's
 * invitations takes (a submit restamps them all while holding the request), so none deadlocks.
 */
async function lockInvitation(tx: Executor, key: InvitationKey) {
  const located = await findInvitation(tx, key);
  const request = await lockRequestState(tx, located.requestId);
  const invitation = await findInvitation(tx, key, true);
  return { invitation, request };
}

function assertUsable(invitation: InvitationRow, requestState: string, now: Date): void {
  if (requestState === "cancelled") {
    throw new PreconditionFailedError("This feedback request was cancelled: there is nothing to answer");
  }
  if (!canSubmit(requestState as Parameters<typeof canSubmit>[0])) {
    throw new PreconditionFailedError("This feedback request is closed: answers are no longer accepted");
  }
  if (invitation.expiresAt.getTime() < now.getTime()) {
    throw new PreconditionFailedError("This invitation has expired: the deadline has passed");
  }
  if (invitation.state === "submitted") throw new ConflictError("You have already submitted your feedback");
  if (invitation.state === "declined") throw new ConflictError("You declined this invitation");
}

export async function listInbox(ctx: MemberContext) {
  const rows = await ctx.db
    .select({
      invitationId: schema.invitations.id,
      requestId: schema.invitations.requestId,
      group: schema.invitations.group,
      state: schema.invitations.state,
      deadline: schema.feedbackRequests.deadline,
      subjectId: schema.people.id,
      subjectName: schema.people.name,
    })
    .from(schema.invitations)
    .innerJoin(schema.feedbackRequests, eq(schema.feedbackRequests.id, schema.invitations.requestId))
    .innerJoin(schema.people, eq(schema.people.id, schema.feedbackRequests.subjectId))
    .where(
      and(
        eq(schema.invitations.orgId, ctx.org.id),
        eq(schema.invitations.personId, ctx.person.id),
        eq(schema.feedbackRequests.state, "open"),
      ),
    )
    .orderBy(asc(schema.feedbackRequests.deadline), asc(schema.invitations.id));
  return rows.map((r) => ({
    invitationId: r.invitationId,
    requestId: r.requestId,
    subject: { id: r.subjectId, name: r.subjectName },
    group: r.group,
    deadline: r.deadline.toISOString(),
    state: answeringState(r.state),
  }));
}

/** `draft` is a state only rows from before local drafts have: for the server it is `pending`. */
function answeringState(state: InvitationRow["state"]): "pending" | "submitted" | "declined" {
  return state === "draft" ? "pending" : state;
}

/** What a rater sees before answering: who, and their group's anonymity promise. */
export async function getForm(db: Executor, key: InvitationKey) {
  const invitation = await findInvitation(db, key);
  const [request] = await db
    .select({
      state: schema.feedbackRequests.state,
      deadline: schema.feedbackRequests.deadline,
      threshold: schema.feedbackRequests.threshold,
      instrumentVersion: schema.feedbackRequests.instrumentVersion,
      subjectId: schema.people.id,
      subjectName: schema.people.name,
      orgName: schema.organisations.name,
    })
    .from(schema.feedbackRequests)
    .innerJoin(schema.people, eq(schema.people.id, schema.feedbackRequests.subjectId))
    .innerJoin(schema.organisations, eq(schema.organisations.id, schema.feedbackRequests.orgId))
    .where(eq(schema.feedbackRequests.id, invitation.requestId));
  if (!request) throw new NotFoundError("Feedback request");
  return {
    invitationId: invitation.id,
    requestId: invitation.requestId,
    organisation: request.orgName,
    subject: { id: request.subjectId, name: request.subjectName },
    group: invitation.group,
    identifiable: invitation.group === "self" || invitation.group === "manager",
    promise: invitation.counts
      ? anonymityPromise(invitation.group, request.threshold)
      : "Your organisation has not confirmed your address's domain, so your answers will not be part of the report. You may still answer or decline.",
    deadline: request.deadline.toISOString(),
    // A link past its deadline reads as closed, before anyone types an answer into it.
    requestState: invitation.expiresAt.getTime() < Date.now() ? ("closed" as const) : request.state,
    state: answeringState(invitation.state),
    instrumentVersion: request.instrumentVersion,
  };
}

async function lockRequestState(tx: Executor, requestId: string, mode: "share" | "update" = "share") {
  const [request] = await tx
    .select({ state: schema.feedbackRequests.state, version: schema.feedbackRequests.instrumentVersion })
    .from(schema.feedbackRequests)
    .where(eq(schema.feedbackRequests.id, requestId))
    .for(mode);
  if (!request) throw new NotFoundError("Feedback request");
  return request;
}

/** The submit that sealed this invitation, retried with its idempotency key: answer it again. */
const sameSubmit = (invitation: { state: string; submitKey: string | null }, idempotencyKey?: string) =>
  idempotencyKey !== undefined && invitation.state === "submitted" && invitation.submitKey === idempotencyKey;

/**
 * Seals the response and marks the invitation submitted in one transaction. The conditional
 * update is the gate: of any number of concurrent submits, exactly one finds the invitation
 * still pending. The response is stored only as an envelope sealed under the request's key
 * (sealing.ts), and nothing in the rows written, not even Postgres's own transaction stamp, ties
 * the envelope to the invitation.
 * `idempotencyKey`, chosen by the client per form, is stored on the invitation (never the
 * response): a retry of a submit whose answer was lost gets its success, any other a CONFLICT.
 */
export async function submitResponse(
  db: Executor,
  key: InvitationKey,
  payload: unknown,
  options: { sealingSecret: string; now?: Date; idempotencyKey?: string | undefined },
) {
  const now = options.now ?? new Date();
  const { idempotencyKey } = options;
  const found = await findInvitation(db, key);
  if (sameSubmit(found, idempotencyKey)) return { submitted: true as const };
  const [meta] = await db
    .select({ version: schema.feedbackRequests.instrumentVersion })
    .from(schema.feedbackRequests)
    .where(eq(schema.feedbackRequests.id, found.requestId));
  // Validate before taking any lock, so a bad answer set costs nothing.
  const answerSet = parseInput(answerSetSchema(getInstrument(meta?.version ?? 1)), payload);
  return db.transaction(async (tx) => {
    // Submits to one request take turns (see the end of this transaction).
    const request = await lockRequestState(tx, found.requestId, "update");
    assertUsable(found, request.state, now);
    const [claimed] = await tx
      .update(schema.invitations)
      .set({ state: "submitted", submitKey: idempotencyKey ?? null })
      .where(
        and(eq(schema.invitations.id, found.id), inArray(schema.invitations.state, ["pending", "draft"])),
      )
      .returning({
        group: schema.invitations.group,
        orgId: schema.invitations.orgId,
        counts: schema.invitations.counts,
      });
    if (!claimed) {
      const [current] = await tx
        .select({ state: schema.invitations.state, submitKey: schema.invitations.submitKey })
        .from(schema.invitations)
        .where(eq(schema.invitations.id, found.id));
      // A retry that overtook its own first attempt, committed while this one waited for the lock.
      if (current && sameSubmit(current, idempotencyKey)) return { submitted: true as const };
      throw new ConflictError(
        current?.state === "declined"
          ? "You declined this invitation"
          : "You have already submitted your feedback",
      );
    }
    // A rater who does not count (rule 9) may answer, but a reader may be the one answering: their
    // answers are not kept, so the report never contains them.
    if (claimed.counts) {
      await sealEnvelope(
        tx,
        { id: found.requestId, orgId: claimed.orgId },
        { group: claimed.group, answers: toAnswerRecord(answerSet.answers), comments: answerSet.comments },
        options.sealingSecret,
      );
    }
    // Postgres stamps each row a transaction writes with that transaction's id (xmin). Rewriting
    // every invitation of the request here gives them all this stamp, so a sealed response's stamp
    // matches all of them or (once a later submit restamps them) none: never the one who answered.
    await tx
      .update(schema.invitations)
      .set({ state: sql`${schema.invitations.state}` })
      .where(eq(schema.invitations.requestId, found.requestId));
    return { submitted: true as const };
  });
}

/**
 * Declines, without a reason: free text stored next to the rater would be an answer with their name
 * on it, and nobody reads it anyway.
 */
export async function declineInvitation(db: Executor, key: InvitationKey, now = new Date()) {
  return db.transaction(async (tx) => {
    const { invitation, request } = await lockInvitation(tx, key);
    assertUsable(invitation, request.state, now);
    if (invitation.group === "self") {
      throw new PreconditionFailedError(
        "The self-assessment cannot be declined: it is your own view in the report",
      );
    }
    await tx
      .update(schema.invitations)
      .set({ state: "declined" })
      .where(eq(schema.invitations.id, invitation.id));
    return { declined: true as const };
  });
}
