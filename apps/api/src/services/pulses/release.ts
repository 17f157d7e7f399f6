// Releasing pulses at their deadline (the periodic job), each in its own transaction holding the
// pulse's row: the envelopes are opened, aggregated by the domain (k per figure, rule 10 among the
// subject's pulses in the comparison window), the figures and the shuffled suggestions frozen on
// the pulse, and the envelopes deleted. Nothing is shown before, nothing reopens after.
import { randomInt } from "node:crypto";
import {
  claimPulsesToRelease,
  findAnonymitySettings,
  listEarlierPulses,
  listPulseAnswerers,
  markPulseReleased,
  type PulseRow,
  takePulseEnvelopes,
} from "@fivefold/db";
import { type EarlierPulse, mailboxOf, perceivedChange, shiftDays } from "@fivefold/domain";
import { nowOf, type ServiceContext, withTransaction } from "../context";
import { pulseOpener } from "./sealing";

const keyOf = (row: { personId: string | null; email: string | null }) =>
  row.personId ?? `email:${mailboxOf(row.email ?? "")}`;

function shuffled<T>(values: readonly T[]): T[] {
  const copy = [...values];
  for (let i = copy.length - 1; i > 0; i -= 1) {
    const j = randomInt(i + 1);
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

async function earlierPulses(ctx: ServiceContext, pulse: PulseRow, now: Date): Promise<EarlierPulse[]> {
  const settings = await findAnonymitySettings(ctx.db, pulse.orgId);
  const days = settings?.historyWindowDays ?? 0;
  if (days === 0) return [];
  const rows = await listEarlierPulses(ctx.db, {
    orgId: pulse.orgId,
    subjectId: pulse.subjectId,
    since: shiftDays(now, -days),
    exceptId: pulse.id,
  });
  const answerers = await listPulseAnswerers(
    ctx.db,
    pulse.orgId,
    rows.map((row) => row.id),
  );
  return rows.flatMap((row) =>
    row.result
      ? [
          {
            answeredBy: answerers.filter((a) => a.pulseId === row.id).map(keyOf),
            figures: row.result.figures,
            suggestionsShown: row.result.suggestionsShown,
          },
        ]
      : [],
  );
}

/** Releases one open pulse the caller's transaction holds locked. */
export async function releaseLockedPulse(
  ctx: ServiceContext,
  pulse: PulseRow,
): Promise<"released" | "insufficient"> {
  const now = nowOf(ctx);
  const open = pulseOpener(ctx.sealingSecret, pulse.id);
  const answers = (await takePulseEnvelopes(ctx.db, pulse.orgId, pulse.id)).map(open);
  const answeredBy = (await listPulseAnswerers(ctx.db, pulse.orgId, [pulse.id])).map(keyOf);
  const result = perceivedChange({
    items: pulse.items,
    responses: answers.map((answer) => answer.answers),
    answeredBy,
    threshold: pulse.threshold ?? 3,
    earlier: await earlierPulses(ctx, pulse, now),
  });
  const suggestions = result.suggestionsShown
    ? shuffled(answers.map((answer) => answer.suggestion.trim()).filter((text) => text.length > 0))
    : [];
  await markPulseReleased(ctx.db, pulse, {
    state: result.outcome,
    result: { figures: result.figures, suggestionsShown: result.suggestionsShown, suggestions },
    releasedAt: now,
  });
  return result.outcome;
}

/** Releases every open pulse past its deadline, one transaction each (FOR UPDATE SKIP LOCKED). */
export async function releaseDuePulses({
  ctx,
  input = {},
}: {
  ctx: ServiceContext;
  input?: { limit?: number };
}): Promise<Array<{ pulseId: string; outcome: "released" | "insufficient" }>> {
  const done: Array<{ pulseId: string; outcome: "released" | "insufficient" }> = [];
  const now = nowOf(ctx);
  for (let left = input.limit ?? 200; left > 0; left -= 1) {
    const released = await withTransaction(ctx, async (tx) => {
      const [pulse] = await claimPulsesToRelease(tx.db, { now, limit: 1 });
      if (!pulse) return null;
      return { pulseId: pulse.id, outcome: await releaseLockedPulse(tx, pulse) };
    });
    if (!released) break;
    done.push(released);
  }
  return done;
}
