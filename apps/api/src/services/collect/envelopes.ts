// Where sealed answers live: in an envelope (ciphertext) from submit to close, then, for a released
// report only, as plaintext responses written once, shuffled, by the transaction that deletes the
// envelopes. A request that closes insufficient or is cancelled never has its answers written out.
import { randomInt } from "node:crypto";
import { deleteSealedEnvelopes, type ReleasedResponse } from "@fivefold/db";
import { isoDay, type RaterResponse } from "@fivefold/domain";
import type { ServiceContext } from "../context";
import type { FeedbackRequestRow } from "./access";
import { envelopeOpener, SealedEnvelopeError } from "./sealing";

type RequestRef = Pick<FeedbackRequestRow, "id" | "orgId">;

/**
 * Every response of the request, opened: its envelopes, and any answers a version before sealed
 * envelopes wrote in the clear for a request that was collecting when Fivefold was upgraded. One
 * envelope that does not open fails the whole close (nothing is written for the request, which
 * stays as it was): dropping it would release a report without someone's answers, and nobody would
 * ever know.
 */
export function openAll(
  secret: string,
  requestId: string,
  envelopes: readonly Buffer[],
  clearText: readonly RaterResponse[],
): RaterResponse[] {
  const responses: RaterResponse[] = [];
  let failed = 0;
  let reason = "";
  let open: ((envelope: Buffer) => RaterResponse) | null = null;
  for (const envelope of envelopes) {
    try {
      open ??= envelopeOpener(secret, requestId);
      responses.push(open(envelope));
    } catch (error) {
      if (!(error instanceof SealedEnvelopeError)) throw error;
      failed++;
      reason = error.message;
    }
  }
  if (failed > 0) {
    throw new SealedEnvelopeError(
      `Request ${requestId} cannot close: ${failed} of ${envelopes.length} sealed answers do not open (${reason}). It stays open and nothing was released; restore the SEALING_SECRET the answers were sealed with.`,
    );
  }
  return [...responses, ...clearText];
}

/** Deletes the request's envelopes (and asks for the vacuum that clears their dead versions). */
export async function discardEnvelopes(ctx: ServiceContext, request: RequestRef): Promise<number> {
  return deleteSealedEnvelopes(ctx.db, request.id);
}

/**
 * The released responses as they are written once: in random order (fresh ids are given on
 * insert), all dated with the day of release, so neither their position, their id nor their day
 * says who answered first.
 */
export function releasedRows(
  request: RequestRef,
  responses: readonly RaterResponse[],
  releasedAt: Date,
): ReleasedResponse[] {
  const shuffled = [...responses];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [shuffled[i], shuffled[j]] = [shuffled[j] as RaterResponse, shuffled[i] as RaterResponse];
  }
  const day = isoDay(releasedAt);
  return shuffled.map((response) => ({
    orgId: request.orgId,
    requestId: request.id,
    group: response.group,
    answers: { ...response.answers },
    comments: [...(response.comments ?? [])],
    submittedOn: day,
  }));
}
