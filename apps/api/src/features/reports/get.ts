// The released report: figures from the frozen snapshot only, derived with the domain, plus the
// trend against the subject's earlier released reports. Nothing here reads a single response.
import { type Executor, schema } from "@fivefold/db";
import {
  deriveReport,
  getInstrument,
  NotFoundError,
  PreconditionFailedError,
  type ReportSnapshot,
  reportSnapshotSchema,
} from "@fivefold/domain";
import { and, asc, eq, lt, notExists } from "drizzle-orm";
import type { MemberContext } from "../../trpc/context";
import { anonymousInvitation, readerRelation } from "./access";

async function loadReleased(db: Executor, orgId: string, requestId: string) {
  const [row] = await db
    .select({
      requestId: schema.feedbackRequests.id,
      state: schema.feedbackRequests.state,
      insufficientReason: schema.feedbackRequests.insufficientReason,
      subjectId: schema.feedbackRequests.subjectId,
      requesterId: schema.feedbackRequests.requesterId,
      subjectName: schema.people.name,
      snapshot: schema.reportSnapshots.snapshot,
      releasedAt: schema.reportSnapshots.releasedAt,
    })
    .from(schema.feedbackRequests)
    .innerJoin(schema.people, eq(schema.people.id, schema.feedbackRequests.subjectId))
    .leftJoin(schema.reportSnapshots, eq(schema.reportSnapshots.requestId, schema.feedbackRequests.id))
    .where(and(eq(schema.feedbackRequests.id, requestId), eq(schema.feedbackRequests.orgId, orgId)));
  if (!row) throw new NotFoundError("Report");
  return row;
}

export async function earlierSnapshots(
  db: Executor,
  orgId: string,
  subjectId: string,
  before: Date,
  /** Only reports this person requested (a requester reads only their own requests' reports). */
  requestedBy?: string,
  /** Leave out reports this person rated anonymously (a coach's or an admin's view). */
  notRatedBy?: string,
) {
  const rows = await db
    .select({ snapshot: schema.reportSnapshots.snapshot, releasedAt: schema.reportSnapshots.releasedAt })
    .from(schema.reportSnapshots)
    .innerJoin(schema.feedbackRequests, eq(schema.feedbackRequests.id, schema.reportSnapshots.requestId))
    .where(
      and(
        eq(schema.reportSnapshots.orgId, orgId),
        eq(schema.feedbackRequests.subjectId, subjectId),
        lt(schema.reportSnapshots.releasedAt, before),
        requestedBy ? eq(schema.feedbackRequests.requesterId, requestedBy) : undefined,
        notRatedBy ? notExists(anonymousInvitation(db, schema.feedbackRequests.id, notRatedBy)) : undefined,
      ),
    )
    .orderBy(asc(schema.reportSnapshots.releasedAt));
  return rows.map((r) => ({ releasedAt: r.releasedAt.toISOString(), snapshot: parseSnapshot(r.snapshot) }));
}

export function parseSnapshot(json: unknown): ReportSnapshot {
  return reportSnapshotSchema.parse(json);
}

export async function getReport(ctx: MemberContext, requestId: string) {
  const row = await loadReleased(ctx.db, ctx.org.id, requestId);
  const relation = await readerRelation(ctx, row);
  if (!row.snapshot || !row.releasedAt) {
    throw new PreconditionFailedError(
      row.state === "insufficient"
        ? row.insufficientReason === "too_close_to_earlier"
          ? "This request closed without a report: its raters were nearly those of an earlier report, and comparing the two would have singled someone out"
          : "This request closed without a report: too few anonymous raters answered"
        : "This report is not released yet: reports appear once the request closes",
    );
  }
  const snapshot = parseSnapshot(row.snapshot);
  const releasedAt = row.releasedAt.toISOString();
  // The trend uses earlier reports the reader may read too: all for the subject, coaches and
  // admins; for a requester, only the reports they requested.
  const earlier = await earlierSnapshots(
    ctx.db,
    ctx.org.id,
    row.subjectId,
    row.releasedAt,
    relation === "requester" ? ctx.person.id : undefined,
    relation === "coach" || relation === "admin" ? ctx.person.id : undefined,
  );
  const derived = deriveReport(snapshot, { earlier, releasedAt });
  const instrument = getInstrument(snapshot.instrumentVersion);
  const itemText = new Map(instrument.dimensions.flatMap((d) => d.items.map((item) => [item.id, item.text])));
  const names = new Map(instrument.dimensions.map((d) => [d.key, d.name]));

  return {
    requestId: row.requestId,
    subject: { id: row.subjectId, name: row.subjectName },
    relation,
    releasedAt,
    instrumentVersion: snapshot.instrumentVersion,
    threshold: snapshot.threshold,
    /** Invited raters who did not count towards anonymity (rule 9), and are not in any figure. */
    notCounted: snapshot.notCounted ?? 0,
    groups: snapshot.groups.map((g) => ({
      group: g.group,
      label: g.label,
      identifiable: g.identifiable,
      invited: g.invited,
      // Reports released before snapshots left it out: a pooled-away group's count stays unsaid.
      answered: g.shown || g.identifiable ? g.answered : null,
      shown: g.shown,
      ...(g.pooledFrom ? { pooledFrom: g.pooledFrom } : {}),
    })),
    dimensions: snapshot.dimensions.map((d) => ({
      key: d.key,
      name: names.get(d.key) ?? d.key,
      others: d.others,
      self: d.self,
      manager: d.manager,
      groups: d.groups,
      items: d.items.map((item) => ({ ...item, text: itemText.get(item.id) ?? item.id })),
    })),
    profile: derived.profile,
    gaps: derived.gaps,
    blindSpots: derived.blindSpots,
    hiddenStrengths: derived.hiddenStrengths,
    highest: derived.highest,
    lowest: derived.lowest,
    spectrum: derived.spectrum,
    comments: snapshot.comments.map((c) => ({ ...c, date: releasedAt.slice(0, 10) })),
    identifiedComments: snapshot.identifiedComments.map((c) => ({ ...c, date: releasedAt.slice(0, 10) })),
    trend: derived.trend,
  };
}
