// The requester following up an open request of their own: remind the raters who have not answered
// (each gets a mail of their own with a fresh link, as the reminder job sends; nobody is told who
// they are, the caller included), and move the deadline later. A cycle's requests are followed up
// by its admin (cycles.remind, cycles.extend), so every request of a cycle keeps one calendar.
import { updateRequestDeadline } from "@fivefold/db";
import { checkDeadline, DAY_MS, InvalidInputError, PreconditionFailedError } from "@fivefold/domain";
import { auditAs } from "../audit/record";
import { type MemberServiceContext, nowOf, withTransaction } from "../context";
import { remindLocked } from "../mail/reminders";
import { assertCanManage, type FeedbackRequestRow, loadRequest } from "./access";

async function loadOpenOwnRequest(ctx: MemberServiceContext, requestId: string): Promise<FeedbackRequestRow> {
  const request = await loadRequest(ctx, ctx.org.id, requestId, "update");
  await assertCanManage(ctx, request);
  if (request.state !== "open") {
    throw new PreconditionFailedError("Only an open request collects answers: there is nobody to follow up");
  }
  if (request.cycleId) {
    throw new PreconditionFailedError(
      "This request is part of a cycle: the cycle's admin reminds its raters and moves its deadlines",
    );
  }
  return request;
}

export async function remindRequest({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { requestId: string };
}) {
  return withTransaction(ctx, async (ctx) => {
    const now = nowOf(ctx);
    const request = await loadOpenOwnRequest(ctx, input.requestId);
    // At most once a day, whoever sends it (the job included): a reminder a day is plenty.
    if (request.remindedAt && now.getTime() - request.remindedAt.getTime() < DAY_MS) {
      throw new PreconditionFailedError(
        "The raters who have not answered were reminded less than a day ago: remind them again tomorrow",
      );
    }
    // remindLocked records the reminder (no names) and sets remindedAt.
    await remindLocked(ctx.db, request, { now, appUrl: ctx.appUrl });
    return { remindedAt: now.toISOString() };
  });
}

export async function extendRequest({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { requestId: string; deadline: Date };
}) {
  return withTransaction(ctx, async (ctx) => {
    const request = await loadOpenOwnRequest(ctx, input.requestId);
    if (input.deadline.getTime() <= request.deadline.getTime()) {
      throw new InvalidInputError("Extending moves the deadline later: choose a day after the current one", {
        deadline: "Choose a later day",
      });
    }
    checkDeadline(input.deadline, nowOf(ctx));
    const row = await updateRequestDeadline(ctx.db, request, input.deadline);
    await auditAs(
      ctx,
      "requests.extend",
      { type: "feedback_request", id: request.id },
      { deadline: input.deadline.toISOString() },
    );
    return { deadline: (row?.deadline ?? input.deadline).toISOString() };
  });
}
