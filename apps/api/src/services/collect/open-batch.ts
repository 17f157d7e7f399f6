// Opening a release batch's sealed answers: from the envelopes' heads where that proves the whole
// (sealing.ts, `sliceOpener`), and from whole envelopes, read in one more query, where it does not.
import { listSealedEnvelopesOf } from "@fivefold/db";
import type { RaterResponse } from "@fivefold/domain";
import type { ServiceContext } from "../context";
import type { FeedbackRequestRow } from "./access";
import { openAll } from "./envelopes";
import { type EnvelopeSlice, sliceOpener } from "./sealing";

/** Rows by a key, in their order. */
export function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(key(row));
    if (list) list.push(row);
    else map.set(key(row), [row]);
  }
  return map;
}

/**
 * Every request's responses, opened, or why they do not open. Envelopes are opened from their heads
 * (`sliceOpener`); a request any of whose envelopes does not open that way (answers longer than the
 * head, or an envelope that would not open at all) has all its envelopes read whole and opened as
 * before, which decides and says why. Whole requests, never single envelopes, are read again, so
 * what the database sees read tells no more than "some answer of this request is long".
 */
export async function openBatch(
  ctx: ServiceContext,
  requests: readonly FeedbackRequestRow[],
  facts: {
    slices: ReadonlyMap<string, readonly EnvelopeSlice[]>;
    clearText: ReadonlyMap<string, readonly unknown[]>;
  },
): Promise<Map<string, RaterResponse[] | Error>> {
  const opened = new Map<string, RaterResponse[] | Error>();
  const whole: FeedbackRequestRow[] = [];
  for (const request of requests) {
    const slices = facts.slices.get(request.id) ?? [];
    const open = sliceOpener(ctx.sealingSecret, request.id);
    const responses: RaterResponse[] = [];
    for (const slice of slices) {
      const response = open(slice);
      if (!response) break;
      responses.push(response);
    }
    const clearText = (facts.clearText.get(request.id) ?? []) as RaterResponse[];
    if (responses.length === slices.length) opened.set(request.id, [...responses, ...clearText]);
    else whole.push(request);
  }
  if (whole.length === 0) return opened;
  const envelopes = groupBy(await listSealedEnvelopesOf(ctx.db, whole), (e) => e.requestId);
  for (const request of whole) {
    try {
      const sealed = (envelopes.get(request.id) ?? []).map((e) => e.ciphertext);
      const clearText = (facts.clearText.get(request.id) ?? []) as RaterResponse[];
      opened.set(request.id, openAll(ctx.sealingSecret, request.id, sealed, clearText));
    } catch (error) {
      opened.set(request.id, error instanceof Error ? error : new Error(String(error)));
    }
  }
  return opened;
}
