// Opening pulses on their day (the periodic job): k is fixed, and every rater of the report in an
// anonymous group who counted towards k is invited, answered or not, erased people and the subject
// aside, with a one-time link and the same mail for all. Too few to ever show a figure, and the
// pulse closes as insufficient without writing to anyone.
import {
  claimPulsesToOpen,
  findAnonymitySettings,
  findPlanOwner,
  insertPulseInvitation,
  listPulseRaters,
  markPulseOpened,
  type PulseRow,
} from "@fivefold/db";
import { addDays, endOfDay, isoDay, mailboxOf, PULSE_ANSWER_DAYS } from "@fivefold/domain";
import { mailLanguagesOf } from "../../mail/i18n";
import { enqueueMail } from "../../mail/outbox";
import { pulseInvitationMail } from "../../mail/pulses";
import { newToken } from "../collect/tokens";
import { nowOf, type ServiceContext, withTransaction } from "../context";

interface PulseRater {
  personId: string | null;
  email: string;
}

async function ratersOf(ctx: ServiceContext, pulse: PulseRow): Promise<PulseRater[]> {
  const rows = await listPulseRaters(ctx.db, pulse.orgId, pulse.sourceRequestId);
  const seen = new Set<string>();
  const raters: PulseRater[] = [];
  for (const row of rows) {
    if (row.erased || !row.email || row.personId === pulse.subjectId) continue;
    const key = row.personId ?? `email:${mailboxOf(row.email)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    raters.push({ personId: row.personId, email: row.email });
  }
  return raters;
}

/** Opens one pulse the caller's transaction holds locked. */
export async function openLockedPulse(
  ctx: ServiceContext,
  pulse: PulseRow,
): Promise<"open" | "insufficient"> {
  const settings = await findAnonymitySettings(ctx.db, pulse.orgId);
  const threshold = Math.max(3, settings?.anonymityThreshold ?? 3);
  const deadline = endOfDay(addDays(pulse.opensOn, PULSE_ANSWER_DAYS));
  const raters = await ratersOf(ctx, pulse);
  const state = raters.length < threshold ? "insufficient" : "open";
  await markPulseOpened(ctx.db, pulse, {
    state,
    threshold,
    deadline,
    invited: raters.length,
    openedAt: nowOf(ctx),
  });
  if (state === "insufficient") return state;
  const subject = await findPlanOwner(ctx.db, pulse.orgId, pulse.subjectId);
  const languageOf = await mailLanguagesOf(
    ctx.db,
    pulse.orgId,
    raters.map((rater) => rater.email),
  );
  for (const rater of raters) {
    const { token, hash } = newToken();
    await insertPulseInvitation(ctx.db, {
      orgId: pulse.orgId,
      pulseId: pulse.id,
      personId: rater.personId,
      email: rater.personId ? null : rater.email,
      tokenHash: hash,
      expiresAt: deadline,
    });
    await enqueueMail(ctx.db, {
      orgId: pulse.orgId,
      template: "pulse_invitation",
      to: rater.email,
      meta: { pulseId: pulse.id, link: `/pulse/${token}` },
      ...pulseInvitationMail({
        language: languageOf(rater.email),
        subjectName: subject?.name ?? null,
        since: pulse.since,
        deadline,
        threshold,
        link: `${ctx.appUrl}/pulse/${token}`,
        inApp: rater.personId !== null,
      }),
    });
  }
  return state;
}

/** Opens every scheduled pulse whose day has come, one transaction each (FOR UPDATE SKIP LOCKED). */
export async function openDuePulses({
  ctx,
  input = {},
}: {
  ctx: ServiceContext;
  input?: { limit?: number };
}): Promise<Array<{ pulseId: string; outcome: "open" | "insufficient" }>> {
  const done: Array<{ pulseId: string; outcome: "open" | "insufficient" }> = [];
  const today = isoDay(nowOf(ctx));
  for (let left = input.limit ?? 200; left > 0; left -= 1) {
    const opened = await withTransaction(ctx, async (tx) => {
      const [pulse] = await claimPulsesToOpen(tx.db, { today, limit: 1 });
      if (!pulse) return null;
      return { pulseId: pulse.id, outcome: await openLockedPulse(tx, pulse) };
    });
    if (!opened) break;
    done.push(opened);
  }
  return done;
}
