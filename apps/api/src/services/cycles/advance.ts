// The cycle's calendar at work (run by the jobs loop, and by the admin's release): when nominations
// close, every request opens with the raters nominated so far (undecided nominations are approved:
// the manager had the whole phase to decide); when answers are due, what still collects is held
// sealed and drafts that never opened are cancelled; on the release day every held request is
// released at once, each with its own anonymity checks. Opening moves each request in its own
// transaction; holding, cancelling and releasing go in batches of one transaction each. Either way
// requests are claimed with SKIP LOCKED, so several processes share the work, and a failure holds
// up only its own request (a batch that fails is tried again one by one).
import {
  approvePendingNominations,
  type CycleRow,
  cancelDraftRequests,
  claimCycleRequest,
  claimHeldCycleRequests,
  type FeedbackRequestRow,
  findOrgForCycle,
  holdRequests,
  listRequestNominations,
  listRunningCycles,
  moveCyclePhase,
  setNominationApproved,
} from "@fivefold/db";
import {
  CYCLE_PHASES,
  type CycleCalendar,
  type CyclePhase,
  DomainError,
  duePhase,
  isAnonymousGroup,
  resolveCycleRules,
  transition,
} from "@fivefold/domain";
import { freezeCycleView } from "../analytics/frozen";
import { recordAudit } from "../audit/record";
import { loadPerson, readersOf } from "../collect/access";
import { type BatchRun, inBatches, RELEASE_BATCH_SIZE, releaseWorkers } from "../collect/batches";
import { releaseLockedBatch } from "../collect/bulk-release";
import { openLocked } from "../collect/lifecycle";
import { nowOf, type ServiceContext, withTransaction } from "../context";
import { rulesOf } from "./shape";

type RequestStep = (ctx: ServiceContext, request: FeedbackRequestRow) => Promise<string>;

export interface StepTally {
  /** Outcome → number of requests (opened, not_opened, closed, cancelled, released, insufficient). */
  outcomes: Record<string, number>;
  failed: number;
}

/** Applies `step` to every request of the cycle in `state`, one transaction each. */
async function eachRequest(
  ctx: ServiceContext,
  cycle: CycleRow,
  state: "draft" | "open" | "closed",
  step: RequestStep,
  onError?: (requestId: string, error: unknown) => void,
): Promise<StepTally> {
  const tally: StepTally = { outcomes: {}, failed: 0 };
  // Requests are taken in id order, each once a run, whatever its step did (a draft that could
  // not open stays a draft, and must not be claimed again and again).
  let after: string | null = null;
  for (;;) {
    let claimed: string | null = null;
    try {
      const outcome = await withTransaction(ctx, async (ctx) => {
        const request = await claimCycleRequest(ctx.db, cycle.orgId, cycle.id, state, after);
        if (!request) return null;
        claimed = request.id;
        return step(ctx, request);
      });
      if (outcome === null) break;
      tally.outcomes[outcome] = (tally.outcomes[outcome] ?? 0) + 1;
      after = claimed;
    } catch (error) {
      if (!claimed) throw error;
      after = claimed;
      tally.failed += 1;
      onError?.(claimed, error);
    }
  }
  return tally;
}

/** Opens a draft with the raters nominated so far; one that cannot reach k stays a draft. */
function openStep(
  cycle: CycleRow,
  org: { id: string; name: string; anonymityThreshold: number; language: "en" | "de" },
): RequestStep {
  const rules = rulesOf(cycle) ?? resolveCycleRules(undefined);
  return async (ctx, request) => {
    const subject = await loadPerson(ctx, request.orgId, request.subjectId);
    await dropReaders(ctx, request, subject);
    await approvePendingNominations(ctx.db, request.orgId, request.id);
    try {
      // Too few raters to reach k is found before anything is written: the draft stays a draft.
      await openLocked({ ...ctx, org }, request, subject.name, { withSelf: rules.self });
      return "opened";
    } catch (error) {
      // Too few (or too many) raters: the draft stays a draft, and is cancelled when answers are due.
      if (
        error instanceof DomainError &&
        (error.code === "precondition_failed" || error.code === "invalid")
      ) {
        return "not_opened";
      }
      throw error;
    }
  };
}

/**
 * Rule 9 at the close of nominations: whoever reads the report now (a coach since, an admin of an
 * organisation that started letting admins read reports) does not rate it anonymously, whatever was
 * proposed or approved before.
 */
async function dropReaders(
  ctx: ServiceContext,
  request: FeedbackRequestRow,
  subject: { id: string; managerId: string | null },
): Promise<void> {
  const readers = await readersOf(ctx, request.orgId, request, subject);
  for (const nomination of await listRequestNominations(ctx.db, request.orgId, request.id)) {
    const anonymous = isAnonymousGroup(nomination.group);
    if (
      anonymous &&
      nomination.personId &&
      readers.has(nomination.personId) &&
      nomination.approved !== false
    ) {
      await setNominationApproved(ctx.db, request.orgId, nomination.id, false);
    }
  }
}

/**
 * Holds a batch of the cycle's open requests sealed (one statement): each is checked on its own
 * first, and one that may not close fails the batch, whose requests are then tried one by one.
 */
async function holdBatch(ctx: ServiceContext, requests: readonly FeedbackRequestRow[]) {
  for (const request of requests) transition(request.state, "close");
  await holdRequests(ctx.db, requests, nowOf(ctx));
  return { done: requests.map((request) => ({ requestId: request.id, outcome: "closed" })), failed: [] };
}

/** Cancels a batch of the cycle's drafts that never opened (envelopes deleted, state in one statement each). */
async function cancelBatch(ctx: ServiceContext, requests: readonly FeedbackRequestRow[]) {
  const states = new Set(requests.map((request) => transition(request.state, "cancel")));
  const [state] = [...states];
  if (!state || states.size > 1) throw new Error("a batch of drafts cancels to one state");
  await cancelDraftRequests(ctx.db, requests, { state, closedAt: nowOf(ctx) });
  return { done: requests.map((request) => ({ requestId: request.id, outcome: "cancelled" })), failed: [] };
}

/**
 * Works through every request of the cycle in `state`, in batches (one transaction each, claimed
 * SKIP LOCKED, with progress), each request with its own checks; what fails is tried again on the
 * next run. Releasing, holding and cancelling a cycle's requests all go this way.
 */
async function inCycleBatches(
  ctx: ServiceContext,
  cycle: CycleRow,
  state: "open" | "closed" | "draft",
  work: BatchRun<string>["work"],
  onError?: (requestId: string, error: unknown) => void,
): Promise<StepTally> {
  const tally: StepTally = { outcomes: {}, failed: 0 };
  const done = await inBatches(ctx, {
    claim: (tx, claim) =>
      claimHeldCycleRequests(tx.db, { orgId: cycle.orgId, cycleId: cycle.id, state, ...claim }),
    work,
    batchSize: RELEASE_BATCH_SIZE,
    limit: Number.POSITIVE_INFINITY,
    workers: releaseWorkers(ctx),
    onError: (requestId, error) => {
      tally.failed += 1;
      onError?.(requestId, error);
    },
  });
  for (const { outcome } of done) tally.outcomes[outcome] = (tally.outcomes[outcome] ?? 0) + 1;
  return tally;
}

function calendarOf(cycle: CycleRow): CycleCalendar | null {
  if (!cycle.nominationsCloseOn || !cycle.answersDueOn || !cycle.releaseOn) return null;
  return {
    nominationsCloseOn: cycle.nominationsCloseOn,
    answersDueOn: cycle.answersDueOn,
    releaseOn: cycle.releaseOn,
  };
}

/** Runs one phase's work on a cycle and moves it on; the tally of what happened to its requests. */
export async function enterPhase(
  ctx: ServiceContext,
  cycle: CycleRow,
  to: CyclePhase,
  onError?: (requestId: string, error: unknown) => void,
): Promise<StepTally> {
  const org = await findOrgForCycle(ctx.db, cycle.orgId);
  if (!org) throw new Error("the cycle's organisation is gone");
  let tally: StepTally = { outcomes: {}, failed: 0 };
  const add = (more: StepTally) => {
    for (const [key, n] of Object.entries(more.outcomes))
      tally.outcomes[key] = (tally.outcomes[key] ?? 0) + n;
    tally = { outcomes: tally.outcomes, failed: tally.failed + more.failed };
  };
  if (to === "answering") add(await eachRequest(ctx, cycle, "draft", openStep(cycle, org), onError));
  if (to === "closed" || to === "released") {
    add(await inCycleBatches(ctx, cycle, "open", holdBatch, onError));
    add(await inCycleBatches(ctx, cycle, "draft", cancelBatch, onError));
  }
  if (to === "released") add(await inCycleBatches(ctx, cycle, "closed", releaseLockedBatch, onError));
  // The phase moves only when every request made it; a failed one is tried again on the next run.
  if (tally.failed > 0) return tally;
  await withTransaction(ctx, async (tx) => {
    if (!(await moveCyclePhase(tx.db, cycle.id, cycle.phase, to, to === "released" ? nowOf(tx) : undefined)))
      return;
    // The organisation view is frozen with the release, in its transaction: never one without the other.
    if (to === "released") await freezeCycleView(tx, cycle);
    await recordAudit(tx.db, {
      orgId: cycle.orgId,
      actorId: null,
      action: "cycles.advance",
      targetType: "cycle",
      targetId: cycle.id,
      details: { from: cycle.phase, to, ...tally.outcomes },
    });
  });
  return tally;
}

/** Moves every running cycle whose day has come (the jobs loop calls this once a minute). */
export async function advanceCycles({
  ctx,
  input = {},
}: {
  ctx: ServiceContext;
  input?: { onError?: (requestId: string, error: unknown) => void };
}): Promise<Array<{ cycleId: string; from: CyclePhase; to: CyclePhase; tally: StepTally }>> {
  const moved: Array<{ cycleId: string; from: CyclePhase; to: CyclePhase; tally: StepTally }> = [];
  for (const found of await listRunningCycles(ctx.db)) {
    const calendar = calendarOf(found);
    if (!calendar) continue;
    let cycle = found;
    const due = duePhase(cycle.phase, calendar, nowOf(ctx));
    // One phase at a time, in order: a cycle found late still opens its requests before it releases.
    while (CYCLE_PHASES.indexOf(cycle.phase) < CYCLE_PHASES.indexOf(due)) {
      const next = CYCLE_PHASES[CYCLE_PHASES.indexOf(cycle.phase) + 1] as CyclePhase;
      const tally = await enterPhase(ctx, cycle, next, input.onError);
      moved.push({ cycleId: cycle.id, from: cycle.phase, to: next, tally });
      if (tally.failed > 0) break;
      cycle = { ...cycle, phase: next };
    }
  }
  return moved;
}
