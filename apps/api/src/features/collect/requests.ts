// Feedback requests: create (and open), open, list, progress and close.
import { type Executor, schema, takeUnreleasedResponses } from "@fivefold/db";
import {
  CURRENT_INSTRUMENT_VERSION,
  checkDeadline,
  ForbiddenError,
  type GroupProgressCounts,
  InvalidInputError,
  isAnonymousGroup,
  mayRequestFeedback,
  progressLines,
  type RaterGroup,
  transition,
} from "@fivefold/domain";
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { MemberContext } from "../../trpc/context";
import { audit } from "../audit/record";
import {
  assertCanManage,
  assertNotAnonymousReader,
  type FeedbackRequestRow,
  loadPerson,
  loadRequest,
  reportReaders,
} from "./access";
import { discardEnvelopes } from "./envelopes";
import type { createRequestInput } from "./inputs";
import { checkAnonymousCount, inviteRaters, type RaterToInvite } from "./invite";
import { type CloseOutcome, closeLockedRequest } from "./release";

type CreateRequestInput = z.output<typeof createRequestInput>;

export async function createRequest(ctx: MemberContext, input: CreateRequestInput, now = new Date()) {
  checkDeadline(input.deadline, now);
  const subject = await loadPerson(ctx.db, ctx.org.id, input.subjectId);
  if (!subject.active) throw new InvalidInputError("This person is no longer active");
  if (!mayRequestFeedback({ personId: ctx.person.id, roles: ctx.roles }, subject)) {
    throw new ForbiddenError(
      subject.id === ctx.person.id
        ? "Only managers start a 360 on themselves; ask your manager to request feedback for you"
        : "You can request feedback for your direct reports, or for yourself as a manager",
    );
  }
  const raters = await normaliseRaters(ctx, subject.id, input.raters);
  const readers = await reportReaders(ctx.db, ctx.org.id, subject.id, ctx.person.id);
  for (const [index, rater] of raters.entries()) {
    assertNotAnonymousReader(readers, rater, `raters.${index}.group`);
  }

  return ctx.db.transaction(async (tx) => {
    const [request] = await tx
      .insert(schema.feedbackRequests)
      .values({
        orgId: ctx.org.id,
        subjectId: subject.id,
        requesterId: ctx.person.id,
        deadline: input.deadline,
        threshold: ctx.org.anonymityThreshold,
        instrumentVersion: CURRENT_INSTRUMENT_VERSION,
      })
      .returning();
    if (!request) throw new Error("request insert returned nothing");
    if (raters.length > 0) {
      await tx.insert(schema.nominations).values(
        raters.map((r) => ({
          orgId: ctx.org.id,
          requestId: request.id,
          personId: r.personId,
          email: r.email,
          group: r.group,
          proposedById: ctx.person.id,
          approved: true,
        })),
      );
    }
    if (input.open !== false) await openLocked(tx, ctx, request, subject.name);
    await audit(
      tx,
      ctx,
      "requests.create",
      { type: "feedback_request", id: request.id },
      { subjectId: subject.id, raters: raters.length, opened: input.open !== false },
    );
    return { id: request.id };
  });
}

/** Drops the subject (self is added automatically) and duplicates; checks everyone is a colleague. */
async function normaliseRaters(
  ctx: MemberContext,
  subjectId: string,
  raters: CreateRequestInput["raters"],
): Promise<RaterToInvite[]> {
  const personIds = raters.map((r) => r.personId).filter((id): id is string => Boolean(id));
  const known = new Map<string, { id: string; email: string; active: boolean }>();
  if (personIds.length > 0) {
    const rows = await ctx.db
      .select({ id: schema.people.id, email: schema.people.email, active: schema.people.active })
      .from(schema.people)
      .where(and(eq(schema.people.orgId, ctx.org.id), inArray(schema.people.id, personIds)));
    for (const row of rows) known.set(row.id, row);
  }
  const byEmail = new Map<string, string>();
  const emails = raters.map((r) => r.email?.toLowerCase()).filter((e): e is string => Boolean(e));
  if (emails.length > 0) {
    const rows = await ctx.db
      .select({ id: schema.people.id, email: schema.people.email, active: schema.people.active })
      .from(schema.people)
      .where(and(eq(schema.people.orgId, ctx.org.id), inArray(schema.people.email, emails)));
    for (const row of rows) {
      byEmail.set(row.email, row.id);
      known.set(row.id, row);
    }
  }
  const seen = new Set<string>();
  const result: RaterToInvite[] = [];
  raters.forEach((rater, index) => {
    const email = rater.email?.toLowerCase() ?? null;
    const personId = rater.personId ?? (email ? (byEmail.get(email) ?? null) : null);
    if (personId === subjectId) return; // the subject rates as self, added on open
    if (rater.group === "self") {
      throw new InvalidInputError("Only the subject rates as self", {
        [`raters.${index}.group`]: "Choose peer, direct report, manager or other",
      });
    }
    if (personId) {
      if (!known.get(personId)?.active) {
        throw new InvalidInputError("A rater is not an active person of your organisation", {
          [`raters.${index}.personId`]: "Pick someone from your organisation",
        });
      }
    }
    const key = personId ?? `email:${email}`;
    if (seen.has(key)) return; // duplicates are ignored
    seen.add(key);
    result.push({ personId, email: personId ? null : email, group: rater.group });
  });
  return result;
}

async function openLocked(
  tx: Executor,
  ctx: MemberContext,
  request: FeedbackRequestRow,
  subjectName: string,
) {
  const state = transition(request.state, "open");
  const approved = await tx
    .select({
      personId: schema.nominations.personId,
      email: schema.nominations.email,
      group: schema.nominations.group,
    })
    .from(schema.nominations)
    .where(and(eq(schema.nominations.requestId, request.id), eq(schema.nominations.approved, true)));
  const anonymous = approved.filter((r) => isAnonymousGroup(r.group)).length;
  // The threshold is the organisation's at the moment of opening, and never changes after.
  const threshold = ctx.org.anonymityThreshold;
  checkAnonymousCount(anonymous, threshold);
  const [opened] = await tx
    .update(schema.feedbackRequests)
    .set({ state, threshold, openedAt: new Date() })
    .where(eq(schema.feedbackRequests.id, request.id))
    .returning();
  if (!opened) throw new Error("request vanished while opening");
  await inviteRaters(tx, {
    request: opened,
    raters: [{ personId: request.subjectId, email: null, group: "self" }, ...approved],
    subjectName,
    appUrl: ctx.appUrl,
  });
}

export async function openRequest(ctx: MemberContext, requestId: string) {
  return ctx.db.transaction(async (tx) => {
    const request = await loadRequest(tx, ctx.org.id, requestId, "update");
    await assertCanManage(ctx, request, tx);
    const subject = await loadPerson(tx, ctx.org.id, request.subjectId);
    await openLocked(tx, ctx, request, subject.name);
    await audit(tx, ctx, "requests.open", { type: "feedback_request", id: request.id });
    return { state: "open" as const };
  });
}

export async function closeRequest(ctx: MemberContext, requestId: string): Promise<{ state: CloseOutcome }> {
  return ctx.db.transaction(async (tx) => {
    const request = await loadRequest(tx, ctx.org.id, requestId, "update");
    await assertCanManage(ctx, request, tx);
    const state = await closeLockedRequest(tx, request, {
      now: new Date(),
      appUrl: ctx.appUrl,
      sealingSecret: ctx.sealingSecret,
    });
    await audit(tx, ctx, "requests.close", { type: "feedback_request", id: request.id }, { outcome: state });
    return { state };
  });
}

/**
 * Cancels a draft or open request: no report will ever come of it. Answers given so far will never be
 * read, so their envelopes go unopened; links stop working and unsent invitations and reminders are
 * dropped. Invitations stay, as counts, so the manager sees what was collected before cancelling.
 */
export async function cancelRequest(ctx: MemberContext, requestId: string) {
  return ctx.db.transaction(async (tx) => {
    const request = await loadRequest(tx, ctx.org.id, requestId, "update");
    await assertCanManage(ctx, request, tx);
    const state = transition(request.state, "cancel");
    // Envelopes, and any answers a version before sealed envelopes wrote in the clear.
    const discarded =
      (await discardEnvelopes(tx, request)) + (await takeUnreleasedResponses(tx, request.id)).length;
    await tx
      .delete(schema.outbox)
      .where(
        and(
          eq(schema.outbox.orgId, ctx.org.id),
          eq(schema.outbox.state, "pending"),
          sql`${schema.outbox.meta}->>'requestId' = ${request.id}`,
        ),
      );
    await tx
      .update(schema.feedbackRequests)
      .set({ state, closedAt: new Date() })
      .where(eq(schema.feedbackRequests.id, request.id));
    await audit(
      tx,
      ctx,
      "requests.cancel",
      { type: "feedback_request", id: request.id },
      { from: request.state, discardedResponses: discarded },
    );
    return { state: "cancelled" as const };
  });
}

export async function requestProgress(ctx: MemberContext, requestId: string) {
  const request = await loadRequest(ctx.db, ctx.org.id, requestId);
  await assertCanManage(ctx, request);
  return {
    state: request.state,
    groups: progressLines(
      await progressByGroup(ctx.db, [request.id]).then((m) => m.get(request.id) ?? []),
      request.threshold,
    ),
  };
}

/** Counts per group, never names: who answered stays unknown to everyone. */
async function progressByGroup(
  db: Executor,
  requestIds: string[],
): Promise<Map<string, GroupProgressCounts[]>> {
  const result = new Map<string, GroupProgressCounts[]>();
  if (requestIds.length === 0) return result;
  const rows = await db
    .select({
      requestId: schema.invitations.requestId,
      group: schema.invitations.group,
      invited: sql<number>`count(*)::int`,
      submitted: sql<number>`(count(*) filter (where ${schema.invitations.state} = 'submitted'))::int`,
      declined: sql<number>`(count(*) filter (where ${schema.invitations.state} = 'declined'))::int`,
    })
    .from(schema.invitations)
    .where(inArray(schema.invitations.requestId, requestIds))
    .groupBy(schema.invitations.requestId, schema.invitations.group);
  const order: RaterGroup[] = ["self", "manager", "peer", "direct_report", "other"];
  rows.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
  for (const row of rows) {
    const list = result.get(row.requestId) ?? [];
    list.push({ group: row.group, invited: row.invited, submitted: row.submitted, declined: row.declined });
    result.set(row.requestId, list);
  }
  return result;
}

/** Requests I manage (requested, or of my direct reports, or any as admin… only those I requested or
 * whose subject reports to me) and those about me. Progress counts only for those I manage. */
export async function listRequests(ctx: MemberContext) {
  const subject = schema.people;
  const rows = await ctx.db
    .select({
      id: schema.feedbackRequests.id,
      state: schema.feedbackRequests.state,
      deadline: schema.feedbackRequests.deadline,
      createdAt: schema.feedbackRequests.createdAt,
      closedAt: schema.feedbackRequests.closedAt,
      requesterId: schema.feedbackRequests.requesterId,
      threshold: schema.feedbackRequests.threshold,
      subjectId: subject.id,
      subjectName: subject.name,
      subjectManagerId: subject.managerId,
    })
    .from(schema.feedbackRequests)
    .innerJoin(subject, eq(subject.id, schema.feedbackRequests.subjectId))
    .where(
      and(
        eq(schema.feedbackRequests.orgId, ctx.org.id),
        or(
          eq(schema.feedbackRequests.requesterId, ctx.person.id),
          eq(schema.feedbackRequests.subjectId, ctx.person.id),
          eq(subject.managerId, ctx.person.id),
        ),
      ),
    )
    .orderBy(desc(schema.feedbackRequests.createdAt), asc(schema.feedbackRequests.id));
  const managed = rows.filter(
    (r) =>
      r.requesterId === ctx.person.id || r.subjectManagerId === ctx.person.id || ctx.roles.includes("admin"),
  );
  const progress = await progressByGroup(
    ctx.db,
    managed.map((r) => r.id),
  );
  const pending = await pendingNominationCounts(
    ctx.db,
    managed.map((r) => r.id),
  );
  return rows.map((r) => {
    const manages = managed.includes(r);
    return {
      id: r.id,
      subject: { id: r.subjectId, name: r.subjectName },
      state: r.state,
      deadline: r.deadline.toISOString(),
      createdAt: r.createdAt.toISOString(),
      closedAt: r.closedAt?.toISOString() ?? null,
      role: manages ? ("manager" as const) : ("subject" as const),
      groups: manages ? progressLines(progress.get(r.id) ?? [], r.threshold) : null,
      pendingNominations: manages ? (pending.get(r.id) ?? 0) : null,
    };
  });
}

async function pendingNominationCounts(db: Executor, requestIds: string[]): Promise<Map<string, number>> {
  if (requestIds.length === 0) return new Map();
  const rows = await db
    .select({ requestId: schema.nominations.requestId, n: sql<number>`count(*)::int` })
    .from(schema.nominations)
    .where(and(inArray(schema.nominations.requestId, requestIds), isNull(schema.nominations.approved)))
    .groupBy(schema.nominations.requestId);
  return new Map(rows.map((r) => [r.requestId, r.n]));
}
