// Creating a feedback request (and, unless asked otherwise, opening it): the subject and raters are
// checked against rules 9 and 10 before anything is written; the writes happen in one transaction.
import {
  findActiveRequestOnSubject,
  findPeopleActivity,
  insertNominations,
  insertRequest,
  isUniqueViolation,
} from "@fivefold/db";
import {
  ConflictError,
  type CreateRequestInput,
  checkDeadline,
  ForbiddenError,
  InvalidInputError,
  isoDay,
  mailboxOf,
  mayRequestFeedback,
  type RaterWarning,
} from "@fivefold/domain";
import { audit } from "../audit/record";
import { type MemberServiceContext, nowOf, type ServiceContext, withTransaction } from "../context";
import { currentInstrumentVersion } from "../instrument/versions";
import { assertNotAnonymousReader, loadPerson, type PersonRow, readersOf } from "./access";
import { assertExternalsUncontrolled, judgeExternals } from "./externals";
import { closenessWarnings } from "./history";
import type { RaterToInvite } from "./invite";
import { openLocked } from "./lifecycle";

const ONE_ACTIVE_PER_SUBJECT = "feedback_requests_one_active_per_subject";

type NormalisedRater = RaterToInvite & { index: number };

export async function createRequest({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: CreateRequestInput;
}) {
  const now = nowOf(ctx);
  checkDeadline(input.deadline, now);
  const subject = await loadSubject(ctx, input.subjectId);
  const raters = await normaliseRaters(ctx, subject.id, input.raters);
  await assertRatersAllowed(ctx, subject, raters, input);
  await assertNoActiveRequest(ctx, subject);
  const instrumentVersion = await currentInstrumentVersion(ctx, ctx.org.id);
  const warnings = await raterWarnings(ctx, subject.id, raters, now);
  try {
    return await withTransaction(ctx, async (ctx) => {
      const request = await insertRequest(ctx.db, {
        orgId: ctx.org.id,
        subjectId: subject.id,
        requesterId: ctx.person.id,
        deadline: input.deadline,
        threshold: ctx.org.anonymityThreshold,
        instrumentVersion,
      });
      await insertNominations(
        ctx.db,
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
      if (input.open !== false) await openLocked(ctx, request, subject.name);
      await audit(
        ctx.db,
        ctx,
        "requests.create",
        { type: "feedback_request", id: request.id },
        { subjectId: subject.id, raters: raters.length, opened: input.open !== false },
      );
      return { id: request.id, warnings };
    });
  } catch (error) {
    // Two managers creating at once: the unique index lets one through.
    if (isUniqueViolation(error, ONE_ACTIVE_PER_SUBJECT)) await assertNoActiveRequest(ctx, subject);
    throw error;
  }
}

/** The subject: active, and someone the caller may request feedback for. */
async function loadSubject(ctx: MemberServiceContext, subjectId: string): Promise<PersonRow> {
  const subject = await loadPerson(ctx, ctx.org.id, subjectId);
  if (!subject.active) throw new InvalidInputError("This person is no longer active");
  if (!mayRequestFeedback({ personId: ctx.person.id, roles: ctx.roles }, subject)) {
    throw new ForbiddenError(
      subject.id === ctx.person.id
        ? "Only managers start a 360 on themselves; ask your manager to request feedback for you"
        : "You can request feedback for your direct reports, or for yourself as a manager",
    );
  }
  return subject;
}

/** Rule 9: no reader of the report rates anonymously, and no external address reaches one. */
async function assertRatersAllowed(
  ctx: MemberServiceContext,
  subject: PersonRow,
  raters: readonly NormalisedRater[],
  input: CreateRequestInput,
): Promise<void> {
  const readers = await readersOf(ctx, ctx.org.id, { requesterId: ctx.person.id }, subject);
  for (const rater of raters) assertNotAnonymousReader(readers, rater, `raters.${rater.index}.group`);
  await assertExternalsUncontrolled(
    ctx,
    ctx.org.id,
    readers,
    // Named as typed, so the manager recognises the address in the message.
    raters.flatMap((r) =>
      r.email
        ? [{ email: input.raters[r.index]?.email?.trim() ?? r.email, field: `raters.${r.index}.email` }]
        : [],
    ),
  );
}

/**
 * At most one request per subject is a draft or collects answers (rule 10): two running side by
 * side, with raters one person apart, would give that person's answers by subtraction.
 */
async function assertNoActiveRequest(ctx: MemberServiceContext, subject: PersonRow): Promise<void> {
  const active = await findActiveRequestOnSubject(ctx.db, ctx.org.id, subject.id);
  if (!active) return;
  throw new ConflictError(
    `${subject.name} already has a feedback request ${active.state === "draft" ? "in draft" : "collecting answers"} (request ${active.id}, created ${isoDay(active.createdAt)}): close or cancel it before starting another`,
  );
}

/** What the manager should know before the request collects answers: who will not count, and why. */
async function raterWarnings(
  ctx: MemberServiceContext,
  subjectId: string,
  raters: readonly RaterToInvite[],
  now: Date,
): Promise<RaterWarning[]> {
  const external = await judgeExternals(
    ctx,
    ctx.org.id,
    raters.map((r) => ({ ...r, externalApprovedById: null })),
  );
  const close = await closenessWarnings(
    ctx,
    { orgId: ctx.org.id, subjectId },
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
  ctx: ServiceContext & { org: { id: string } },
  subjectId: string,
  raters: CreateRequestInput["raters"],
): Promise<NormalisedRater[]> {
  const personIds = raters.map((r) => r.personId).filter((id): id is string => Boolean(id));
  const known = new Map(
    (await findPeopleActivity(ctx.db, ctx.org.id, personIds)).map((row) => [row.id, row]),
  );
  const seen = new Set<string>();
  const result: NormalisedRater[] = [];
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
