// A request's life after creation: opening it (inviting the raters), closing it early, cancelling
// it. Each runs in one transaction holding the request's row lock.
import {
  deletePendingRequestMail,
  markRequestCancelled,
  markRequestOpened,
  takeUnreleasedResponses,
} from "@fivefold/db";
import { isAnonymousGroup, type RaterWarning, transition } from "@fivefold/domain";
import { audit } from "../audit/record";
import { type MemberServiceContext, nowOf, type ServiceContext, withTransaction } from "../context";
import { currentInstrumentVersion } from "../instrument/versions";
import { assertCanManage, type FeedbackRequestRow, loadPerson, loadRequest } from "./access";
import { discardEnvelopes } from "./envelopes";
import { approvedNominations, judgeExternals } from "./externals";
import { checkAnonymousCount, inviteRaters, type RaterToInvite } from "./invite";
import { closeOrHold, type HoldOutcome } from "./release";

type RequestInput = { requestId: string };

/** What opening needs of its caller: the organisation (a cycle's job opens requests with no caller). */
export type OpeningContext = ServiceContext & Pick<MemberServiceContext, "org">;

/**
 * Opens a draft the caller's transaction holds: fixes k and who counts, and invites everyone (the
 * subject as self unless a cycle's rules leave self out).
 */
export async function openLocked(
  ctx: OpeningContext,
  request: FeedbackRequestRow,
  subjectName: string,
  options: { withSelf?: boolean } = {},
): Promise<RaterWarning[]> {
  const state = transition(request.state, "open");
  const approved = await approvedNominations(ctx, request);
  // Whether each external counts is decided now, once, for the life of the request (rule 9).
  const { counts, warnings } = await judgeExternals(ctx, ctx.org.id, approved);
  const raters: RaterToInvite[] = approved.map((r) => ({ ...r, counts: counts(r) }));
  // The threshold is the organisation's at the moment of opening, and never changes after.
  const threshold = ctx.org.anonymityThreshold;
  const anonymous = raters.filter((r) => isAnonymousGroup(r.group));
  checkAnonymousCount(
    anonymous.filter((r) => r.counts).length,
    threshold,
    anonymous.filter((r) => !r.counts).length,
  );
  // So is the instrument version (issue 19): what raters are asked never changes under them.
  const instrumentVersion = await currentInstrumentVersion(ctx, ctx.org.id);
  const opened = await markRequestOpened(ctx.db, request, {
    state,
    threshold,
    instrumentVersion,
    openedAt: nowOf(ctx),
  });
  if (!opened) throw new Error("request vanished while opening");
  await inviteRaters(ctx, {
    request: opened,
    raters: [
      ...(options.withSelf === false
        ? []
        : [{ personId: request.subjectId, email: null, group: "self" as const, counts: true }]),
      ...raters,
    ],
    subjectName,
  });
  return warnings;
}

export function openRequest({ ctx, input }: { ctx: MemberServiceContext; input: RequestInput }) {
  return withTransaction(ctx, async (ctx) => {
    const request = await loadRequest(ctx, ctx.org.id, input.requestId, "update");
    await assertCanManage(ctx, request);
    const subject = await loadPerson(ctx, ctx.org.id, request.subjectId);
    const warnings = await openLocked(ctx, request, subject.name);
    await audit(ctx.db, ctx, "requests.open", { type: "feedback_request", id: request.id });
    return { state: "open" as const, warnings };
  });
}

export function closeRequest({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: RequestInput;
}): Promise<{ state: HoldOutcome }> {
  return withTransaction(ctx, async (ctx) => {
    const request = await loadRequest(ctx, ctx.org.id, input.requestId, "update");
    await assertCanManage(ctx, request);
    const state = await closeOrHold(ctx, request);
    await audit(
      ctx.db,
      ctx,
      "requests.close",
      { type: "feedback_request", id: request.id },
      { outcome: state },
    );
    return { state };
  });
}

/**
 * Cancels a draft or open request: no report will ever come of it. Answers given so far will never be
 * read, so their envelopes go unopened; links stop working and unsent invitations and reminders are
 * dropped. Invitations stay, as counts, so the manager sees what was collected before cancelling.
 */
export function cancelRequest({ ctx, input }: { ctx: MemberServiceContext; input: RequestInput }) {
  return withTransaction(ctx, async (ctx) => {
    const request = await loadRequest(ctx, ctx.org.id, input.requestId, "update");
    await assertCanManage(ctx, request);
    const state = transition(request.state, "cancel");
    // Envelopes, and any answers a version before sealed envelopes wrote in the clear.
    const discarded =
      (await discardEnvelopes(ctx, request)) + (await takeUnreleasedResponses(ctx.db, request.id)).length;
    await deletePendingRequestMail(ctx.db, ctx.org.id, request.id);
    await markRequestCancelled(ctx.db, request, { state, closedAt: nowOf(ctx) });
    await audit(
      ctx.db,
      ctx,
      "requests.cancel",
      { type: "feedback_request", id: request.id },
      { from: request.state, discardedResponses: discarded },
    );
    return { state: "cancelled" as const };
  });
}
