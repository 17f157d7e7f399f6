// Nominations: the subject proposes raters; the manager approves or removes them. Approved raters
// of an open request are invited at once. And the request as its manager and subject see it.
import {
  findNomination,
  insertNomination,
  isNomineeInvited,
  listRequestNominations,
  setNominationApproved,
} from "@fivefold/db";
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  mayInviteWhileOpen,
  NotFoundError,
  PreconditionFailedError,
  type RaterGroup,
} from "@fivefold/domain";
import { audit } from "../audit/record";
import { type MemberServiceContext, withTransaction } from "../context";
import { assertCycleProposal } from "../cycles/nominations";
import {
  assertCanManage,
  assertNotAnonymousReader,
  canManageRequest,
  loadPerson,
  loadRequest,
  readersOf,
} from "./access";
import { inviteRaters } from "./invite";

const JOIN_ONLY_BEFORE_OPENING =
  "Anonymous raters can only join before the request opens: one who joins while answers come in could be singled out by the change in the counts";

/**
 * Nominates a colleague for a request after the caller's own checks: an active person, never a
 * reader of the report in an anonymous group (rule 9), within the cycle's rules; a person
 * nominated already is a conflict. Shared by the subject's proposals and the manager's additions.
 */
export async function nominate(
  ctx: MemberServiceContext,
  request: Awaited<ReturnType<typeof loadRequest>>,
  input: { personId: string; group: RaterGroup },
  options: { approved: boolean },
) {
  const person = await loadPerson(ctx, ctx.org.id, input.personId);
  if (!person.active) throw new InvalidInputError("This person is no longer active");
  const subject = await loadPerson(ctx, ctx.org.id, request.subjectId);
  const readers = await readersOf(ctx, ctx.org.id, request, subject);
  assertNotAnonymousReader(readers, { personId: person.id, group: input.group }, "group");
  await assertCycleProposal(ctx, request, {
    personId: person.id,
    personName: person.name,
    group: input.group,
  });
  const nominationId = await insertNomination(ctx.db, {
    orgId: ctx.org.id,
    requestId: request.id,
    personId: person.id,
    group: input.group,
    proposedById: ctx.person.id,
    ...(options.approved ? { approved: true } : {}),
  });
  if (!nominationId) {
    // Approved at once: the manager added a rater; else the subject proposed one.
    throw new ConflictError(
      options.approved
        ? `${person.name} is already a rater of this request.`
        : `${person.name} is already nominated for this request`,
    );
  }
  return { nominationId, person, subject };
}

export function proposeNomination({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { requestId: string; personId: string; group: RaterGroup };
}) {
  return withTransaction(ctx, async (ctx) => {
    const request = await loadRequest(ctx, ctx.org.id, input.requestId);
    if (request.subjectId !== ctx.person.id) {
      throw new ForbiddenError("Only the person the feedback is about can propose raters");
    }
    if (request.state !== "draft" && request.state !== "open") {
      throw new PreconditionFailedError("This request is closed: raters can no longer be proposed");
    }
    if (input.group === "self" || input.personId === ctx.person.id) {
      throw new InvalidInputError("You rate yourself as self automatically: propose colleagues");
    }
    if (request.state === "open" && !mayInviteWhileOpen(input.group)) {
      throw new PreconditionFailedError(JOIN_ONLY_BEFORE_OPENING);
    }
    const { nominationId } = await nominate(ctx, request, input, {
      approved: false,
    });
    return { nominationId };
  });
}

export function decideNomination({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { nominationId: string; approve: boolean };
}) {
  return withTransaction(ctx, async (ctx) => {
    const nomination = await findNomination(ctx.db, ctx.org.id, input.nominationId);
    if (!nomination) throw new NotFoundError("Nomination");
    const request = await loadRequest(ctx, ctx.org.id, nomination.requestId, "update");
    await assertCanManage(ctx, request);
    if (request.state !== "draft" && request.state !== "open") {
      throw new PreconditionFailedError("This request is closed: nominations can no longer change");
    }
    if (await isNomineeInvited(ctx.db, ctx.org.id, request.id, nomination)) {
      if (input.approve) return { approved: true };
      throw new ConflictError("This rater has already been invited and can no longer be removed");
    }
    // Approving one that was removed counts it again: the cycle's most peers and rater cap apply.
    if (input.approve && nomination.approved === false && nomination.personId) {
      const rater = await loadPerson(ctx, ctx.org.id, nomination.personId);
      await assertCycleProposal(ctx, request, {
        personId: rater.id,
        personName: rater.name,
        group: nomination.group,
      });
    }
    await setNominationApproved(ctx.db, ctx.org.id, nomination.id, input.approve);
    const subject = await loadPerson(ctx, ctx.org.id, request.subjectId);
    if (input.approve) {
      if (request.state === "open" && !mayInviteWhileOpen(nomination.group)) {
        throw new PreconditionFailedError(JOIN_ONLY_BEFORE_OPENING);
      }
      assertNotAnonymousReader(await readersOf(ctx, ctx.org.id, request, subject), nomination, "approve");
    }
    if (input.approve && request.state === "open") {
      await inviteRaters(ctx, {
        request,
        raters: [
          { personId: nomination.personId, email: nomination.email, group: nomination.group, counts: true },
        ],
        subjectName: subject.name,
      });
    }
    await audit(
      ctx.db,
      ctx,
      "nominations.decide",
      { type: "nomination", id: nomination.id },
      { approve: input.approve, group: nomination.group },
    );
    return { approved: input.approve };
  });
}

/** A request with its nominations, for the manager and the subject. */
export async function getRequest({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { requestId: string };
}) {
  const request = await loadRequest(ctx, ctx.org.id, input.requestId);
  const manages = await canManageRequest(ctx, request);
  if (!manages && request.subjectId !== ctx.person.id) throw new NotFoundError("Feedback request");
  const nominations = await listRequestNominations(ctx.db, ctx.org.id, request.id);
  const [subject, requester] = await Promise.all([
    loadPerson(ctx, ctx.org.id, request.subjectId),
    loadPerson(ctx, ctx.org.id, request.requesterId),
  ]);
  return {
    id: request.id,
    subject: { id: subject.id, name: subject.name },
    requester: { id: requester.id, name: requester.name },
    state: request.state,
    deadline: request.deadline.toISOString(),
    threshold: request.threshold,
    insufficientReason: request.insufficientReason,
    instrumentVersion: request.instrumentVersion,
    cycleId: request.cycleId,
    role: manages ? ("manager" as const) : ("subject" as const),
    nominations: nominations.map((n) => ({
      id: n.id,
      person: n.personId ? { id: n.personId, name: n.personName ?? "" } : null,
      email: n.email,
      group: n.group,
      approved: n.approved,
      /** For an external: whether an admin who does not read the report vouched for them (rule 9). */
      vouchedFor: n.email ? n.externalApprovedById !== null : null,
      proposedBy: { id: n.proposedById, name: n.proposedByName },
    })),
  };
}
