// Where sealed answers live: in an envelope (ciphertext) from submit to close, then, for a released
// report only, as plaintext responses written once, shuffled, by the transaction that deletes the
// envelopes. A request that closes insufficient or is cancelled never has its answers written out.
import { randomInt } from "node:crypto";
import {
  deleteSealedEnvelopes,
  insertReleasedResponses,
  listSealedEnvelopes,
  takeUnreleasedResponses,
} from "@fivefold/db";
import { isoDay, type RaterResponse } from "@fivefold/domain";
import type { ServiceContext } from "../context";
import type { FeedbackRequestRow } from "./access";
import { openResponse, SealedEnvelopeError } from "./sealing";

type RequestRef = Pick<FeedbackRequestRow, "id" | "orgId">;

/**
 * Every response of the request, opened. One envelope that does not open fails the whole close
 * (the caller's transaction rolls back and the request stays open): dropping it would release a
 * report without someone's answers, and nobody would ever know.
 */
export async function openEnvelopes(ctx: ServiceContext, request: RequestRef): Promise<RaterResponse[]> {
  const secret = ctx.sealingSecret;
  const envelopes = await listSealedEnvelopes(ctx.db, request.id);
  const responses: RaterResponse[] = [];
  let failed = 0;
  let reason = "";
  for (const envelope of envelopes) {
    try {
      responses.push(openResponse(secret, request.id, envelope.ciphertext));
    } catch (error) {
      if (!(error instanceof SealedEnvelopeError)) throw error;
      failed++;
      reason = error.message;
    }
  }
  if (failed > 0) {
    throw new SealedEnvelopeError(
      `Request ${request.id} cannot close: ${failed} of ${envelopes.length} sealed answers do not open (${reason}). It stays open and nothing was released; restore the SEALING_SECRET the answers were sealed with.`,
    );
  }
  // A request that was collecting when Fivefold was upgraded to sealed envelopes has its earlier
  // answers in the clear; they join the rest, to be rewritten shuffled or deleted with them.
  for (const row of await takeUnreleasedResponses(ctx.db, request.id)) responses.push(row as RaterResponse);
  return responses;
}

/** Deletes the request's envelopes (and asks for the vacuum that clears their dead versions). */
export async function discardEnvelopes(ctx: ServiceContext, request: RequestRef): Promise<number> {
  return deleteSealedEnvelopes(ctx.db, request.id);
}

/**
 * Writes the released responses once, in random order under fresh ids, all dated with the day of
 * release: neither their position, their id nor their day says who answered first.
 */
export async function writeReleasedResponses(
  ctx: ServiceContext,
  request: RequestRef,
  responses: readonly RaterResponse[],
  releasedAt: Date,
): Promise<void> {
  const shuffled = [...responses];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j] as RaterResponse, shuffled[i] as RaterResponse];
  }
  const day = isoDay(releasedAt);
  await insertReleasedResponses(
    ctx.db,
    shuffled.map((response) => ({
      orgId: request.orgId,
      requestId: request.id,
      group: response.group,
      answers: { ...response.answers },
      comments: [...(response.comments ?? [])],
      submittedOn: day,
    })),
  );
}
