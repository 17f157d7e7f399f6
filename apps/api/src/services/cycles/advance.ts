// The cycle's calendar at work (run by the jobs loop, and by the admin's release): when nominations
// close, every request opens with the raters nominated so far (undecided nominations are approved:
// the manager had the whole phase to decide); when answers are due, what still collects is held
// sealed and drafts that never opened are cancelled; on the release day every held request is
// released at once, each with its own anonymity checks. Each request moves in its own transaction,
// claimed with SKIP LOCKED, so several processes share the work and one failure holds up nothing.
import {
  approvePendingNominations,
  type CycleRow,
  claimCycleRequest,
  claimHeldCycleRequests,
  type FeedbackRequestRow,
  findOrgForCycle,
  listRequestNominations,
  listRunningCycles,
  markRequestCancelled,
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
import { inBatches, RELEASE_BATCH_SIZE, releaseWorkers } from "../collect/batches";
import { releaseLockedBatch } from "../collect/bulk-release";
import { discardEnvelopes } from "../collect/envelopes";
import { openLocked } from "../collect/lifecycle";
import { holdLockedRequest } from "../collect/release";
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
  org: { id: string; name: string; anonymityThreshold: number },
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

const holdStep: RequestStep = (ctx, request) => holdLockedRequest(ctx, request);

const cancelStep: RequestStep = async (ctx, request) => {
  const state = transition(request.state, "cancel");
  await discardEnvelopes(ctx, request);
  await markRequestCancelled(ctx.db, request, { state, closedAt: nowOf(ctx) });
  return "cancelled";
};

/**
 * Releases every request the cycle holds, in batches (one transaction each, with progress), each
 * request with its own anonymity checks; what fails is tried again on the next run.
 */
async function releaseHeld(
  ctx: ServiceContext,
  cycle: CycleRow,
  onError?: (requestId: string, error: unknown) => void,
): Promise<StepTally> {
  const tally: StepTally = { outcomes: {}, failed: 0 };
  const done = await inBatches(ctx, {
    claim: (tx, claim) => claimHeldCycleRequests(tx.db, { orgId: cycle.orgId, cycleId: cycle.id, ...claim }),
    work: releaseLockedBatch,
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
    add(await eachRequest(ctx, cycle, "open", holdStep, onError));
    add(await eachRequest(ctx, cycle, "draft", cancelStep, onError));
  }
  if (to === "released") add(await releaseHeld(ctx, cycle, onError));
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
