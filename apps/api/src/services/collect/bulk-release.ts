// Releasing many requests in one pass (the deadline job, a cycle's release, a manager's close as a
// batch of one). The batch is read with a few set-based queries, then each request gets its own
// anonymity checks with the domain's aggregation exactly as alone (its own k, invitations, rule 10
// history), then everything is written with one statement per table. The caller's transaction
// holds every request's row lock; a request whose envelopes do not open, or whose aggregation
// throws, is left out (nothing is written for it) and reported, and the others go on.
import {
  countInvitationsByGroupOf,
  discardSealedStorageOf,
  findCountedAnswerersOf,
  findEarlierReportsOf,
  findPeopleContactsOf,
  findReleaseSettingsOf,
  insertOutboxMails,
  insertReleasedResponsesOf,
  insertReportSnapshots,
  listSealedEnvelopeSlicesOf,
  listUnreleasedResponsesOf,
  markRequestsClosed,
  type ReleasedResponse,
} from "@fivefold/db";
import {
  aggregate,
  type EarlierReport,
  type Instrument,
  type RaterGroup,
  type RaterResponse,
  releasePolicy,
  reportSnapshotSchema,
  shiftDays,
  transition,
} from "@fivefold/domain";
import { type LanguageOf, mailLanguagesOf } from "../../mail/i18n";
import { routeToChat } from "../../mail/outbox";
import { reportReleasedMail } from "../../mail/templates";
import { nowOf, type ServiceContext } from "../context";
import { instrumentsOf } from "../instrument/versions";
import type { FeedbackRequestRow } from "./access";
import { releasedRows } from "./envelopes";
import { answeredByRequest } from "./history";
import { groupBy, openBatch } from "./open-batch";
import { commentPhrases } from "./phrases";
import { ENVELOPE_HEAD_BYTES } from "./sealing";

export type CloseOutcome = "released" | "insufficient";
type Aggregated = ReturnType<typeof aggregate>;

export interface BatchResult {
  done: Array<{ requestId: string; outcome: CloseOutcome }>;
  failed: Array<{ requestId: string; error: unknown }>;
}

/**
 * Everything the batch's aggregations need, in eight queries whatever the batch's size (and one
 * per organisation whose own instrument versions a request uses).
 */
async function readBatch(ctx: ServiceContext, requests: readonly FeedbackRequestRow[], now: Date) {
  const orgIds = [...new Set(requests.map((r) => r.orgId))];
  const [envelopes, clearText, invited, settings] = await Promise.all([
    listSealedEnvelopeSlicesOf(ctx.db, requests, ENVELOPE_HEAD_BYTES),
    listUnreleasedResponsesOf(ctx.db, requests),
    countInvitationsByGroupOf(ctx.db, requests),
    findReleaseSettingsOf(ctx.db, orgIds),
  ]);
  const settingsOf = new Map(settings.map((s) => [s.id, s]));
  const windowed = requests.filter((r) => (settingsOf.get(r.orgId)?.historyWindowDays ?? 0) > 0);
  const longest = Math.max(0, ...windowed.map((r) => settingsOf.get(r.orgId)?.historyWindowDays ?? 0));
  const earlier = await findEarlierReportsOf(ctx.db, {
    orgIds,
    subjectIds: windowed.map((r) => r.subjectId),
    since: shiftDays(now, -longest),
  });
  const answerers = await findCountedAnswerersOf(ctx.db, [
    ...requests,
    ...earlier.map((e) => ({ id: e.requestId, orgId: e.orgId })),
  ]);
  // Each request is aggregated on the version it froze, its organisation's own or the built-in one.
  const instruments = new Map<string, (version: number) => Instrument>();
  for (const [orgId, ofOrg] of groupBy(requests, (r) => r.orgId)) {
    instruments.set(
      orgId,
      await instrumentsOf(
        ctx,
        orgId,
        ofOrg.map((r) => r.instrumentVersion),
      ),
    );
  }
  return {
    instrumentOf: (request: FeedbackRequestRow) =>
      (instruments.get(request.orgId) as (version: number) => Instrument)(request.instrumentVersion),
    slices: groupBy(envelopes, (e) => e.requestId),
    clearText: groupBy(clearText, (r) => r.requestId),
    invited: groupBy(invited, (r) => r.requestId),
    settingsOf,
    earlierBySubject: groupBy(earlier, (e) => `${e.orgId}:${e.subjectId}`),
    answeredBy: answeredByRequest(answerers),
  };
}

type BatchFacts = Awaited<ReturnType<typeof readBatch>>;

/** Rule 10: the subject's earlier reports in the organisation's window, as `loadHistory` gives them. */
function historyOf(facts: BatchFacts, request: FeedbackRequestRow, now: Date) {
  const days = facts.settingsOf.get(request.orgId)?.historyWindowDays ?? 0;
  const since = shiftDays(now, -days).getTime();
  const reports =
    days === 0
      ? []
      : (facts.earlierBySubject.get(`${request.orgId}:${request.subjectId}`) ?? []).filter(
          (report) =>
            // Whatever its version: kept keys are the same questions (issue 19).
            report.requestId !== request.id && report.releasedAt.getTime() >= since,
        );
  const earlier: EarlierReport[] = reports.map((report) => ({
    snapshot: reportSnapshotSchema.parse(report.snapshot),
    answeredBy: facts.answeredBy.get(report.requestId) ?? {},
  }));
  return { answeredBy: facts.answeredBy.get(request.id) ?? {}, earlier };
}

/** One request's report, or why there is none: the same inputs a release of it alone would use. */
function aggregateOne(
  facts: BatchFacts,
  request: FeedbackRequestRow,
  responses: RaterResponse[],
  now: Date,
): { responses: RaterResponse[]; result: Aggregated } {
  // A request held by its cycle is already closed: it goes straight to its report.
  if (request.state !== "closed") transition(request.state, "close");
  // Only raters who count (rule 9) are the report's; the others are said to be there, and no more.
  const invited: Partial<Record<RaterGroup, number>> = {};
  let notCounted = 0;
  for (const row of facts.invited.get(request.id) ?? []) {
    if (row.counted) invited[row.group] = (invited[row.group] ?? 0) + row.n;
    else notCounted += row.n;
  }
  // The organisation's current comment threshold and manager display (k stays the frozen one).
  const org = facts.settingsOf.get(request.orgId);
  if (!org) throw new Error("the request's organisation is gone");
  const result = aggregate({
    instrument: facts.instrumentOf(request),
    responses,
    threshold: request.threshold,
    invited,
    notCounted,
    seed: request.id,
    policy: releasePolicy(org, request.threshold),
    history: historyOf(facts, request, now),
    // Themes are read from the shown comments now and frozen with the rest (issue 19).
    phrases: commentPhrases,
  });
  transition("closed", result.status === "released" ? "release" : "insufficient");
  return { responses, result };
}

/**
 * Releases (or closes as insufficient) every request given, which the caller's transaction holds
 * FOR UPDATE, open or held closed by its cycle, with one subject at most once. The context's clock
 * is the moment of closing.
 */
export async function releaseLockedBatch(
  ctx: ServiceContext,
  requests: readonly FeedbackRequestRow[],
): Promise<BatchResult> {
  const now = nowOf(ctx);
  const facts = await readBatch(ctx, requests, now);
  const opened = await openBatch(ctx, requests, { slices: facts.slices, clearText: facts.clearText });
  const done: Array<{ request: FeedbackRequestRow; responses: RaterResponse[]; result: Aggregated }> = [];
  const failed: BatchResult["failed"] = [];
  for (const request of requests) {
    try {
      const responses = opened.get(request.id);
      if (responses instanceof Error) throw responses;
      done.push({ request, ...aggregateOne(facts, request, responses ?? [], now) });
    } catch (error) {
      failed.push({ requestId: request.id, error });
    }
  }
  await writeBatch(ctx, done, now);
  return {
    done: done.map(({ request, result }) => ({ requestId: request.id, outcome: result.status })),
    failed,
  };
}

async function writeBatch(
  ctx: ServiceContext,
  done: ReadonlyArray<{ request: FeedbackRequestRow; responses: RaterResponse[]; result: Aggregated }>,
  now: Date,
): Promise<void> {
  if (done.length === 0) return;
  const released = done.filter((d) => d.result.status === "released");
  // The envelopes go either way; only a released report has its answers written out, once.
  await discardSealedStorageOf(
    ctx.db,
    done.map((d) => d.request),
  );
  const rows: ReleasedResponse[] = released.flatMap((d) => releasedRows(d.request, d.responses, now));
  await insertReleasedResponsesOf(ctx.db, rows);
  await insertReportSnapshots(
    ctx.db,
    released.map(({ request, result }) => ({
      requestId: request.id,
      orgId: request.orgId,
      snapshot: (result.status === "released" ? result.snapshot : {}) as unknown as Record<string, unknown>,
      instrumentVersion: request.instrumentVersion,
      releasedAt: now,
    })),
  );
  await markRequestsClosed(
    ctx.db,
    done.map(({ request, result }) => ({
      id: request.id,
      orgId: request.orgId,
      state: result.status,
      insufficientReason: result.status === "insufficient" ? result.reason : null,
    })),
    now,
  );
  await tellSubjectsAndRequesters(ctx, done);
}

/** The subject and the requester of each request hear that the report is out, or why there is none. */
async function tellSubjectsAndRequesters(
  ctx: ServiceContext,
  done: ReadonlyArray<{ request: FeedbackRequestRow; result: Aggregated }>,
): Promise<void> {
  const people = await findPeopleContactsOf(
    ctx.db,
    [...new Set(done.map((d) => d.request.orgId))],
    done.flatMap((d) => [d.request.subjectId, d.request.requesterId]),
  );
  const personOf = new Map(people.map((p) => [`${p.orgId}:${p.id}`, p]));
  const languagesOf = new Map<string, LanguageOf>();
  for (const orgId of new Set(people.map((p) => p.orgId))) {
    const addresses = people.filter((p) => p.orgId === orgId).map((p) => p.email);
    languagesOf.set(orgId, await mailLanguagesOf(ctx.db, orgId, addresses));
  }
  const mails = done.flatMap(({ request, result }) => {
    const released = result.status === "released";
    const subject = personOf.get(`${request.orgId}:${request.subjectId}`);
    const ids = [...new Set([request.subjectId, request.requesterId])];
    return ids.flatMap((id) => {
      const person = personOf.get(`${request.orgId}:${id}`);
      if (!person) return [];
      const mail = reportReleasedMail({
        language: languagesOf.get(request.orgId)?.(person.email) ?? "en",
        subjectName: subject?.name ?? null,
        isSubject: person.id === request.subjectId,
        released,
        ...(result.status === "insufficient" ? { reason: result.reason } : {}),
        link: `${ctx.appUrl}/reports/${request.id}`,
      });
      return [
        {
          orgId: request.orgId,
          template: released ? "report_released" : "request_insufficient",
          toEmail: person.email,
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          meta: { requestId: request.id },
        },
      ];
    });
  });
  const ids = await insertOutboxMails(ctx.db, mails);
  await routeToChat(
    ctx.db,
    mails.map((mail, i) => ({ id: ids[i] as string, template: mail.template })),
  );
}
