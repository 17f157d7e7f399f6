// reports.get: one released report, figures from the frozen snapshot only, derived with the
// domain, plus the trend against the subject's earlier released reports that this reader may read
// too. Nothing here reads a single response; who may read is the access policy's, asked on every
// read with facts loaded in one query (over HTTP, a released report's facts may come from the
// recent cache: at most a minute old, forgotten at every change this process sees). What the reader is then shown is derived once per process
// and shape (cache.ts): the snapshots are frozen, so the same facts give the same report.
import { findReportReadFacts, findSnapshots } from "@fivefold/db";
import {
  deriveReport,
  type EarlierSnapshot,
  NotFoundError,
  PreconditionFailedError,
  parseSnapshot,
  type ReportView,
} from "@fivefold/domain";
import { readReportFromFacts } from "../access";
import type { MemberServiceContext } from "../context";
import { instrumentsOf } from "../instrument/versions";
import { RecentCache } from "../recent";
import { type ReportCacheKey, reportCache } from "./cache";
import { reportView } from "./view";

/** Why a request shows no report (yet): the sentences its reader is told. */
const NOT_RELEASED_YET = "This report is not released yet: reports appear once the request closes";
const TOO_CLOSE_TO_EARLIER =
  "This request closed without a report: its raters were nearly those of an earlier report, and comparing the two would have singled someone out";
const TOO_FEW_ANSWERED = "This request closed without a report: too few anonymous raters answered";

const iso = (at: Date | string) => new Date(at).toISOString();

type Facts = Awaited<ReturnType<typeof findReportReadFacts>>;
/** A released report's access facts per reader, over HTTP (services/recent.ts); still judged on every read. */
const recentFacts = new RecentCache<Facts>();

const factsKeyOf = (ctx: MemberServiceContext, requestId: string) =>
  `${ctx.org.id}:${requestId}:${ctx.person.id}`;

function readFacts(ctx: MemberServiceContext, requestId: string): Promise<Facts> {
  const load = () => findReportReadFacts(ctx.db, ctx.org.id, requestId, ctx.person.id);
  if (!ctx.recent) return load();
  // Only a released report's: one that is not yet may be released any moment.
  return recentFacts.get(factsKeyOf(ctx, requestId), load, (facts) => Boolean(facts?.releasedAt));
}

/**
 * The facts a read over HTTP was judged on, as the recent cache keys them (http/known-answers.ts):
 * a copy of its answer may be given again only while the cache still holds these very facts.
 */
export interface ReportReadBasis {
  readonly factsKey: string;
  readonly facts: NonNullable<Facts>;
}
const bases = new WeakMap<MemberServiceContext["memo"], ReportReadBasis>();

/** What the one `reports.get` of this request's context was judged on, once it answered. */
export function reportReadBasis(memo: MemberServiceContext["memo"]): ReportReadBasis | undefined {
  return bases.get(memo);
}

/** Whether a read now would judge the very facts `basis` holds (the same object, not just equal). */
export function judgesTheSame(basis: ReportReadBasis): boolean {
  return recentFacts.peek(basis.factsKey) === basis.facts;
}

export async function getReport({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { requestId: string };
}): Promise<ReportView> {
  const facts = await readFacts(ctx, input.requestId);
  if (!facts) throw new NotFoundError("Report");
  const { relation, readableEarlier } = readReportFromFacts(ctx, facts);
  if (!facts.releasedAt) {
    throw new PreconditionFailedError(
      facts.state !== "insufficient"
        ? NOT_RELEASED_YET
        : facts.insufficientReason === "too_close_to_earlier"
          ? TOO_CLOSE_TO_EARLIER
          : TOO_FEW_ANSWERED,
    );
  }
  const key: ReportCacheKey = {
    orgId: ctx.org.id,
    requestId: facts.requestId,
    subjectId: facts.subjectId,
    subjectName: facts.subjectName,
    releasedAt: iso(facts.releasedAt),
    relation,
    readableEarlier,
    defaultMode: facts.reportMode === "behaviours" ? "behaviours" : "scores",
  };
  let view = reportCache.get(key);
  if (!view) {
    view = await deriveView(ctx, key, facts.earlier);
    reportCache.set(key, view);
  }
  if (ctx.recent) bases.set(ctx.memo, { factsKey: factsKeyOf(ctx, input.requestId), facts });
  return view;
}

/** The report as this reader is shown it, from the snapshots (loaded only when not cached). */
async function deriveView(
  ctx: MemberServiceContext,
  key: ReportCacheKey,
  earlierFacts: ReadonlyArray<{ requestId: string; releasedAt: string }>,
): Promise<ReportView> {
  const snapshots = await findSnapshots(ctx.db, ctx.org.id, [key.requestId, ...key.readableEarlier]);
  const raw = snapshots.get(key.requestId);
  if (!raw) throw new NotFoundError("Report");
  const snapshot = parseSnapshot(raw, key.requestId);
  const readable = new Set(key.readableEarlier);
  const earlier: EarlierSnapshot[] = [];
  for (const report of earlierFacts) {
    const found = snapshots.get(report.requestId);
    if (!readable.has(report.requestId) || !found) continue;
    earlier.push({ releasedAt: iso(report.releasedAt), snapshot: parseSnapshot(found, report.requestId) });
  }
  // The questionnaire of every version these reports used (the organisation's own, or the built-in).
  const instrumentOf = await instrumentsOf(ctx, ctx.org.id, [
    snapshot.instrumentVersion,
    ...earlier.map((e) => e.snapshot.instrumentVersion),
  ]);
  return reportView({
    requestId: key.requestId,
    subjectId: key.subjectId,
    subjectName: key.subjectName,
    relation: key.relation,
    releasedAt: key.releasedAt,
    defaultMode: key.defaultMode,
    snapshot,
    derived: deriveReport(snapshot, { earlier, releasedAt: key.releasedAt, instrumentOf }),
    instrument: instrumentOf(snapshot.instrumentVersion),
  });
}
