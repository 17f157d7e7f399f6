// The rater's side of a pulse: the form (in the app by the pulse's id, or through the one-time
// link) and the one answer, sealed at once. Another person's or organisation's pulse is not found:
// whether someone was asked is nobody else's business.
import {
  claimPulseAnswer,
  findInviteeLanguages,
  findOwnPulseInvitation,
  findPlanOwner,
  findPulse,
  findPulseInvitationByToken,
  listOwnOpenPulses,
  type PulseInvitationRow,
  type PulseRow,
} from "@fivefold/db";
import {
  behaviourTexts,
  ConflictError,
  formatDay,
  getInstrument,
  InvalidInputError,
  indexItems,
  isoDay,
  NotFoundError,
  PreconditionFailedError,
  PULSE_SCALE,
  type PulseFormOutput,
  pulseQuestion,
  resolveLanguage,
} from "@fivefold/domain";
import { hashToken } from "../collect/tokens";
import { type MemberServiceContext, nowOf, type ServiceContext, withTransaction } from "../context";
import { sealPulseAnswer } from "./sealing";

export type PulseKey = { token: string } | { pulseId: string; personId: string; orgId: string };

interface Found {
  invitation: PulseInvitationRow;
  pulse: PulseRow;
}

async function findInvitation(ctx: ServiceContext, key: PulseKey): Promise<Found> {
  const found =
    "token" in key
      ? await findPulseInvitationByToken(ctx.db, hashToken(key.token))
      : await findOwnPulseInvitation(ctx.db, key.orgId, key.pulseId, key.personId);
  if (!found) throw new NotFoundError("That pulse");
  return found;
}

function assertCollecting(found: Found, now: Date): void {
  if (found.pulse.state !== "open" || (found.pulse.deadline && found.pulse.deadline < now)) {
    throw new PreconditionFailedError("This pulse is closed: it no longer takes answers.");
  }
}

export async function pulseForm({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: PulseKey;
}): Promise<PulseFormOutput> {
  const found = await findInvitation(ctx, input);
  const { pulse } = found;
  if (pulse.state !== "open")
    throw new PreconditionFailedError("This pulse is closed: it no longer takes answers.");
  const subject = await findPlanOwner(ctx.db, pulse.orgId, pulse.subjectId);
  const name = subject?.name ?? "your colleague";
  const since = formatDay(pulse.since);
  const index = indexItems(getInstrument(pulse.instrumentVersion));
  return {
    requestId: pulse.id,
    subjectName: name,
    since: pulse.since,
    closesOn: isoDay(pulse.deadline ?? nowOf(ctx)),
    threshold: pulse.threshold ?? 3,
    items: pulse.items.flatMap((id) => {
      const ref = index.get(id);
      if (!ref) return [];
      const question = pulseQuestion({ since, name, behaviour: ref.item.text });
      return [
        { id, dimension: ref.dimension.key, text: ref.item.text, texts: behaviourTexts(ref.item), question },
      ];
    }),
    scale: {
      min: PULSE_SCALE.min,
      max: PULSE_SCALE.max,
      labels: [...PULSE_SCALE.labels],
      notObservedLabel: PULSE_SCALE.notObservedLabel,
    },
    answered: found.invitation.state === "submitted",
    language: resolveLanguage(
      await findInviteeLanguages(ctx.db, found.invitation.orgId, found.invitation.personId),
    ),
  };
}

export function answerPulse({
  ctx,
  input,
}: {
  ctx: ServiceContext;
  input: { key: PulseKey; answers: Record<string, number | null>; suggestion?: string | undefined };
}): Promise<{ submitted: true }> {
  return withTransaction(ctx, async (ctx) => {
    const first = await findInvitation(ctx, input.key);
    // Answers to one pulse take turns on its row, so restamping its invitations is race-free.
    const pulse = await findPulse(ctx.db, first.pulse.orgId, first.pulse.id, "update");
    if (!pulse) throw new NotFoundError("That pulse");
    assertCollecting({ invitation: first.invitation, pulse }, nowOf(ctx));
    const asked = new Set(pulse.items);
    const unknown = Object.keys(input.answers).filter((id) => !asked.has(id));
    if (unknown.length > 0) {
      throw new InvalidInputError("The answers name a behaviour this pulse does not ask about.");
    }
    const answers = Object.fromEntries(pulse.items.map((id) => [id, input.answers[id] ?? null]));
    if (Object.values(answers).every((score) => score === null)) {
      throw new InvalidInputError("Answer at least one behaviour, or leave the pulse unanswered.");
    }
    const ciphertext = sealPulseAnswer(ctx.sealingSecret, pulse.id, {
      answers,
      suggestion: input.suggestion?.trim() ?? "",
    });
    const claimed = await claimPulseAnswer(ctx.db, {
      orgId: pulse.orgId,
      pulseId: pulse.id,
      invitationId: first.invitation.id,
      ciphertext,
    });
    if (!claimed) throw new ConflictError("You have answered this pulse already: it takes one answer each.");
    return { submitted: true as const };
  });
}

export async function myPulses({ ctx }: { ctx: MemberServiceContext }) {
  const rows = await listOwnOpenPulses(ctx.db, ctx.org.id, ctx.person.id);
  return rows.map((row) => ({
    requestId: row.pulseId,
    subjectName: row.subjectName,
    closesOn: isoDay(row.deadline ?? nowOf(ctx)),
    answered: row.state === "submitted",
  }));
}
