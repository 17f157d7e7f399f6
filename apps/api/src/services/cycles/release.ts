// The admin's hands on a running cycle: release every report now (once answering is under way or
// over), and remind every rater still due (each request at most once a day; the mail never says who
// else has not answered).
import { findRequest, listCycleRequestsToRemind } from "@fivefold/db";
import { DAY_MS, PreconditionFailedError } from "@fivefold/domain";
import { recordAudit } from "../audit/record";
import { type MemberServiceContext, nowOf, withTransaction } from "../context";
import { remindLocked } from "../mail/reminders";
import { enterPhase } from "./advance";
import { loadCycle } from "./shape";

export async function releaseCycle({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { cycleId: string };
}) {
  const cycle = await loadCycle(ctx, input.cycleId);
  if (cycle.phase !== "answering" && cycle.phase !== "closed") {
    throw new PreconditionFailedError(
      cycle.phase === "released"
        ? "This cycle is already released"
        : "A cycle releases once its raters are answering: wait for nominations to close, or extend them",
    );
  }
  // Straight to released: open requests are held, drafts cancelled, then every held one released.
  const tally = await enterPhase(ctx, cycle, "released");
  await recordAudit(ctx.db, {
    orgId: ctx.org.id,
    actorId: ctx.person.id,
    action: "cycles.release",
    targetType: "cycle",
    targetId: cycle.id,
    details: { ...tally.outcomes, failed: tally.failed },
  });
  if (tally.failed > 0) {
    throw new PreconditionFailedError(
      tally.failed === 1
        ? "1 request could not be released yet; the others are. Release again to retry it"
        : `${tally.failed} requests could not be released yet; the others are. Release again to retry them`,
    );
  }
  return { released: tally.outcomes.released ?? 0, insufficient: tally.outcomes.insufficient ?? 0 };
}

export async function remindCycle({ ctx, input }: { ctx: MemberServiceContext; input: { cycleId: string } }) {
  const cycle = await loadCycle(ctx, input.cycleId);
  if (cycle.phase !== "answering") {
    throw new PreconditionFailedError("Reminders go out while raters are answering");
  }
  const now = nowOf(ctx);
  const ids = await listCycleRequestsToRemind(ctx.db, ctx.org.id, cycle.id, new Date(now.getTime() - DAY_MS));
  let reminded = 0;
  for (const id of ids) {
    reminded += await withTransaction(ctx, async (ctx) => {
      const request = await findRequest(ctx.db, ctx.org.id, id, "update");
      if (request?.state !== "open") return 0;
      return remindLocked(ctx.db, request, { now, appUrl: ctx.appUrl });
    });
  }
  await recordAudit(ctx.db, {
    orgId: ctx.org.id,
    actorId: ctx.person.id,
    action: "cycles.remind",
    targetType: "cycle",
    targetId: cycle.id,
    details: { requests: ids.length },
  });
  return { reminded };
}
