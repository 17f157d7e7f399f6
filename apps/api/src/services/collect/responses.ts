// Answering: the inbox, the form, the sealed submit (exactly once) and declining, for signed-in
// members by invitation id and for anyone holding a one-time link by token. Drafts never reach the
// server: the browser keeps them until the rater submits or declines.
import {
  findFormRequest,
  findInvitationByTokenHash,
  findInvitationForSubmit,
  findInviteeLanguages,
  findMemberInvitation,
  findRequestAnswerFacts,
  findSubmitState,
  type InvitationRow,
  listOpenInvitationsOf,
  lockRequestForAnswer,
  markInvitationDeclined,
  type SubmitLimit,
  submitOnce,
} from "@fivefold/db";
import {
  anonymityPromise,
  answerSetSchema,
  behaviourTexts,
  ConflictError,
  canSubmit,
  type Instrument,
  NotFoundError,
  PreconditionFailedError,
  parseInput,
  resolveLanguage,
  toAnswerRecord,
} from "@fivefold/domain";
import { type MemberServiceContext, nowOf, type ServiceContext, withTransaction } from "../context";
import { describeInstrument } from "../instrument/describe";
import { instrumentOfVersion } from "../instrument/versions";
import { sealResponse } from "./sealing";
import { hashToken } from "./tokens";

/** How an invitation is found: by id for its member, or by the hash of a one-time link's token. */
export type InvitationKey = { invitationId: string; personId: string; orgId: string } | { token: string };

async function findInvitation(ctx: ServiceContext, key: InvitationKey, lock = false): Promise<InvitationRow> {
  const row =
    "token" in key
      ? await findInvitationByTokenHash(ctx.db, hashToken(key.token), lock)
      : await findMemberInvitation(ctx.db, key, lock);
  if (!row) throw new NotFoundError("token" in key ? "This feedback link" : "Invitation");
  if ("token" in key) {
    // A cancelled request's links stop working altogether.
    const request = await findRequestAnswerFacts(ctx.db, row.requestId);
    if (request?.state === "cancelled") throw new NotFoundError("This feedback link");
  }
  return row;
}

async function lockRequestState(ctx: ServiceContext, requestId: string, mode: "share" | "update" = "share") {
  const request = await lockRequestForAnswer(ctx.db, requestId, mode);
  if (!request) throw new NotFoundError("Feedback request");
  return request;
}

/**
 * The request's lock first, then the invitation's: the order every transaction on a request's
 * invitations takes (a submit restamps them all while holding the request), so none deadlocks.
 */
async function lockInvitation(ctx: ServiceContext, key: InvitationKey) {
  const located = await findInvitation(ctx, key);
  const request = await lockRequestState(ctx, located.requestId);
  const invitation = await findInvitation(ctx, key, true);
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

/** `draft` is a state only rows from before local drafts have: for the server it is `pending`. */
function answeringState(state: InvitationRow["state"]): "pending" | "submitted" | "declined" {
  return state === "draft" ? "pending" : state;
}

/** My invitations to open requests. */
export async function listInbox({ ctx }: { ctx: MemberServiceContext }) {
  const rows = await listOpenInvitationsOf(ctx.db, ctx.org.id, ctx.person.id);
  return rows.map((r) => ({
    invitationId: r.invitationId,
    requestId: r.requestId,
    subject: { id: r.subjectId, name: r.subjectName },
    group: r.group,
    deadline: r.deadline.toISOString(),
    state: answeringState(r.state),
  }));
}

/** What a rater sees before answering: who, and their group's anonymity promise. */
export async function getForm({ ctx, input }: { ctx: ServiceContext; input: InvitationKey }) {
  const invitation = await findInvitation(ctx, input);
  const request = await findFormRequest(ctx.db, invitation.requestId);
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
    threshold: request.threshold,
    counts: invitation.counts,
    deadline: request.deadline.toISOString(),
    // A link past its deadline reads as closed, before anyone types an answer into it.
    requestState: invitation.expiresAt.getTime() < nowOf(ctx).getTime() ? ("closed" as const) : request.state,
    state: answeringState(invitation.state),
    instrumentVersion: request.instrumentVersion,
    // The version the request froze, whatever the organisation has published since (issue 19).
    instrument: describeFormInstrument(
      await instrumentOfVersion(ctx, invitation.orgId, request.instrumentVersion),
    ),
    language: resolveLanguage(await findInviteeLanguages(ctx.db, invitation.orgId, invitation.personId)),
  };
}

/** The questionnaire as a rater reads it: each behaviour keeps its key, with its wording per language. */
function describeFormInstrument(instrument: Instrument) {
  const described = describeInstrument(instrument);
  const texts = new Map(
    instrument.dimensions.flatMap((d) => d.items.map((item) => [item.id, behaviourTexts(item)] as const)),
  );
  return {
    ...described,
    dimensions: described.dimensions.map((dimension) => ({
      ...dimension,
      items: dimension.items.map((item) => ({
        ...item,
        texts: texts.get(item.id) ?? { en: item.text, de: item.text },
      })),
    })),
  };
}

/** The submit that sealed this invitation, retried with its idempotency key: answer it again. */
const sameSubmit = (invitation: { state: string; submitKey: string | null }, idempotencyKey?: string) =>
  idempotencyKey !== undefined && invitation.state === "submitted" && invitation.submitKey === idempotencyKey;

/**
 * The one-time link's rate limit, for a submit made with a link over HTTP: counted by the submit's
 * own write (one commit), or apart by a submit that ends before writing (a retry answered again, a
 * refusal), so every call with the link counts. Both refuse when the link is over its limit.
 */
export interface LinkLimit {
  bucket: SubmitLimit;
  /** Counts one call apart; throws the refusal when the link is over its limit. */
  countApart(): Promise<void>;
  /** Throws the refusal for a call the write counted over the limit. */
  refuse(resetsAt: Date): never;
}

export interface SubmitInput {
  key: InvitationKey;
  /** The answers as sent; the instrument's answer-set schema validates them. */
  payload: unknown;
  idempotencyKey?: string | undefined;
  linkLimit?: LinkLimit | undefined;
}

/** The invitation a submit answers, with its request's state and version, in one statement. */
async function findToAnswer(ctx: ServiceContext, key: InvitationKey) {
  const found = await findInvitationForSubmit(
    ctx.db,
    "token" in key ? { tokenHash: hashToken(key.token) } : key,
  );
  // A cancelled request's links stop working altogether.
  if (!found || ("token" in key && found.requestState === "cancelled")) {
    throw new NotFoundError("token" in key ? "This feedback link" : "Invitation");
  }
  return found;
}

type Found = Awaited<ReturnType<typeof findToAnswer>>;

// Each questionnaire's answer-set schema, built once (instruments are immutable, kept per process).
const answerSchemas = new WeakMap<Instrument, ReturnType<typeof answerSetSchema>>();
function answerSchemaOf(instrument: Instrument) {
  const schema = answerSchemas.get(instrument) ?? answerSetSchema(instrument);
  answerSchemas.set(instrument, schema);
  return schema;
}

/**
 * What the submit stores, checked and sealed before anything is written: a bad answer set, a
 * closed request or an answered invitation costs no write. An invitation's group never changes;
 * whether it counts is read by the write itself.
 */
async function sealAnswers(
  ctx: ServiceContext,
  { invitation, requestState, version }: Found,
  payload: unknown,
) {
  assertUsable(invitation, requestState, nowOf(ctx));
  // Answers are checked against the version the request froze, never the organisation's latest.
  const instrument = await instrumentOfVersion(ctx, invitation.orgId, version);
  const answerSet = parseInput(answerSchemaOf(instrument), payload);
  return sealResponse(ctx.sealingSecret, invitation.requestId, {
    group: invitation.group,
    answers: toAnswerRecord(answerSet.answers),
    comments: answerSet.comments,
  });
}

/**
 * Seals the response and marks the invitation submitted in one statement (`submitOnce`: one
 * commit). Its conditional update is the gate: of any number of concurrent submits, exactly one
 * finds the invitation still pending. The response is stored only as an envelope sealed under the
 * request's key (sealing.ts), and nothing in the rows written, not even Postgres's own transaction
 * stamp, ties the envelope to the invitation: the same statement rewrites every other invitation
 * of the request, so a sealed response's stamp (xmin) matches all of them or (once a later submit
 * restamps them) none, never the one who answered. The request's lock, taken by that statement,
 * makes submits to one request take turns (their restamps would otherwise cross) and keeps a close
 * or release from passing a submit. A rater who does not count (rule 9) may answer, but their
 * envelope is not written, so the report never contains them.
 * `idempotencyKey`, chosen by the client per form, is stored on the invitation (never the
 * response): a retry of a submit whose answer was lost gets its success, any other a CONFLICT.
 * Statements: one read, then the write. Submits to one request queue on its lock in the database,
 * each holding a pooled connection while it waits; the lock is held for one statement and its
 * commit. (Queueing them in the process instead, off the pool, measured slower: each hand-over
 * then costs a round trip and a plan, docs/performance.md.)
 */
export async function submitResponse({ ctx, input }: { ctx: ServiceContext; input: SubmitInput }) {
  const { idempotencyKey, linkLimit } = input;
  const found = await findToAnswer(ctx, input.key);
  const { invitation } = found;
  let ciphertext: Buffer;
  try {
    if (sameSubmit(invitation, idempotencyKey)) {
      await linkLimit?.countApart();
      return { submitted: true as const };
    }
    ciphertext = await sealAnswers(ctx, found, input.payload);
  } catch (error) {
    await linkLimit?.countApart();
    throw error;
  }
  const outcome = await submitOnce(ctx.db, {
    orgId: invitation.orgId,
    requestId: invitation.requestId,
    invitationId: invitation.id,
    submitKey: idempotencyKey ?? null,
    ciphertext,
    limit: linkLimit?.bucket ?? null,
  });
  if (linkLimit && outcome.hits !== null && outcome.hits > linkLimit.bucket.max && outcome.resetsAt) {
    linkLimit.refuse(outcome.resetsAt);
  }
  if (outcome.claimed) return { submitted: true as const };
  if (outcome.requestState === null) throw new NotFoundError("Feedback request");
  assertUsable(invitation, outcome.requestState, nowOf(ctx));
  const current = await findSubmitState(ctx.db, invitation.id);
  // A retry that overtook its own first attempt, committed while this one waited for the lock.
  if (current && sameSubmit(current, idempotencyKey)) return { submitted: true as const };
  throw new ConflictError(
    current?.state === "declined"
      ? "You declined this invitation"
      : "You have already submitted your feedback",
  );
}

/**
 * Declines, without a reason: free text stored next to the rater would be an answer with their name
 * on it, and nobody reads it anyway.
 */
export function declineInvitation({ ctx, input }: { ctx: ServiceContext; input: InvitationKey }) {
  const now = nowOf(ctx);
  return withTransaction(ctx, async (ctx) => {
    const { invitation, request } = await lockInvitation(ctx, input);
    assertUsable(invitation, request.state, now);
    if (invitation.group === "self") {
      throw new PreconditionFailedError(
        "The self-assessment cannot be declined: it is your own view in the report",
      );
    }
    await markInvitationDeclined(ctx.db, invitation.id);
    return { declined: true as const };
  });
}
