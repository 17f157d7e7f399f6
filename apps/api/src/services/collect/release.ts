// Closing a request: compute the report once with the domain's aggregation and freeze it, or mark
// the request insufficient. Used by the manager's close, the deadline job and the demo seed.
import {
  claimDueRequest,
  countInvitationsByGroup,
  findPeopleContacts,
  findReleaseSettings,
  insertReportSnapshot,
  markRequestClosed,
} from "@fivefold/db";
import {
  aggregate,
  getInstrument,
  type RaterGroup,
  type RaterResponse,
  releasePolicy,
  transition,
} from "@fivefold/domain";
import { enqueueMail } from "../../mail/outbox";
import { reportReleasedMail } from "../../mail/templates";
import { recordAudit } from "../audit/record";
import { nowOf, type ServiceContext, withTransaction } from "../context";
import type { FeedbackRequestRow } from "./access";
import { discardEnvelopes, openEnvelopes, writeReleasedResponses } from "./envelopes";
import { loadHistory } from "./history";

export type CloseOutcome = "released" | "insufficient";
/** A request of a cycle stops collecting at its deadline and waits, still sealed, for the cycle's release. */
export type HoldOutcome = CloseOutcome | "closed";

type Aggregated = ReturnType<typeof aggregate>;

/**
 * The request must be locked FOR UPDATE by the caller's transaction (`ctx`) and be open. Opens the
 * envelopes with the context's sealing secret, and throws SealedEnvelopeError, changing nothing,
 * when one does not open. The context's clock is the moment of closing.
 */
export async function closeLockedRequest(
  ctx: ServiceContext,
  request: FeedbackRequestRow,
): Promise<CloseOutcome> {
  const now = nowOf(ctx);
  // A request held by its cycle is already closed: it goes straight to its report.
  if (request.state !== "closed") transition(request.state, "close");
  const responses = await openEnvelopes(ctx, request);
  const result = await aggregateRequest(ctx, request, responses, now);
  const state =
    result.status === "released" ? transition("closed", "release") : transition("closed", "insufficient");

  // The envelopes go either way; only a released report has its answers written out, once.
  await discardEnvelopes(ctx, request);
  if (result.status === "released") {
    await writeReleasedResponses(ctx, request, responses, now);
    await insertReportSnapshot(ctx.db, {
      requestId: request.id,
      orgId: request.orgId,
      snapshot: result.snapshot as unknown as Record<string, unknown>,
      instrumentVersion: request.instrumentVersion,
      releasedAt: now,
    });
  }
  await markRequestClosed(ctx.db, request, {
    state,
    closedAt: now,
    insufficientReason: result.status === "insufficient" ? result.reason : null,
  });
  await tellSubjectAndRequester(ctx, request, result);
  return state === "released" ? "released" : "insufficient";
}

/**
 * Stops a request of a cycle from collecting (the caller's transaction holds its row lock): no more
 * answers, nothing opened; its envelopes stay sealed until the cycle releases every report at once.
 */
export async function holdLockedRequest(ctx: ServiceContext, request: FeedbackRequestRow): Promise<"closed"> {
  const state = transition(request.state, "close");
  await markRequestClosed(ctx.db, request, { state, closedAt: nowOf(ctx), insufficientReason: null });
  return "closed";
}

/** Closes a request, or holds it when it belongs to a cycle (reports of a cycle release together). */
export function closeOrHold(ctx: ServiceContext, request: FeedbackRequestRow): Promise<HoldOutcome> {
  return request.cycleId ? holdLockedRequest(ctx, request) : closeLockedRequest(ctx, request);
}

/** The report of these responses, or why there is none. */
async function aggregateRequest(
  ctx: ServiceContext,
  request: FeedbackRequestRow,
  responses: RaterResponse[],
  now: Date,
): Promise<Aggregated> {
  // Only raters who count (rule 9) are the report's; the others are said to be there, and no more.
  const invited: Partial<Record<RaterGroup, number>> = {};
  let notCounted = 0;
  for (const row of await countInvitationsByGroup(ctx.db, request)) {
    if (row.counted) invited[row.group] = (invited[row.group] ?? 0) + row.n;
    else notCounted += row.n;
  }
  // The organisation's current comment threshold and manager display (k stays the frozen one).
  const org = await findReleaseSettings(ctx.db, request.orgId);
  if (!org) throw new Error("the request's organisation is gone");
  return aggregate({
    instrument: getInstrument(request.instrumentVersion),
    responses,
    threshold: request.threshold,
    invited,
    notCounted,
    seed: request.id,
    policy: releasePolicy(org, request.threshold),
    // Rule 10: against the subject's earlier reports within the organisation's comparison window.
    history: await loadHistory(ctx, request, now),
  });
}

/** The subject and the requester hear that the report is out, or why there is none. */
async function tellSubjectAndRequester(
  ctx: ServiceContext,
  request: FeedbackRequestRow,
  result: Aggregated,
): Promise<void> {
  const released = result.status === "released";
  const people = await findPeopleContacts(ctx.db, request.orgId, [request.subjectId, request.requesterId]);
  const subject = people.find((p) => p.id === request.subjectId);
  for (const person of people) {
    await enqueueMail(ctx.db, {
      orgId: request.orgId,
      template: released ? "report_released" : "request_insufficient",
      to: person.email,
      meta: { requestId: request.id },
      ...reportReleasedMail({
        subjectName: subject?.name ?? "the person",
        isSubject: person.id === request.subjectId,
        released,
        ...(result.status === "insufficient" ? { reason: result.reason } : {}),
        link: `${ctx.appUrl}/reports/${request.id}`,
      }),
    });
  }
}

/**
 * Closes every open request whose deadline (by the context's clock) has passed. Each request is
 * claimed with FOR UPDATE SKIP LOCKED in its own transaction, so several API processes never close
 * one twice: call it outside any transaction, or one failure would roll back the others.
 */
export async function closeDueRequests({
  ctx,
  input = {},
}: {
  ctx: ServiceContext;
  input?: { limit?: number; onError?: (requestId: string, error: unknown) => void };
}): Promise<Array<{ requestId: string; outcome: HoldOutcome }>> {
  const now = nowOf(ctx);
  const closed: Array<{ requestId: string; outcome: HoldOutcome }> = [];
  // A request that fails to close (its transaction rolls back) is skipped for the rest of this run
  // and tried again on the next, so one bad request never holds up the others.
  const failed: string[] = [];
  for (let i = 0; i < (input.limit ?? 100); i++) {
    let claimed: string | null = null;
    try {
      const done = await withTransaction({ ...ctx, now: () => now }, async (ctx) => {
        const due = await claimDueRequest(ctx.db, now, failed);
        if (!due) return null;
        claimed = due.id;
        const outcome = await closeOrHold(ctx, due);
        await recordAudit(ctx.db, {
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
      input.onError?.(claimed, error);
    }
  }
  return closed;
}
