// Invitations: written when a request opens or a rater joins it, found by id (the member) or by
// the hash of a one-time link's token, and claimed by exactly one submit.

import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../client";
import { feedbackRequests, invitations, organisations, people } from "../../schema";
import { preparedOn } from "../prepared";
import { executeSubmitOnce } from "../prepared-submit";

export type InvitationRow = typeof invitations.$inferSelect;

/** The addresses of these people of the organisation. */
export async function findPeopleEmails(
  db: Executor,
  orgId: string,
  personIds: readonly string[],
): Promise<Map<string, string>> {
  if (personIds.length === 0) return new Map();
  const rows = await db
    .select({ id: people.id, email: people.email })
    .from(people)
    .where(and(eq(people.orgId, orgId), inArray(people.id, [...personIds])));
  return new Map(rows.map((row) => [row.id, row.email]));
}

/** Inserts an invitation (with its request's cycle); its id, or null when the rater was invited already. */
export async function insertInvitation(
  db: Executor,
  values: Omit<typeof invitations.$inferInsert, "cycleId">,
): Promise<string | null> {
  const cycleOfRequest = sql`(select ${feedbackRequests.cycleId} from ${feedbackRequests}
    where ${feedbackRequests.orgId} = ${values.orgId} and ${feedbackRequests.id} = ${values.requestId})`;
  const [inserted] = await db
    .insert(invitations)
    .values({ ...values, cycleId: cycleOfRequest })
    .onConflictDoNothing()
    .returning({ id: invitations.id });
  return inserted?.id ?? null;
}

/** The member's own invitation (FOR UPDATE when `lock`). */
export async function findMemberInvitation(
  db: Executor,
  key: { invitationId: string; orgId: string; personId: string },
  lock = false,
): Promise<InvitationRow | null> {
  const query = db
    .select()
    .from(invitations)
    .where(
      and(
        eq(invitations.id, key.invitationId),
        eq(invitations.orgId, key.orgId),
        eq(invitations.personId, key.personId),
      ),
    );
  const [row] = await (lock ? query.for("update") : query);
  return row ?? null;
}

/** The invitation a one-time link's token hash opens (FOR UPDATE when `lock`). */
export async function findInvitationByTokenHash(
  db: Executor,
  tokenHash: string,
  lock = false,
): Promise<InvitationRow | null> {
  const query = db.select().from(invitations).where(eq(invitations.tokenHash, tokenHash));
  const [row] = await (lock ? query.for("update") : query);
  return row ?? null;
}

/**
 * An invitation to answer, by the member's key or a link's token hash, with its request's state and
 * questionnaire version: what a submit checks before it takes any lock, in one round trip.
 */
export async function findInvitationForSubmit(
  db: Executor,
  key: { invitationId: string; orgId: string; personId: string } | { tokenHash: string },
) {
  const [row] = await ("tokenHash" in key ? submitByToken(db).execute(key) : submitByMember(db).execute(key));
  return row ?? null;
}

// Prepared (see ../prepared.ts): the first statement of every submit, one per kind of key.
const invitationForSubmit = (db: Executor, where: SQL | undefined) =>
  db
    .select({
      invitation: invitations,
      requestState: feedbackRequests.state,
      version: feedbackRequests.instrumentVersion,
    })
    .from(invitations)
    .innerJoin(
      feedbackRequests,
      and(eq(feedbackRequests.orgId, invitations.orgId), eq(feedbackRequests.id, invitations.requestId)),
    )
    .where(where);
const submitByToken = preparedOn((db) =>
  invitationForSubmit(db, eq(invitations.tokenHash, sql.placeholder("tokenHash"))).prepare("submit_by_token"),
);
const submitByMember = preparedOn((db) =>
  invitationForSubmit(
    db,
    and(
      eq(invitations.id, sql.placeholder("invitationId")),
      eq(invitations.orgId, sql.placeholder("orgId")),
      eq(invitations.personId, sql.placeholder("personId")),
    ),
  ).prepare("submit_by_member"),
);

/** The one-time link's rate-limit bucket a submit counts into (the caller derives its key). */
export interface SubmitLimit {
  key: string;
  max: number;
  windowMs: number;
}

export interface SubmitOutcome {
  /** Whether this submit claimed the invitation (and, if the rater counts, stored its envelope). */
  claimed: boolean;
  /** The request's state once locked; null when the request is gone. */
  requestState: string | null;
  /** The link bucket's count in its window after this hit, and when the window ends (with a limit). */
  hits: number | null;
  resetsAt: Date | null;
}

/**
 * A submit's whole write, in one statement and so one commit: locks the request (FOR UPDATE: submits
 * to one request take turns, and a close or release waits for it or skips it), counts the one-time
 * link's rate limit when one is given (after the lock, so two submits of one link never wait on each
 * other in a circle), and only when the request is open and the link under its limit marks the
 * invitation submitted if it is still pending (the gate of exactly-once submits), stores the sealed
 * envelope if the rater counts (rule 9), and rewrites every other invitation of the request
 * unchanged, so all of them carry this transaction's stamp (xmin), as the envelope does: see the
 * submit in the API for why. A refused or late submit writes nothing but the link's count.
 * Run outside any transaction it commits on its own; a submit that waited for the lock works on
 * the rows as the submit before it left them (Postgres re-reads a row changed since the
 * statement began before it updates or locks it). Sent prepared (../prepared-submit.ts): one round
 * trip, planned once per connection.
 */
export async function submitOnce(
  db: Executor,
  input: {
    orgId: string;
    requestId: string;
    invitationId: string;
    submitKey: string | null;
    ciphertext: Buffer;
    limit: SubmitLimit | null;
  },
): Promise<SubmitOutcome> {
  const { limit } = input;
  const row = await executeSubmitOnce(db, {
    orgId: input.orgId,
    requestId: input.requestId,
    invitationId: input.invitationId,
    submitKey: input.submitKey,
    ciphertext: input.ciphertext,
    envelopeId: randomUUID(),
    limitKey: limit?.key ?? null,
    limitMax: limit?.max ?? 0,
    windowMs: Math.max(1, Math.round(limit?.windowMs ?? 1)),
  });
  return {
    claimed: row?.claimed === true,
    requestState: row?.request_state ?? null,
    hits: row?.hits ?? null,
    resetsAt: row?.resets_at ? new Date(row.resets_at) : null,
  };
}

/** The state and questionnaire version of a request, locked while an answer is given or declined. */
export async function lockRequestForAnswer(db: Executor, requestId: string, mode: "share" | "update") {
  const [request] = await (mode === "update" ? lockForUpdate : lockForShare)(db).execute({ requestId });
  return request ?? null;
}

const lockRequest = (db: Executor, mode: "share" | "update") =>
  db
    .select({ state: feedbackRequests.state, version: feedbackRequests.instrumentVersion })
    .from(feedbackRequests)
    .where(eq(feedbackRequests.id, sql.placeholder("requestId")))
    .for(mode)
    .prepare(`lock_request_${mode}`);
const lockForUpdate = preparedOn((db) => lockRequest(db, "update"));
const lockForShare = preparedOn((db) => lockRequest(db, "share"));

/** The state and questionnaire version of a request, unlocked. */
export async function findRequestAnswerFacts(db: Executor, requestId: string) {
  const [request] = await db
    .select({ state: feedbackRequests.state, version: feedbackRequests.instrumentVersion })
    .from(feedbackRequests)
    .where(eq(feedbackRequests.id, requestId));
  return request ?? null;
}

/** The person's invitations to open requests, soonest deadline first. */
export async function listOpenInvitationsOf(db: Executor, orgId: string, personId: string) {
  return db
    .select({
      invitationId: invitations.id,
      requestId: invitations.requestId,
      group: invitations.group,
      state: invitations.state,
      deadline: feedbackRequests.deadline,
      subjectId: people.id,
      subjectName: people.name,
    })
    .from(invitations)
    .innerJoin(feedbackRequests, eq(feedbackRequests.id, invitations.requestId))
    .innerJoin(people, eq(people.id, feedbackRequests.subjectId))
    .where(
      and(
        eq(invitations.orgId, orgId),
        eq(invitations.personId, personId),
        eq(feedbackRequests.state, "open"),
      ),
    )
    .orderBy(asc(feedbackRequests.deadline), asc(invitations.id));
}

/** What a rater's form shows of the request: its state, deadline, k, subject and organisation. */
export async function findFormRequest(db: Executor, requestId: string) {
  const [request] = await db
    .select({
      state: feedbackRequests.state,
      deadline: feedbackRequests.deadline,
      threshold: feedbackRequests.threshold,
      instrumentVersion: feedbackRequests.instrumentVersion,
      subjectId: people.id,
      subjectName: people.name,
      orgName: organisations.name,
    })
    .from(feedbackRequests)
    .innerJoin(people, eq(people.id, feedbackRequests.subjectId))
    .innerJoin(organisations, eq(organisations.id, feedbackRequests.orgId))
    .where(eq(feedbackRequests.id, requestId));
  return request ?? null;
}

export async function findSubmitState(db: Executor, invitationId: string) {
  const [current] = await db
    .select({ state: invitations.state, submitKey: invitations.submitKey })
    .from(invitations)
    .where(eq(invitations.id, invitationId));
  return current ?? null;
}

export async function markInvitationDeclined(db: Executor, invitationId: string): Promise<void> {
  await db.update(invitations).set({ state: "declined" }).where(eq(invitations.id, invitationId));
}
