// One demo feedback request run through the product's verbs (create, submit, close) with the clock
// set to its dates; the answers are drawn from a deterministic profile of the subject.
import { type Database, schema } from "@fivefold/db";
import { DAY_MS as DAY, type Instrument, type RaterGroup } from "@fivefold/domain";
import { and, eq } from "drizzle-orm";
import { loadRequest } from "../services/collect/access";
import { createRequest } from "../services/collect/create-request";
import { closeLockedRequest } from "../services/collect/release";
import { submitResponse } from "../services/collect/responses";
import { withTransaction } from "../services/context";
import type { MemberContext } from "../trpc/context";
import { demoComment } from "./comments";
import type { contextFactory } from "./context";
import type { SeededOrganisation } from "./organisation";

/** 09:00 UTC on a calendar day. */
export const at = (iso: string) => new Date(`${iso}T09:00:00.000Z`);

/** A deterministic generator, so the demo is the same on every machine. */
function prng(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp = (x: number) => Math.min(5, Math.max(1, Math.round(x)));

/** What every step of the history needs: the database, the organisation and its people's contexts. */
export interface HistorySeed {
  db: Database;
  org: SeededOrganisation;
  instrument: Instrument;
  contexts: Awaited<ReturnType<typeof contextFactory>>;
  sealingSecret: string;
}

export interface RequestSeed {
  managerKey: string;
  subjectKey: string;
  raters: Array<{ key: string; group: RaterGroup }>;
  cycleId: string | null;
  opensOn: string;
  deadline: Date;
  growth: number;
  answering?: (key: string, index: number) => boolean;
  close: boolean;
}

export type Outcome = "released" | "insufficient" | "open";

/** Each person's "true" level per dimension and how they see themselves. */
function profileOf(instrument: Instrument, key: string) {
  const next = prng([...key].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619), 2166136261));
  const level = Object.fromEntries(instrument.dimensions.map((d) => [d.key, 2.3 + next() * 2.1]));
  const kind = Math.floor(next() * 3); // 0: blind spots, 1: hidden strengths, 2: accurate
  return { level, selfBias: kind === 0 ? 1.2 : kind === 1 ? -1 : 0.1, next };
}
type Profile = ReturnType<typeof profileOf>;

/** Raters outside Acme are written `external:<address>`: they answer through their one-time link. */
const external = (key: string) => (key.startsWith("external:") ? key.slice("external:".length) : null);

/** One request through the product's verbs: created on `opensOn`, answered, then closed or left open. */
export async function runRequest(seed: HistorySeed, input: RequestSeed): Promise<Outcome> {
  const ctx = seed.contexts.as(input.managerKey);
  const opened = at(input.opensOn);
  const requestId = await openRequest(seed, ctx, input, opened);
  const profile = profileOf(seed.instrument, input.subjectKey);
  const everyone = [{ key: input.subjectKey, group: "self" as RaterGroup }, ...input.raters];
  const usedComments = new Set<string>();
  for (const [index, rater] of everyone.entries()) {
    if (input.answering && !input.answering(rater.key, index)) continue;
    const key = await invitationKey(seed, requestId, rater.key);
    const payload = answersOf(seed.instrument, profile, rater.group, input.growth, usedComments);
    const answeredAt = new Date(opened.getTime() + (1 + (index % 9)) * DAY);
    await submitResponse({
      ctx: { ...ctx, sealingSecret: seed.sealingSecret, now: () => answeredAt },
      input: { key, payload },
    });
  }
  if (!input.close) return "open";
  return closeRequest(seed, ctx, requestId, new Date(input.deadline.getTime() - 3_600_000));
}

/** Creates the request as its manager on the day it opened, and dates it (and its audit entry) then. */
async function openRequest(seed: HistorySeed, ctx: MemberContext, input: RequestSeed, opened: Date) {
  const { person } = seed.contexts;
  const { id: requestId } = await createRequest({
    ctx: { ...ctx, now: () => opened },
    input: {
      subjectId: person(input.subjectKey).personId,
      deadline: input.deadline,
      raters: input.raters.map((r) => {
        const email = external(r.key);
        return email ? { email, group: r.group } : { personId: person(r.key).personId, group: r.group };
      }),
    },
  });
  await seed.db
    .update(schema.feedbackRequests)
    .set({ cycleId: input.cycleId, createdAt: opened, openedAt: opened })
    .where(eq(schema.feedbackRequests.id, requestId));
  await seed.db
    .update(schema.auditLog)
    .set({ createdAt: opened })
    .where(and(eq(schema.auditLog.targetId, requestId), eq(schema.auditLog.action, "requests.create")));
  return requestId;
}

/** One rater's answers, drawn from the subject's profile: scores for every item, a few comments. */
function answersOf(
  instrument: Instrument,
  profile: Profile,
  group: RaterGroup,
  growth: number,
  usedComments: Set<string>,
) {
  const bias = group === "self" ? profile.selfBias : group === "manager" ? -0.2 : 0;
  const answers = instrument.dimensions.flatMap((d) =>
    d.items.map((item) => ({
      itemId: item.id,
      score:
        group !== "self" && profile.next() < 0.05
          ? null
          : clamp((profile.level[d.key] ?? 3) + growth + bias + (profile.next() - 0.5) * 1.6),
    })),
  );
  return {
    answers,
    comments: group === "self" || group === "manager" ? [] : demoComments(instrument, profile, usedComments),
  };
}

/**
 * About half the dimensions get a comment. A roll under 0.3 picks its text from the profile's
 * random stream (as the demo always did); one from 0.3 to 0.55 picks it from the roll itself, so
 * the stream, and with it every score of the demo, stays what it was before comments had themes.
 */
function demoComments(instrument: Instrument, profile: Profile, usedComments: Set<string>) {
  const rolls = instrument.dimensions.map((d) => ({ d, roll: profile.next() }));
  return rolls.flatMap(({ d, roll }) => {
    if (roll >= 0.55) return [];
    const pick = roll < 0.3 ? profile.next : () => (roll - 0.3) / 0.25;
    const text = demoComment(d.key, (profile.level[d.key] ?? 3) >= 3.4, pick, usedComments);
    return text ? [{ dimension: d.key, text }] : [];
  });
}

/** The invitation to answer as `key`: by id for a colleague, by the mailed link for an external. */
async function invitationKey(seed: HistorySeed, requestId: string, key: string) {
  const { db, org } = seed;
  const { person } = seed.contexts;
  const email = external(key);
  if (email) {
    const mails = await db.select().from(schema.outbox).where(eq(schema.outbox.toEmail, email));
    const link = mails
      .map((mail) => mail.meta as { requestId?: string; link?: string })
      .find((meta) => meta.requestId === requestId)?.link;
    if (!link) throw new Error(`no invitation mail to ${email}`);
    return { token: link.replace("/r/", "") };
  }
  const [invitation] = await db
    .select({ id: schema.invitations.id })
    .from(schema.invitations)
    .where(
      and(eq(schema.invitations.requestId, requestId), eq(schema.invitations.personId, person(key).personId)),
    );
  if (!invitation) throw new Error(`no invitation for ${key}`);
  return { invitationId: invitation.id, personId: person(key).personId, orgId: org.orgId };
}

/** Closes the request an hour before its deadline, as the deadline job would. */
async function closeRequest(
  seed: HistorySeed,
  ctx: MemberContext,
  requestId: string,
  closedAt: Date,
): Promise<"released" | "insufficient"> {
  return withTransaction({ ...ctx, sealingSecret: seed.sealingSecret, now: () => closedAt }, async (tx) => {
    const request = await loadRequest(tx, seed.org.orgId, requestId, "update");
    const outcome = await closeLockedRequest(tx, request);
    await tx.db
      .update(schema.feedbackRequests)
      .set({ closedAt })
      .where(eq(schema.feedbackRequests.id, requestId));
    return outcome;
  });
}
