// One feedback request of a released cycle, as the product would have left it: the request, its
// nominations and invitations (who answered, who declined, who never did), the sealed responses
// (no rater, random UUIDv4 ids, the day only, in random order) and the report the real aggregation
// computes from them, or the request marked insufficient when the aggregation says so.
import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { schema } from "@fivefold/db";
import {
  type AnonymityPolicy,
  aggregate,
  DAY_MS as DAY,
  type Instrument,
  isoDay,
  type RaterGroup,
  type RaterResponse,
  type ReportSnapshot,
} from "@fivefold/domain";
import type { AnswerModel } from "./answers";
import type { CycleDates } from "./calendar";
import { type LargeOrganisationShape, readersOf } from "./people";
import { createRandom, type Random } from "./random";

/** Share of people not rated in a cycle (joined late, on leave). */
const SKIPPED = 0.03;
/** Share of requests whose raters are slow to answer: most insufficient reports come from these. */
const QUIET = 0.08;

export interface CycleContext {
  orgId: string;
  cycleId: string;
  /** 0 for the first cycle generated, 1 for the next, …: people grow from one to the next. */
  step: number;
  dates: CycleDates;
  seed: number;
  shape: LargeOrganisationShape;
  model: AnswerModel;
  instrument: Instrument;
  threshold: number;
  policy: Required<AnonymityPolicy>;
}

export interface GeneratedRequest {
  subject: number;
  request: typeof schema.feedbackRequests.$inferInsert & { id: string };
  nominations: Array<typeof schema.nominations.$inferInsert>;
  invitations: Array<typeof schema.invitations.$inferInsert>;
  responses: Array<typeof schema.sealedResponses.$inferInsert>;
  /** Null when the request closed insufficient. */
  snapshot: ReportSnapshot | null;
  audit: Array<typeof schema.auditLog.$inferInsert>;
}

export interface RaterChoice {
  person: number;
  group: RaterGroup;
}

/**
 * The subject's raters besides themself: their manager, and as anonymous raters some of their
 * direct reports and of their peers (others reporting to the same manager), never a reader of the
 * report. Null when fewer than three anonymous raters can be found.
 */
export function chooseRaters(
  shape: LargeOrganisationShape,
  subject: number,
  random: Random,
): RaterChoice[] | null {
  const person = shape.people[subject];
  if (!person) throw new Error(`no person ${subject}`);
  const readers = readersOf(shape, subject);
  const manager = person.managerIndex === null ? null : shape.people[person.managerIndex];
  const peers = (manager?.reports ?? []).filter((p) => p !== subject && !readers.has(p));
  const reports = person.reports.filter((p) => !readers.has(p));
  const budget = random.int(6, 12) - 1 - (manager ? 1 : 0);
  let reportCount = Math.min(reports.length, peers.length > 0 ? Math.ceil(budget / 2) : budget);
  const peerCount = Math.min(peers.length, budget - reportCount);
  reportCount = Math.min(reports.length, budget - peerCount);
  if (reportCount + peerCount < 3) return null;
  return [
    ...(manager ? [{ person: manager.index, group: "manager" as const }] : []),
    ...random.sample(peers, peerCount).map((p) => ({ person: p, group: "peer" as const })),
    ...random.sample(reports, reportCount).map((p) => ({ person: p, group: "direct_report" as const })),
  ];
}

const tokenHash = () => createHash("sha256").update(randomBytes(16)).digest("hex");

export function generateRequest(ctx: CycleContext, subject: number): GeneratedRequest | null {
  const random = createRandom(ctx.seed, `cycle:${ctx.step}:subject:${subject}`);
  if (random.chance(SKIPPED)) return null;
  const raters = chooseRaters(ctx.shape, subject, random);
  if (!raters) return null;
  const person = ctx.shape.people[subject];
  if (!person) throw new Error(`no person ${subject}`);
  const requester = person.managerIndex === null ? person : ctx.shape.people[person.managerIndex];
  if (!requester) throw new Error(`no manager for ${subject}`);
  const { dates } = ctx;
  const requestId = randomUUID();
  const answerRate = random.chance(QUIET) ? 0.6 : 0.92;

  const everyone: RaterChoice[] = [{ person: subject, group: "self" }, ...raters];
  const { invitations, responses, unanswered } = collectAnswers(
    ctx,
    { subject, requestId, everyone, answerRate },
    random,
  );
  const result = aggregateAnswers(ctx, requestId, everyone, responses);
  const released = result.status === "released";
  return {
    subject,
    request: {
      id: requestId,
      orgId: ctx.orgId,
      subjectId: person.id,
      requesterId: requester.id,
      deadline: dates.deadline,
      threshold: ctx.threshold,
      instrumentVersion: ctx.instrument.version,
      state: released ? "released" : "insufficient",
      insufficientReason: result.status === "insufficient" ? result.reason : null,
      cycleId: ctx.cycleId,
      remindedAt: unanswered ? new Date(dates.deadline.getTime() - 3 * DAY) : null,
      createdAt: dates.openedAt,
      openedAt: dates.openedAt,
      closedAt: dates.closedAt,
    },
    nominations: raters.map((rater) => ({
      orgId: ctx.orgId,
      requestId,
      personId: ctx.shape.people[rater.person]?.id ?? null,
      group: rater.group,
      proposedById: requester.id,
      approved: true,
      createdAt: dates.openedAt,
    })),
    invitations,
    responses,
    snapshot: released ? result.snapshot : null,
    audit: auditEntries(ctx, {
      requestId,
      requesterId: requester.id,
      subjectId: person.id,
      raters: raters.length,
      released,
    }),
  };
}

/** Who answered, declined or never did, and the sealed responses of those who answered. */
function collectAnswers(
  ctx: CycleContext,
  request: { subject: number; requestId: string; everyone: readonly RaterChoice[]; answerRate: number },
  random: Random,
) {
  const { subject, requestId, answerRate } = request;
  const { dates } = ctx;
  const invitations: GeneratedRequest["invitations"] = [];
  const responses: GeneratedRequest["responses"] = [];
  const usedComments = new Set<string>();
  let unanswered = false;
  for (const rater of request.everyone) {
    const rate = rater.group === "self" ? 0.95 : rater.group === "manager" ? 0.93 : answerRate;
    const submitted = random.chance(rate);
    const declined = !submitted && rater.group !== "self" && random.chance(0.35);
    unanswered ||= !submitted;
    invitations.push({
      orgId: ctx.orgId,
      requestId,
      cycleId: ctx.cycleId,
      personId: ctx.shape.people[rater.person]?.id ?? null,
      group: rater.group,
      tokenHash: tokenHash(),
      expiresAt: dates.deadline,
      state: submitted ? "submitted" : declined ? "declined" : "pending",
      counts: true,
    });
    if (!submitted) continue;
    responses.push({
      id: randomUUID(),
      orgId: ctx.orgId,
      requestId,
      group: rater.group,
      answers: ctx.model.answers({
        subject,
        rater: rater.person,
        group: rater.group,
        cycleStep: ctx.step,
        random,
      }),
      comments: ctx.model.comments({ subject, group: rater.group, random, used: usedComments }),
      // Released responses carry the release day, never the day each was given (rule 11).
      submittedOn: isoDay(dates.closedAt),
    });
  }
  // Rows sit on disk in the order they are written: ordered by their random ids, that order says
  // nothing about who answered first (the product reshuffles at close for the same reason).
  responses.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { invitations, responses, unanswered };
}

/** The real aggregation, as at close: released with its report, or insufficient with the reason. */
function aggregateAnswers(
  ctx: CycleContext,
  requestId: string,
  everyone: readonly RaterChoice[],
  responses: GeneratedRequest["responses"],
) {
  const invited: Partial<Record<RaterGroup, number>> = {};
  for (const rater of everyone) invited[rater.group] = (invited[rater.group] ?? 0) + 1;
  return aggregate({
    instrument: ctx.instrument,
    responses: responses.map(
      (r) => ({ group: r.group, answers: r.answers, comments: r.comments }) as RaterResponse,
    ),
    threshold: ctx.threshold,
    invited,
    notCounted: 0,
    seed: requestId,
    policy: ctx.policy,
  });
}

/** The audit trail the product leaves: the manager created it, the deadline job closed it. */
function auditEntries(
  ctx: CycleContext,
  entry: { requestId: string; requesterId: string; subjectId: string; raters: number; released: boolean },
): GeneratedRequest["audit"] {
  const { dates } = ctx;
  return [
    {
      orgId: ctx.orgId,
      actorId: entry.requesterId,
      action: "requests.create",
      targetType: "feedback_request",
      targetId: entry.requestId,
      details: { subjectId: entry.subjectId, raters: entry.raters, opened: true },
      createdAt: dates.openedAt,
    },
    {
      orgId: ctx.orgId,
      actorId: null,
      action: "requests.close",
      targetType: "feedback_request",
      targetId: entry.requestId,
      details: { outcome: entry.released ? "released" : "insufficient", atDeadline: true },
      createdAt: dates.closedAt,
    },
  ];
}
