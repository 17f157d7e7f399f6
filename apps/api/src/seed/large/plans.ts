// Follow-through on a share of the released reports, made by the domain as the product makes it:
// the plan generator's focus, actions and WOOP goal from the derived report; a support circle of
// 3–5 partners and one lead who accepted before it was published; check-ins on its schedule up to
// now (some people keep them up, some stop, some never start) with partners' encouragement; and
// plans from earlier cycles closed with a reflection.
import { randomUUID } from "node:crypto";
import type { schema } from "@fivefold/db";
import {
  type ActionStatus,
  applyCheckin,
  CIRCLE,
  checkinSchedule,
  DomainError,
  deriveReport,
  generatePlan,
  isoDay,
  newPlanContent,
  type PlanActionState,
  type PlanContent,
  publishedContent,
  type ReportSnapshot,
  shiftDays,
} from "@fivefold/domain";
import { chooseCircle } from "./circle";
import type { LargeOrganisationShape } from "./people";
import { createRandom, type Random } from "./random";

/** Share of released reports that get a plan: in the latest cycle, and in earlier ones. */
const PLAN_SHARE = { latest: 0.45, earlier: 0.3 };

const NOTES = [
  "Asked the team for their views before our planning meeting; two ideas made it into the plan.",
  "Held one-to-ones before the project kick-off. Slower, but everyone knew why we chose this route.",
  "Let the team run the retro their way and only checked in at the end. It went better than I expected.",
  "Shared the quarter's goals a week early and asked what was missing.",
  "Busy fortnight: little progress, but I blocked time for next week.",
  "",
];

const ENCOURAGEMENTS = [
  "Saw the difference in our last meeting. Keep going!",
  "That retro was one of the best we have had.",
  "Thanks for asking us first; it made a difference.",
  "Great progress. Happy to talk it through whenever you like.",
];

const REFLECTIONS = [
  "Asking before deciding is now a habit; the team brings ideas earlier than they used to.",
  "I managed about half of what I planned. The one-to-ones stuck; the bigger goals need another round.",
  "Letting go of the details was hard but worth it: two people took on work I used to hold on to.",
];

export interface PlanContext {
  orgId: string;
  seed: number;
  shape: LargeOrganisationShape;
  now: Date;
  /** Whether the report is from the most recent cycle (its plan may still be running). */
  latest: boolean;
  step: number;
}

export interface GeneratedPlan {
  plan: typeof schema.coachingPlans.$inferInsert & { id: string };
  partnerships: Array<typeof schema.partnerships.$inferInsert>;
  checkins: Array<typeof schema.checkins.$inferInsert & { id: string }>;
  encouragements: Array<typeof schema.encouragements.$inferInsert>;
}

const at10 = (day: string) => new Date(`${day}T10:00:00.000Z`);

function statusFor(progress: number, position: number, count: number): ActionStatus {
  if (progress >= (100 * (position + 1)) / (count + 1)) return "done";
  return progress > 0 ? "in_progress" : "not_started";
}

/** What the steps of one generated plan share: its stream, its rows so far, its circle and dates. */
interface PlanInProgress {
  ctx: PlanContext;
  random: Random;
  planId: string;
  plan: GeneratedPlan["plan"];
  result: GeneratedPlan;
  circle: { partners: number[]; lead: number | null };
  personId: (index: number) => string;
  invitedAt: Date;
  publishedAt: Date;
}

export function generatePlanFor(
  ctx: PlanContext,
  input: { subject: number; requestId: string; snapshot: ReportSnapshot; releasedAt: Date },
): GeneratedPlan | null {
  const random = createRandom(ctx.seed, `plan:${ctx.step}:${input.subject}`);
  if (!random.chance(ctx.latest ? PLAN_SHARE.latest : PLAN_SHARE.earlier)) return null;
  const createdAt = shiftDays(input.releasedAt, random.int(1, 14));
  if (createdAt.getTime() > ctx.now.getTime()) return null;
  const draft = draftFrom(input.snapshot, input.releasedAt);
  if (!draft) return null;
  const subject = ctx.shape.people[input.subject];
  if (!subject) throw new Error(`no person ${input.subject}`);
  const planId = randomUUID();
  const content = newPlanContent(draft, isoDay(createdAt));
  const plan: GeneratedPlan["plan"] = {
    id: planId,
    orgId: ctx.orgId,
    requestId: input.requestId,
    subjectId: subject.id,
    state: "draft",
    ...content,
    progress: 0,
    reflection: null,
    createdAt,
    publishedAt: null,
    closedAt: null,
  };
  const result: GeneratedPlan = { plan, partnerships: [], checkins: [], encouragements: [] };
  const circle = chooseCircle(ctx.shape, input.subject, random);
  const personId = (index: number) => ctx.shape.people[index]?.id ?? "";
  const invitedAt = shiftDays(createdAt, random.int(0, 1));
  // A fifth of the latest cycle's plans are still drafts, some with invitations out.
  const publishedAt = shiftDays(invitedAt, random.int(2, 6));
  const state: PlanInProgress = {
    ctx,
    random,
    planId,
    plan,
    result,
    circle,
    personId,
    invitedAt,
    publishedAt,
  };
  const lead = circle.lead;
  if (
    circle.partners.length < CIRCLE.minPartners ||
    lead === null ||
    (ctx.latest && random.chance(0.2)) ||
    publishedAt.getTime() > ctx.now.getTime()
  ) {
    inviteSomePartners(state);
    return result;
  }
  const published = publishWithCircle(state, content, lead);
  keepCheckins(state, published, lead);
  closeIfRunItsCourse(state, published);
  return result;
}

/** The plan generator's draft from the report; null when the report has no figure to focus on. */
function draftFrom(snapshot: ReportSnapshot, releasedAt: Date): ReturnType<typeof generatePlan> | null {
  try {
    return generatePlan(deriveReport(snapshot, { releasedAt }));
  } catch (error) {
    // The product refuses a plan from a report with no figure to focus on; so does the seed.
    if (error instanceof DomainError) return null;
    throw error;
  }
}

/** A draft left unpublished: half of them have invitations out to some of the partners. */
function inviteSomePartners({
  ctx,
  random,
  planId,
  result,
  circle,
  personId,
  invitedAt,
}: PlanInProgress): void {
  if (!random.chance(0.5)) return;
  for (const partner of circle.partners.slice(0, random.int(1, circle.partners.length))) {
    result.partnerships.push({
      orgId: ctx.orgId,
      planId,
      personId: personId(partner),
      role: "partner",
      state: "invited",
      invitedAt,
      respondedAt: null,
    });
  }
}

/** The circle accepted before publication; the plan is active from its publication day. */
function publishWithCircle(state: PlanInProgress, content: PlanContent, lead: number): PlanContent {
  const { ctx, random, planId, plan, result, circle, personId, invitedAt, publishedAt } = state;
  const respondedAt = () =>
    new Date(Math.min(shiftDays(invitedAt, random.int(0, 2)).getTime(), publishedAt.getTime() - 3_600_000));
  for (const member of [...circle.partners, lead]) {
    result.partnerships.push({
      orgId: ctx.orgId,
      planId,
      personId: personId(member),
      role: member === lead ? "lead" : "partner",
      state: "accepted",
      invitedAt,
      respondedAt: respondedAt(),
    });
  }
  const published = publishedContent(content, isoDay(publishedAt));
  plan.state = "active";
  plan.startsOn = published.startsOn;
  plan.publishedAt = publishedAt;
  return published;
}

/** Some keep every check-in, some stop after one or two (they need a coach's attention), some never start. */
function keepCheckins(state: PlanInProgress, content: PlanContent, lead: number): void {
  const { ctx, random, plan } = state;
  const habit = random.next();
  const schedule = checkinSchedule({
    start: content.startsOn,
    end: content.endsOn,
    cadence: content.cadence,
  });
  const kept = habit < 0.55 ? schedule.length : habit < 0.8 ? random.int(1, 2) : 0;
  const pace = 0.6 + random.next() * 0.45;
  let actions: PlanActionState[] = content.actions;
  const picked = actions.filter((a) => a.picked);
  let progress = 0;
  for (const [j, due] of schedule.slice(0, kept).entries()) {
    const createdOn = shiftDays(at10(due), random.int(0, 2));
    if (createdOn.getTime() > ctx.now.getTime()) break;
    progress = Math.max(
      progress,
      Math.min(100, Math.round((100 * pace * (j + 1)) / schedule.length + random.normal(0, 5))),
    );
    const record = applyCheckin(
      { state: "active", actions },
      {
        progress,
        note: random.pick(NOTES),
        actions: picked.map((a, position) => ({
          actionId: a.id,
          status: statusFor(progress, position, picked.length),
        })),
      },
    );
    actions = record.planActions;
    addCheckin(state, record, createdOn, lead);
  }
  plan.actions = actions;
  plan.progress = progress;
}

/** The check-in's row, and in two cases out of five a word of encouragement from the circle. */
function addCheckin(
  { ctx, random, planId, result, circle, personId }: PlanInProgress,
  record: ReturnType<typeof applyCheckin>,
  createdOn: Date,
  lead: number,
): void {
  const checkinId = randomUUID();
  result.checkins.push({
    id: checkinId,
    orgId: ctx.orgId,
    planId,
    progress: record.progress,
    note: record.note,
    actions: record.actions,
    createdAt: createdOn,
  });
  if (!random.chance(0.4)) return;
  const author = random.pick([...circle.partners, lead]);
  const when = shiftDays(createdOn, random.int(0, 1));
  result.encouragements.push({
    orgId: ctx.orgId,
    checkinId,
    authorId: personId(author),
    text: random.pick(ENCOURAGEMENTS),
    createdAt: when.getTime() > ctx.now.getTime() ? createdOn : when,
  });
}

/** Plans of earlier cycles that ran their course were mostly closed with a reflection. */
function closeIfRunItsCourse({ ctx, random, plan }: PlanInProgress, content: PlanContent): void {
  const endedAt = shiftDays(at10(content.endsOn), random.int(0, 10));
  if (!ctx.latest && endedAt.getTime() <= ctx.now.getTime() && random.chance(0.8)) {
    plan.state = "closed";
    plan.closedAt = endedAt;
    plan.reflection = random.pick(REFLECTIONS);
  }
}
