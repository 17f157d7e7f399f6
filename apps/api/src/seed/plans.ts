// The demo's follow-through: coaching plans grown from the autumn reports, with support circles,
// check-ins and encouragement, one of them overdue; and people who offered to be partners.
import { type Database, schema } from "@fivefold/db";
import { DAY_MS as DAY, DIMENSION_KEYS } from "@fivefold/domain";
import { and, desc, eq, ne } from "drizzle-orm";
import { thankRaters } from "../services/followups";
import { encourageCheckin, logCheckin } from "../services/grow/checkins";
import { invitePartner, respondToInvitation } from "../services/grow/invitations";
import { createPlan, publishPlan } from "../services/grow/plans";
import type { MemberContext } from "../trpc/context";
import { contextFactory } from "./context";
import type { SeededOrganisation } from "./organisation";

/** Plans run relative to today, so the demo shows plans in progress whenever it is started. */
const daysAgo = (days: number) => {
  const day = new Date(Date.now() - days * DAY);
  day.setUTCHours(10, 0, 0, 0);
  return day;
};

interface PlanSeed {
  subject: string;
  partners: string[];
  lead: string;
  /** Check-ins: how many days ago, and the progress figure (fortnightly, published 50 days ago). */
  checkins: Array<[number, number]>;
  /** The subject thanked their raters (followups.thank) once the plan was published. */
  thanked?: string;
}

const PLANS: PlanSeed[] = [
  {
    subject: "team-1-2",
    partners: ["team-1-1", "team-1-3", "team-1-4"],
    lead: "manager-2",
    thanked:
      "Thank you for being asked to take part in my 360 feedback, whether or not you had the time to answer. I am working on what my report showed me, one step of my coaching plan at a time. When you see me do it well, or miss a chance to, please tell me.",
    checkins: [
      [36, 20],
      [22, 45],
      [8, 60],
    ],
  },
  {
    // Needs attention: the last check-in was five weeks ago.
    subject: "team-1-3",
    partners: ["team-1-2", "team-1-4", "team-1-5"],
    lead: "manager-3",
    checkins: [[36, 15]],
  },
  {
    subject: "team-2-1",
    partners: ["team-2-2", "team-2-3", "team-2-4", "team-2-5"],
    lead: "manager-1",
    checkins: [
      [36, 30],
      [22, 50],
      [8, 70],
    ],
  },
  {
    subject: "team-4-1",
    partners: ["team-4-2", "team-4-3", "team-4-4"],
    lead: "manager-5",
    checkins: [
      [36, 25],
      [22, 40],
      [8, 55],
    ],
  },
];

const NOTES = [
  "Asked the team for their views before our planning meeting; two ideas made it into the plan.",
  "Held one-to-ones before the project kick-off. Slower, but everyone knew why we chose this route.",
  "Let Sam run the retro his way and only checked in at the end. It went better than I expected.",
];

type Contexts = Awaited<ReturnType<typeof contextFactory>>;
type Plan = Awaited<ReturnType<typeof createPlan>>;

/** People who offered to be accountability partners, some for particular dimensions. */
const VOLUNTEERS = [
  "team-1-4",
  "team-1-5",
  "team-2-2",
  "team-2-3",
  "team-3-1",
  "team-4-2",
  "manager-1",
  "manager-2",
  "manager-5",
];

export async function seedDemoPlans(
  db: Database,
  org: SeededOrganisation,
  options: { sealingSecret: string },
): Promise<number> {
  const contexts = await contextFactory(db, org, options.sealingSecret);
  await db.insert(schema.partnerPreferences).values(
    VOLUNTEERS.map((key, i) => ({
      personId: contexts.person(key).personId,
      orgId: org.orgId,
      optIn: true,
      dimensions: i % 3 === 0 ? [] : [DIMENSION_KEYS[i % DIMENSION_KEYS.length] as string],
    })),
  );
  let created = 0;
  for (const seed of PLANS) {
    if (await seedPlan(db, contexts, seed)) created++;
  }
  // Partner invitations of the past were answered long ago; the open requests' invitations stay.
  await db
    .delete(schema.outbox)
    .where(and(eq(schema.outbox.orgId, org.orgId), ne(schema.outbox.template, "invitation")));
  return created;
}

/** The subject's plan from their latest released report, its circle and check-ins; false without a report. */
async function seedPlan(db: Database, contexts: Contexts, seed: PlanSeed): Promise<boolean> {
  const subject = contexts.as(seed.subject);
  const [latest] = await db
    .select({ id: schema.feedbackRequests.id })
    .from(schema.feedbackRequests)
    .where(
      and(
        eq(schema.feedbackRequests.subjectId, subject.person.id),
        eq(schema.feedbackRequests.state, "released"),
      ),
    )
    .orderBy(desc(schema.feedbackRequests.closedAt))
    .limit(1);
  if (!latest) return false;
  const plan = await createPlan({
    ctx: { ...subject, now: () => daysAgo(52) },
    input: { requestId: latest.id },
  });
  await formCircle(contexts, subject, plan.id, seed);
  await publishPlan({ ctx: { ...subject, now: () => daysAgo(50) }, input: { planId: plan.id } });
  if (seed.thanked) {
    await thankRaters({
      ctx: { ...subject, now: () => daysAgo(49) },
      input: { requestId: latest.id, text: seed.thanked },
    });
  }
  // The verbs stamp "now"; put the plan and its circle back on the demo's own timeline.
  await db
    .update(schema.coachingPlans)
    .set({ createdAt: daysAgo(52) })
    .where(eq(schema.coachingPlans.id, plan.id));
  await db
    .update(schema.partnerships)
    .set({ invitedAt: daysAgo(52), respondedAt: daysAgo(51) })
    .where(eq(schema.partnerships.planId, plan.id));
  for (const [i, [day, progress]] of seed.checkins.entries()) {
    await seedCheckin(db, contexts, subject, plan, seed, { index: i, day, progress });
  }
  return true;
}

/** The partners, then the lead, each invited by the subject and accepting. */
async function formCircle(contexts: Contexts, subject: MemberContext, planId: string, seed: PlanSeed) {
  const invite = async (key: string, role: "partner" | "lead") => {
    const { partnershipId } = await invitePartner({
      ctx: subject,
      input: { planId, personId: contexts.person(key).personId, role },
    });
    await respondToInvitation({ ctx: contexts.as(key), input: { partnershipId, accept: true } });
  };
  for (const key of seed.partners) await invite(key, "partner");
  await invite(seed.lead, "lead");
}

/** One check-in `day` days ago, with a partner's encouragement the day after. */
async function seedCheckin(
  db: Database,
  contexts: Contexts,
  subject: MemberContext,
  plan: Plan,
  seed: PlanSeed,
  checkin: { index: number; day: number; progress: number },
) {
  const { index: i, day, progress } = checkin;
  const { id } = await logCheckin({
    ctx: subject,
    input: {
      planId: plan.id,
      progress,
      note: NOTES[i % NOTES.length] ?? "",
      actions: plan.actions
        .filter((a) => a.picked)
        .map((a, j) => ({
          actionId: a.id,
          status: progress >= 60 && j === 0 ? "done" : progress > 0 ? "in_progress" : "not_started",
        })),
    },
  });
  await db
    .update(schema.checkins)
    .set({ createdAt: daysAgo(day) })
    .where(eq(schema.checkins.id, id));
  const partner = seed.partners[i % seed.partners.length];
  if (!partner) return;
  await encourageCheckin({
    ctx: contexts.as(partner),
    input: { checkinId: id, text: "Saw the difference in our last meeting. Keep going!" },
  });
  await db
    .update(schema.encouragements)
    .set({ createdAt: daysAgo(Math.max(day - 1, 0)) })
    .where(eq(schema.encouragements.checkinId, id));
}
