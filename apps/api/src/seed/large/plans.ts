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
  newPlanContent,
  type PlanActionState,
  publishedContent,
  type ReportSnapshot,
  shiftDays,
} from "@fivefold/domain";
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
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/** Partners from the subject's own circle of colleagues; the lead is their manager or a manager's peer. */
function chooseCircle(shape: LargeOrganisationShape, subject: number, random: Random) {
  const person = shape.people[subject];
  if (!person) throw new Error(`no person ${subject}`);
  const manager = person.managerIndex === null ? null : shape.people[person.managerIndex];
  const peers = (manager?.reports ?? []).filter((p) => p !== subject);
  const colleagues = [...peers, ...person.reports];
  const partners = random.sample(colleagues, Math.min(colleagues.length, random.int(3, 5)));
  const grandManager =
    manager?.managerIndex === null || manager?.managerIndex === undefined
      ? null
      : shape.people[manager.managerIndex];
  const managersPeers = (grandManager?.reports ?? []).filter((p) => p !== manager?.index);
  // The CEO, who has no manager, asks someone two levels down who does not report to them directly.
  const lead = manager
    ? managersPeers.length > 0 && random.chance(0.4)
      ? random.pick(managersPeers)
      : manager.index
    : pickOrNull(
        random,
        person.reports.flatMap((p) => shape.people[p]?.reports ?? []),
      );
  return { partners, lead };
}

function pickOrNull(random: Random, items: readonly number[]): number | null {
  return items.length > 0 ? random.pick(items) : null;
}

function statusFor(progress: number, position: number, count: number): ActionStatus {
  if (progress >= (100 * (position + 1)) / (count + 1)) return "done";
  return progress > 0 ? "in_progress" : "not_started";
}

export function generatePlanFor(
  ctx: PlanContext,
  input: { subject: number; requestId: string; snapshot: ReportSnapshot; releasedAt: Date },
): GeneratedPlan | null {
  const random = createRandom(ctx.seed, `plan:${ctx.step}:${input.subject}`);
  if (!random.chance(ctx.latest ? PLAN_SHARE.latest : PLAN_SHARE.earlier)) return null;
  const createdAt = shiftDays(input.releasedAt, random.int(1, 14));
  if (createdAt.getTime() > ctx.now.getTime()) return null;
  let draft: ReturnType<typeof generatePlan>;
  try {
    draft = generatePlan(deriveReport(input.snapshot, { releasedAt: input.releasedAt }));
  } catch (error) {
    // The product refuses a plan from a report with no figure to focus on; so does the seed.
    if (error instanceof DomainError) return null;
    throw error;
  }
  const subject = ctx.shape.people[input.subject];
  if (!subject) throw new Error(`no person ${input.subject}`);
  const planId = randomUUID();
  let content = newPlanContent(draft, isoDay(createdAt));
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
  const lead = circle.lead;
  if (
    circle.partners.length < CIRCLE.minPartners ||
    lead === null ||
    (ctx.latest && random.chance(0.2)) ||
    publishedAt.getTime() > ctx.now.getTime()
  ) {
    if (random.chance(0.5)) {
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
    return result;
  }

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
  content = publishedContent(content, isoDay(publishedAt));
  plan.state = "active";
  plan.startsOn = content.startsOn;
  plan.publishedAt = publishedAt;

  // Some keep every check-in, some stop after one or two (they need a coach's attention), some never start.
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
    if (random.chance(0.4)) {
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
  }
  plan.actions = actions;
  plan.progress = progress;

  // Plans of earlier cycles that ran their course were mostly closed with a reflection.
  const endedAt = shiftDays(at10(content.endsOn), random.int(0, 10));
  if (!ctx.latest && endedAt.getTime() <= ctx.now.getTime() && random.chance(0.8)) {
    plan.state = "closed";
    plan.closedAt = endedAt;
    plan.reflection = random.pick(REFLECTIONS);
  }
  return result;
}
