// The demo's perceived-change pulses (issue 19): team-1-2 scheduled one on their plan six weeks
// after publishing; their raters answered it and it has been released, so the plan page and the
// coach's dashboard show perceived change (one behaviour hidden, scored by too few). team-4-1's
// opened a week ago and collects now: its raters find it in their inbox and the Mailbox.
import { type Database, schema } from "@fivefold/db";
import { addDays, DAY_MS, isoDay } from "@fivefold/domain";
import { and, eq, sql } from "drizzle-orm";
import { answerPulse, openDuePulses, releaseDuePulses, schedulePulse } from "../services/pulses";
import { contextFactory } from "./context";
import type { SeededOrganisation } from "./organisation";

const SUBJECT = "team-1-2";
const OPEN_SUBJECT = "team-4-1";
const SUGGESTIONS = [
  "Keep asking the team before deciding: it is working.",
  "Share the why behind the quarter's goals a little earlier.",
];

const at = (day: string) => new Date(`${day}T10:00:00Z`);

type Contexts = Awaited<ReturnType<typeof contextFactory>>;

export async function seedDemoPulses(
  db: Database,
  org: SeededOrganisation,
  options: { sealingSecret: string },
): Promise<void> {
  const contexts = await contextFactory(db, org, options.sealingSecret);
  const released = await openPulse(db, contexts, org, SUBJECT);
  if (released) await answerAndRelease(db, contexts, org, released);
  await openPulse(db, contexts, org, OPEN_SUBJECT);
}

/** Schedules a pulse on the subject's plan six weeks after publishing, and opens it on that day. */
async function openPulse(db: Database, contexts: Contexts, org: SeededOrganisation, subjectKey: string) {
  const owner = contexts.as(subjectKey);
  const [plan] = await db
    .select()
    .from(schema.coachingPlans)
    .where(
      and(eq(schema.coachingPlans.orgId, org.orgId), eq(schema.coachingPlans.subjectId, owner.person.id)),
    );
  if (!plan?.publishedAt) return null;
  const opensOn = addDays(isoDay(plan.publishedAt), 42);
  const { requestId: pulseId } = await schedulePulse({
    ctx: { ...owner, now: () => new Date(plan.publishedAt?.getTime() ?? Date.now()) },
    input: { planId: plan.id, on: opensOn },
  });
  await openDuePulses({ ctx: { ...owner, now: () => at(opensOn) } });
  // Its invitations went out on that day, in the past like every demo mail.
  await db
    .delete(schema.outbox)
    .where(and(eq(schema.outbox.orgId, org.orgId), sql`${schema.outbox.meta}->>'pulseId' = ${pulseId}`));
  return { pulseId, opensOn, owner };
}

/** Every rater answers (one behaviour only two can say about), and the pulse is released. */
async function answerAndRelease(
  db: Database,
  contexts: Contexts,
  org: SeededOrganisation,
  { pulseId, opensOn, owner }: { pulseId: string; opensOn: string; owner: ReturnType<Contexts["as"]> },
) {
  const keyOf = new Map(Object.entries(org.people).map(([key, person]) => [person.personId, key]));
  const invited = await db
    .select({ personId: schema.pulseInvitations.personId })
    .from(schema.pulseInvitations)
    .where(eq(schema.pulseInvitations.pulseId, pulseId));
  const [pulse] = await db.select().from(schema.pulses).where(eq(schema.pulses.id, pulseId));
  const items = pulse?.items ?? [];
  for (const [i, row] of invited.entries()) {
    const key = row.personId ? keyOf.get(row.personId) : undefined;
    if (!key || items.length === 0) continue;
    // Most behaviours seen to improve a little; only two raters could say about the last, so it
    // stays hidden (fewer than k).
    const answers = Object.fromEntries(
      items.map((itemId, n) => [
        itemId,
        n === items.length - 1 ? (i < 2 ? 2 : null) : ([2, 1, 2, 3, 1, 0, 1][(i + n) % 7] ?? 1),
      ]),
    );
    await answerPulse({
      ctx: { ...contexts.as(key), now: () => at(addDays(opensOn, 1 + (i % 5))) },
      input: {
        key: { pulseId, personId: row.personId ?? "", orgId: org.orgId },
        answers,
        suggestion: SUGGESTIONS[i],
      },
    });
  }
  // The demo's pulse closed two days ago: released by the job as it would be at its deadline.
  const closed = new Date(Date.now() - 2 * DAY_MS);
  await db.update(schema.pulses).set({ deadline: closed }).where(eq(schema.pulses.id, pulseId));
  await releaseDuePulses({ ctx: { ...owner, now: () => closed } });
}
