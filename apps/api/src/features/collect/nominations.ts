// Nominations: the subject proposes raters; the manager approves or removes them. Approved raters
// of an open request are invited at once.
import { schema } from "@fivefold/db";
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  mayInviteWhileOpen,
  NotFoundError,
  PreconditionFailedError,
  type RaterGroup,
} from "@fivefold/domain";
import { and, asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { MemberContext } from "../../trpc/context";
import { audit } from "../audit/record";
import { reportReaders } from "../reports/access";
import {
  assertCanManage,
  assertNotAnonymousReader,
  canManageRequest,
  loadPerson,
  loadRequest,
} from "./access";
import { inviteRaters } from "./invite";

const JOIN_ONLY_BEFORE_OPENING =
  "Anonymous raters can only join before the request opens: one who joins while answers come in could be singled out by the change in the counts";

export async function proposeNomination(
  ctx: MemberContext,
  input: { requestId: string; personId: string; group: RaterGroup },
) {
  const request = await loadRequest(ctx.db, ctx.org.id, input.requestId);
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
  const person = await loadPerson(ctx.db, ctx.org.id, input.personId);
  if (!person.active) throw new InvalidInputError("This person is no longer active");
  const subject = await loadPerson(ctx.db, ctx.org.id, request.subjectId);
  const readers = await reportReaders(ctx.db, ctx.org.id, {
    subjectId: subject.id,
    requesterId: request.requesterId,
    subjectManagerId: subject.managerId,
  });
  assertNotAnonymousReader(readers, { personId: person.id, group: input.group }, "group");
  const [row] = await ctx.db
    .insert(schema.nominations)
    .values({
      orgId: ctx.org.id,
      requestId: request.id,
      personId: person.id,
      group: input.group,
      proposedById: ctx.person.id,
    })
    .onConflictDoNothing()
    .returning({ id: schema.nominations.id });
  if (!row) throw new ConflictError(`${person.name} is already nominated for this request`);
  return { nominationId: row.id };
}

export async function decideNomination(
  ctx: MemberContext,
  input: { nominationId: string; approve: boolean },
) {
  return ctx.db.transaction(async (tx) => {
    const [nomination] = await tx
      .select()
      .from(schema.nominations)
      .where(and(eq(schema.nominations.id, input.nominationId), eq(schema.nominations.orgId, ctx.org.id)));
    if (!nomination) throw new NotFoundError("Nomination");
    const request = await loadRequest(tx, ctx.org.id, nomination.requestId, "update");
    await assertCanManage(ctx, request, tx);
    if (request.state !== "draft" && request.state !== "open") {
      throw new PreconditionFailedError("This request is closed: nominations can no longer change");
    }
    const [invited] = await tx
      .select({ id: schema.invitations.id })
      .from(schema.invitations)
      .where(
        and(
          eq(schema.invitations.requestId, request.id),
          nomination.personId
            ? eq(schema.invitations.personId, nomination.personId)
            : eq(schema.invitations.email, nomination.email ?? ""),
        ),
      );
    if (invited) {
      if (input.approve) return { approved: true };
      throw new ConflictError("This rater has already been invited and can no longer be removed");
    }
    await tx
      .update(schema.nominations)
      .set({ approved: input.approve })
      .where(eq(schema.nominations.id, nomination.id));
    const subject = await loadPerson(tx, ctx.org.id, request.subjectId);
    if (input.approve) {
      if (request.state === "open" && !mayInviteWhileOpen(nomination.group)) {
        throw new PreconditionFailedError(JOIN_ONLY_BEFORE_OPENING);
      }
      const readers = await reportReaders(tx, ctx.org.id, {
        subjectId: subject.id,
        requesterId: request.requesterId,
        subjectManagerId: subject.managerId,
      });
      assertNotAnonymousReader(readers, nomination, "approve");
    }
    if (input.approve && request.state === "open") {
      await inviteRaters(tx, {
        request,
        raters: [
          { personId: nomination.personId, email: nomination.email, group: nomination.group, counts: true },
        ],
        subjectName: subject.name,
        appUrl: ctx.appUrl,
      });
    }
    await audit(
      tx,
      ctx,
      "nominations.decide",
      { type: "nomination", id: nomination.id },
      { approve: input.approve, group: nomination.group },
    );
    return { approved: input.approve };
  });
}

/** A request with its nominations, for the manager and the subject. */
export async function getRequest(ctx: MemberContext, requestId: string) {
  const request = await loadRequest(ctx.db, ctx.org.id, requestId);
  const manages = await canManageRequest(ctx, request);
  if (!manages && request.subjectId !== ctx.person.id) throw new NotFoundError("Feedback request");
  const rater = alias(schema.people, "rater");
  const proposer = alias(schema.people, "proposer");
  const nominations = await ctx.db
    .select({
      id: schema.nominations.id,
      personId: schema.nominations.personId,
      personName: rater.name,
      email: schema.nominations.email,
      group: schema.nominations.group,
      approved: schema.nominations.approved,
      externalApprovedById: schema.nominations.externalApprovedById,
      proposedById: schema.nominations.proposedById,
      proposedByName: proposer.name,
    })
    .from(schema.nominations)
    .leftJoin(rater, eq(rater.id, schema.nominations.personId))
    .innerJoin(proposer, eq(proposer.id, schema.nominations.proposedById))
    .where(eq(schema.nominations.requestId, request.id))
    .orderBy(asc(schema.nominations.createdAt), asc(schema.nominations.id));
  const [subject, requester] = await Promise.all([
    loadPerson(ctx.db, ctx.org.id, request.subjectId),
    loadPerson(ctx.db, ctx.org.id, request.requesterId),
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
