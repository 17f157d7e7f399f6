// Extending a phase of a running cycle: the day moves later (the domain keeps the order), and the
// requests of the cycle follow the new due day while they still collect answers.
import { updateCycle, updateCycleDeadlines } from "@fivefold/db";
import {
  type CycleCalendar,
  type ExtendablePhase,
  endOfDay,
  extendCycle,
  PreconditionFailedError,
} from "@fivefold/domain";
import { audit } from "../audit/record";
import { type MemberServiceContext, withTransaction } from "../context";
import { cycleSummary, loadCycle } from "./shape";

export async function extendCyclePhase({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { cycleId: string; phase: ExtendablePhase; on: string };
}) {
  return withTransaction(ctx, async (ctx) => {
    const cycle = await loadCycle(ctx, input.cycleId, "update");
    if (!cycle.nominationsCloseOn || !cycle.answersDueOn || !cycle.releaseOn) {
      throw new PreconditionFailedError("This cycle was not made in the app: it has no phases to extend");
    }
    const calendar: CycleCalendar = {
      nominationsCloseOn: cycle.nominationsCloseOn,
      answersDueOn: cycle.answersDueOn,
      releaseOn: cycle.releaseOn,
    };
    const extended = extendCycle(cycle.phase, calendar, input.phase, input.on);
    const row = await updateCycle(ctx.db, ctx.org.id, cycle.id, { ...extended, endsOn: extended.releaseOn });
    if (input.phase === "answering") {
      await updateCycleDeadlines(ctx.db, ctx.org.id, cycle.id, endOfDay(extended.answersDueOn));
    }
    await audit(
      ctx.db,
      ctx,
      "cycles.extend",
      { type: "cycle", id: cycle.id },
      { phase: input.phase, on: input.on },
    );
    return cycleSummary(row);
  });
}
