// Closing requests: the report computed once with the domain's aggregation and frozen, or the
// request marked insufficient. A manager's close is a batch of one; the deadline job and a cycle's
// release work in batches (bulk-release.ts, batches.ts). Used by the demo seed too.
import { claimDueRequests, holdRequests, insertAuditEntries, markRequestClosed } from "@fivefold/db";
import { transition } from "@fivefold/domain";
import { cleanAuditDetails } from "../audit/record";
import { nowOf, type ServiceContext } from "../context";
import type { FeedbackRequestRow } from "./access";
import { inBatches, RELEASE_BATCH_SIZE, releaseWorkers } from "./batches";
import { type CloseOutcome, releaseLockedBatch } from "./bulk-release";

export type { CloseOutcome };
/** A request of a cycle stops collecting at its deadline and waits, still sealed, for the cycle's release. */
export type HoldOutcome = CloseOutcome | "closed";

/**
 * The request must be locked FOR UPDATE by the caller's transaction (`ctx`) and be open (or held
 * closed by its cycle). Opens the envelopes with the context's sealing secret, and throws
 * SealedEnvelopeError, changing nothing, when one does not open. The context's clock is the moment
 * of closing.
 */
export async function closeLockedRequest(
  ctx: ServiceContext,
  request: FeedbackRequestRow,
): Promise<CloseOutcome> {
  const { done, failed } = await releaseLockedBatch(ctx, [request]);
  if (failed[0]) throw failed[0].error;
  return (done[0] as { outcome: CloseOutcome }).outcome;
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

/**
 * Closes every open request whose deadline (by the context's clock) has passed, in batches of one
 * transaction each, claimed FOR UPDATE SKIP LOCKED, so several API processes never close one twice
 * and a crash leaves each request closed or not, never half. Call it outside any transaction. A
 * request of a cycle is held for the cycle's release; the others are released or closed as
 * insufficient, each with its own anonymity checks.
 */
export function closeDueRequests({
  ctx,
  input = {},
}: {
  ctx: ServiceContext;
  input?: {
    limit?: number;
    batchSize?: number;
    /** Batches in flight at once (default: two on Postgres, one on PGlite). */
    workers?: number;
    onError?: (requestId: string, error: unknown) => void;
    onProgress?: (done: number) => void;
    stopping?: () => boolean;
  };
}): Promise<Array<{ requestId: string; outcome: HoldOutcome }>> {
  const now = nowOf(ctx);
  return inBatches<HoldOutcome>(
    { ...ctx, now: () => now },
    {
      claim: (tx, claim) => claimDueRequests(tx.db, { now, ...claim }),
      work: closeOrHoldBatch,
      batchSize: input.batchSize ?? RELEASE_BATCH_SIZE,
      limit: input.limit ?? 10_000,
      workers: input.workers ?? releaseWorkers(ctx),
      ...(input.onError ? { onError: input.onError } : {}),
      ...(input.onProgress ? { onProgress: input.onProgress } : {}),
      ...(input.stopping ? { stopping: input.stopping } : {}),
    },
  );
}

/** Holds the batch's cycle requests, releases the others, and audits each close. */
async function closeOrHoldBatch(ctx: ServiceContext, requests: readonly FeedbackRequestRow[]) {
  const now = nowOf(ctx);
  const held = requests.filter((request) => request.cycleId);
  for (const request of held) transition(request.state, "close");
  await holdRequests(ctx.db, held, now);
  const released = await releaseLockedBatch(
    ctx,
    requests.filter((request) => !request.cycleId),
  );
  const done: Array<{ requestId: string; outcome: HoldOutcome }> = [
    ...held.map((request) => ({ requestId: request.id, outcome: "closed" as const })),
    ...released.done,
  ];
  const orgOf = new Map(requests.map((request) => [request.id, request.orgId]));
  await insertAuditEntries(
    ctx.db,
    done.map(({ requestId, outcome }) => ({
      orgId: orgOf.get(requestId) as string,
      actorId: null,
      action: "requests.close",
      targetType: "feedback_request",
      targetId: requestId,
      details: cleanAuditDetails({ outcome, atDeadline: true }) as Record<string, unknown>,
    })),
  );
  return { done, failed: released.failed };
}
