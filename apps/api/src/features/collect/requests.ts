// Feedback requests: create (and open), open, list, progress and close.
import {
  type Executor,
  findActiveRequestOnSubject,
  isUniqueViolation,
  schema,
  takeUnreleasedResponses,
} from "@fivefold/db";
import {
  ConflictError,
  CURRENT_INSTRUMENT_VERSION,
  checkDeadline,
  ForbiddenError,
  type GroupProgressCounts,
  InvalidInputError,
  isAnonymousGroup,
  mailboxOf,
  mayRequestFeedback,
  progressLines,
  type RaterGroup,
  type RaterWarning,
  transition,
} from "@fivefold/domain";
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { z } from "zod";
import type { MemberContext } from "../../trpc/context";
import { audit } from "../audit/record";
import { reportReaders } from "../reports/access";
import {
  assertCanManage,
  assertNotAnonymousReader,
  type FeedbackRequestRow,
  loadPerson,
  loadRequest,
  type PersonRow,
} from "./access";
import { discardEnvelopes } from "./envelopes";
import { approvedNominations, assertExternalsUncontrolled, judgeExternals } from "./externals";
import { closenessWarnings } from "./history";
import type { createRequestInput } from "./inputs";
import { checkAnonymousCount, inviteRaters, type RaterToInvite } from "./invite";
import { type CloseOutcome, closeLockedRequest } from "./release";

const ONE_ACTIVE_PER_SUBJECT = "feedback_requests_one_active_per_subject";

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
  const readers = await reportReaders(ctx.db, ctx.org.id, {
    subjectId: subject.id,
    requesterId: ctx.person.id,
    subjectManagerId: subject.managerId,
  });
  for (const rater of raters) assertNotAnonymousReader(readers, rater, `raters.${rater.index}.group`);
  await assertExternalsUncontrolled(
    ctx.db,
    ctx.org.id,
    readers,
    // Named as typed, so the manager recognises the address in the message.
    raters.flatMap((r) =>
      r.email
        ? [{ email: input.raters[r.index]?.email?.trim() ?? r.email, field: `raters.${r.index}.email` }]
        : [],
    ),
  );
  await assertNoActiveRequest(ctx.db, ctx.org.id, subject);
  const warnings = await raterWarnings(ctx, subject.id, raters, now);

  try {
    return await ctx.db.transaction(async (tx) => {
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
      return { id: request.id, warnings };
    });
  } catch (error) {
    // Two managers creating at once: the unique index lets one through.
    if (isUniqueViolation(error, ONE_ACTIVE_PER_SUBJECT))
      await assertNoActiveRequest(ctx.db, ctx.org.id, subject);
    throw error;
  }
}

/**
 * At most one request per subject is a draft or collects answers (rule 10): two running side by
 * side, with raters one person apart, would give that person's answers by subtraction.
 */
async function assertNoActiveRequest(db: Executor, orgId: string, subject: PersonRow): Promise<void> {
  const active = await findActiveRequestOnSubject(db, orgId, subject.id);
  if (!active) return;
  throw new ConflictError(
    `${subject.name} already has a feedback request ${active.state === "draft" ? "in draft" : "collecting answers"} (request ${active.id}, created ${active.createdAt.toISOString().slice(0, 10)}): close or cancel it before starting another`,
  );
}

/** What the manager should know before the request collects answers: who will not count, and why. */
async function raterWarnings(
  ctx: MemberContext,
  subjectId: string,
  raters: readonly RaterToInvite[],
  now: Date,
): Promise<RaterWarning[]> {
  const external = await judgeExternals(
    ctx.db,
    ctx.org.id,
    raters.map((r) => ({ ...r, externalApprovedById: null })),
  );
  const close = await closenessWarnings(
    ctx.db,
    { orgId: ctx.org.id, subjectId, instrumentVersion: CURRENT_INSTRUMENT_VERSION },
    raters,
    ctx.org.anonymityThreshold,
    now,
  );
  return [...external.warnings, ...close];
}

/**
 * Drops the subject (self is added automatically) and duplicates (an external's spellings of one
 * mailbox included); checks every colleague is active. Each rater keeps the index of its input line
 * for error messages.
 */
async function normaliseRaters(
  ctx: MemberContext,
  subjectId: string,
  raters: CreateRequestInput["raters"],
): Promise<Array<RaterToInvite & { index: number }>> {
  const personIds = raters.map((r) => r.personId).filter((id): id is string => Boolean(id));
  const known = new Map<string, { id: string; active: boolean }>();
  if (personIds.length > 0) {
    const rows = await ctx.db
      .select({ id: schema.people.id, active: schema.people.active })
      .from(schema.people)
      .where(and(eq(schema.people.orgId, ctx.org.id), inArray(schema.people.id, personIds)));
    for (const row of rows) known.set(row.id, row);
  }
  const seen = new Set<string>();
  const result: Array<RaterToInvite & { index: number }> = [];
  raters.forEach((rater, index) => {
    if (rater.personId === subjectId) return; // the subject rates as self, added on open
    if (rater.group === "self") {
      throw new InvalidInputError("Only the subject rates as self", {
        [`raters.${index}.group`]: "Choose peer, direct report, manager or other",
      });
    }
    if (rater.personId && !known.get(rater.personId)?.active) {
      throw new InvalidInputError("A rater is not an active person of your organisation", {
        [`raters.${index}.personId`]: "Pick someone from your organisation",
      });
    }
    const email = rater.email ? rater.email.trim().toLowerCase() : null;
    const key = rater.personId ?? `email:${mailboxOf(email ?? "")}`;
    if (seen.has(key)) return; // duplicates are ignored
    seen.add(key);
    result.push({
      personId: rater.personId ?? null,
      email: rater.personId ? null : email,
      group: rater.group,
      counts: true,
      index,
    });
  });
  return result;
}

async function openLocked(
  tx: Executor,
  ctx: MemberContext,
  request: FeedbackRequestRow,
  subjectName: string,
): Promise<RaterWarning[]> {
  const state = transition(request.state, "open");
  const approved = await approvedNominations(tx, request.id);
  // Whether each external counts is decided now, once, for the life of the request (rule 9).
  const { counts, warnings } = await judgeExternals(tx, ctx.org.id, approved);
  const raters: RaterToInvite[] = approved.map((r) => ({ ...r, counts: counts(r) }));
  // The threshold is the organisation's at the moment of opening, and never changes after.
  const threshold = ctx.org.anonymityThreshold;
  const anonymous = raters.filter((r) => isAnonymousGroup(r.group));
  checkAnonymousCount(
    anonymous.filter((r) => r.counts).length,
    threshold,
    anonymous.filter((r) => !r.counts).length,
  );
  const [opened] = await tx
    .update(schema.feedbackRequests)
    .set({ state, threshold, openedAt: new Date() })
    .where(eq(schema.feedbackRequests.id, request.id))
    .returning();
  if (!opened) throw new Error("request vanished while opening");
  await inviteRaters(tx, {
    request: opened,
    raters: [{ personId: request.subjectId, email: null, group: "self", counts: true }, ...raters],
    subjectName,
    appUrl: ctx.appUrl,
  });
  return warnings;
}

export async function openRequest(ctx: MemberContext, requestId: string) {
  return ctx.db.transaction(async (tx) => {
    const request = await loadRequest(tx, ctx.org.id, requestId, "update");
    await assertCanManage(ctx, request, tx);
    const subject = await loadPerson(tx, ctx.org.id, request.subjectId);
    const warnings = await openLocked(tx, ctx, request, subject.name);
    await audit(tx, ctx, "requests.open", { type: "feedback_request", id: request.id });
    return { state: "open" as const, warnings };
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
      counted: schema.invitations.counts,
      invited: sql<number>`count(*)::int`,
      submitted: sql<number>`(count(*) filter (where ${schema.invitations.state} = 'submitted'))::int`,
      declined: sql<number>`(count(*) filter (where ${schema.invitations.state} = 'declined'))::int`,
    })
    .from(schema.invitations)
    .where(inArray(schema.invitations.requestId, requestIds))
    .groupBy(schema.invitations.requestId, schema.invitations.group, schema.invitations.counts);
  const order: RaterGroup[] = ["self", "manager", "peer", "direct_report", "other"];
  rows.sort((a, b) => order.indexOf(a.group) - order.indexOf(b.group));
  for (const row of rows) {
    const list = result.get(row.requestId) ?? [];
    list.push({
      group: row.group,
      invited: row.invited,
      submitted: row.submitted,
      declined: row.declined,
      counted: row.counted,
    });
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
