// Closing a request: compute the report once with the domain's aggregation and freeze it, or mark
// the request insufficient. Used by the manager's close and by the deadline job.
import { type Executor, schema } from "@fivefold/db";
import { aggregate, getInstrument, type RaterGroup, releasePolicy, transition } from "@fivefold/domain";
import { and, eq, notInArray, sql } from "drizzle-orm";
import { enqueueMail } from "../../mail/outbox";
import { reportReleasedMail } from "../../mail/templates";
import { recordAudit } from "../audit/record";
import type { FeedbackRequestRow } from "./access";
import { discardEnvelopes, openEnvelopes, writeReleasedResponses } from "./envelopes";
import { loadHistory } from "./history";

export type CloseOutcome = "released" | "insufficient";

export interface CloseOptions {
  now: Date;
  appUrl: string;
  /** Opens the request's sealed envelopes (see sealing.ts). */
  sealingSecret: string;
}

/**
 * The request must be locked FOR UPDATE by the caller's transaction and be open. Throws
 * SealedEnvelopeError, changing nothing, when an envelope does not open with the secret.
 */
export async function closeLockedRequest(
  tx: Executor,
  request: FeedbackRequestRow,
  options: CloseOptions,
): Promise<CloseOutcome> {
  transition(request.state, "close");
  const responses = await openEnvelopes(tx, request, options.sealingSecret);
  const invitedRows = await tx
    .select({
      group: schema.invitations.group,
      counted: schema.invitations.counts,
      n: sql<number>`count(*)::int`,
    })
    .from(schema.invitations)
    .where(eq(schema.invitations.requestId, request.id))
    .groupBy(schema.invitations.group, schema.invitations.counts);
  // Only raters who count (rule 9) are the report's; the others are said to be there, and no more.
  const invited: Partial<Record<RaterGroup, number>> = {};
  let notCounted = 0;
  for (const row of invitedRows) {
    if (row.counted) invited[row.group] = (invited[row.group] ?? 0) + row.n;
    else notCounted += row.n;
  }

  // The organisation's current comment threshold and manager display (k stays the frozen one).
  const [org] = await tx
    .select({
      commentThreshold: schema.organisations.commentThreshold,
      showManagerApart: schema.organisations.showManagerApart,
    })
    .from(schema.organisations)
    .where(eq(schema.organisations.id, request.orgId));
  if (!org) throw new Error("the request's organisation is gone");
  const result = aggregate({
    instrument: getInstrument(request.instrumentVersion),
    responses,
    threshold: request.threshold,
    invited,
    notCounted,
    seed: request.id,
    policy: releasePolicy(org, request.threshold),
    // Rule 10: against the subject's earlier reports within the organisation's comparison window.
    history: await loadHistory(tx, request, options.now),
  });
  const state =
    result.status === "released" ? transition("closed", "release") : transition("closed", "insufficient");

  // The envelopes go either way; only a released report has its answers written out, once.
  await discardEnvelopes(tx, request);
  if (result.status === "released") {
    await writeReleasedResponses(tx, request, responses, options.now);
    await tx.insert(schema.reportSnapshots).values({
      requestId: request.id,
      orgId: request.orgId,
      snapshot: result.snapshot as unknown as Record<string, unknown>,
      instrumentVersion: request.instrumentVersion,
      releasedAt: options.now,
    });
  }
  await tx
    .update(schema.feedbackRequests)
    .set({
      state,
      closedAt: options.now,
      insufficientReason: result.status === "insufficient" ? result.reason : null,
    })
    .where(and(eq(schema.feedbackRequests.id, request.id), eq(schema.feedbackRequests.state, "open")));

  const people = await tx
    .select({ id: schema.people.id, name: schema.people.name, email: schema.people.email })
    .from(schema.people)
    .where(sql`${schema.people.id} in (${request.subjectId}, ${request.requesterId})`);
  const subject = people.find((p) => p.id === request.subjectId);
  for (const person of people) {
    await enqueueMail(tx, {
      orgId: request.orgId,
      template: state === "released" ? "report_released" : "request_insufficient",
      to: person.email,
      meta: { requestId: request.id },
      ...reportReleasedMail({
        subjectName: subject?.name ?? "the person",
        isSubject: person.id === request.subjectId,
        released: state === "released",
        ...(result.status === "insufficient" ? { reason: result.reason } : {}),
        link: `${options.appUrl}/reports/${request.id}`,
      }),
    });
  }
  return state === "released" ? "released" : "insufficient";
}

/**
 * Closes every open request whose deadline has passed. Each request is claimed with
 * FOR UPDATE SKIP LOCKED in its own transaction, so several API processes never close one twice.
 */
export async function closeDueRequests(
  db: Executor,
  options: CloseOptions & {
    limit?: number;
    onError?: (requestId: string, error: unknown) => void;
  },
): Promise<Array<{ requestId: string; outcome: CloseOutcome }>> {
  const closed: Array<{ requestId: string; outcome: CloseOutcome }> = [];
  // A request that fails to close (its transaction rolls back) is skipped for the rest of this run
  // and tried again on the next, so one bad request never holds up the others.
  const failed: string[] = [];
  for (let i = 0; i < (options.limit ?? 100); i++) {
    let claimed: string | null = null;
    try {
      const done = await db.transaction(async (tx) => {
        const [due] = await tx
          .select()
          .from(schema.feedbackRequests)
          .where(
            and(
              eq(schema.feedbackRequests.state, "open"),
              sql`${schema.feedbackRequests.deadline} <= ${options.now.toISOString()}`,
              failed.length > 0 ? notInArray(schema.feedbackRequests.id, failed) : undefined,
            ),
          )
          .orderBy(schema.feedbackRequests.deadline, schema.feedbackRequests.id)
          .limit(1)
          .for("update", { skipLocked: true });
        if (!due) return null;
        claimed = due.id;
        const outcome = await closeLockedRequest(tx, due, options);
        await recordAudit(tx, {
          orgId: due.orgId,
          actorId: null,
          action: "requests.close",
          targetType: "feedback_request",
          targetId: due.id,
          details: { outcome, atDeadline: true },
        });
        return { requestId: due.id, outcome };
      });
      if (!done) break;
      closed.push(done);
    } catch (error) {
      if (!claimed) throw error;
      failed.push(claimed);
      options.onError?.(claimed, error);
    }
  }
  return closed;
}
