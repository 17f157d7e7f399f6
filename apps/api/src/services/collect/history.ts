// Rule 10 at the API: the subject's earlier released reports within the organisation's comparison
// window, with who answered each (invitation facts only, never answers), for the release to compare
// against; and the warning a manager gets when the raters they nominate are close to an earlier set.
import { findAnonymitySettings, findCountedAnswerers, findEarlierReports } from "@fivefold/db";
import {
  ANONYMOUS_GROUPS,
  type AnonymousGroup,
  type AnsweredBy,
  closeToEarlierWarning,
  type EarlierReport,
  isAnonymousGroup,
  isoDay,
  mailboxOf,
  mayDifferByFew,
  type RaterGroup,
  type RaterWarning,
  reportSnapshotSchema,
  shiftDays,
} from "@fivefold/domain";
import type { ServiceContext } from "../context";

/** History needs the database (or the transaction) only. */
type DbContext = Pick<ServiceContext, "db">;

/** One rater across requests: the person, or the mailbox of an external. */
export function raterKey(rater: { personId: string | null; email: string | null }): string {
  return rater.personId ?? `email:${mailboxOf(rater.email ?? "")}`;
}

export type Answerer = {
  requestId: string;
  group: RaterGroup;
  personId: string | null;
  email: string | null;
};

export function answeredByRequest(
  rows: readonly Answerer[],
): Map<string, Partial<Record<AnonymousGroup, string[]>>> {
  const result = new Map<string, Partial<Record<AnonymousGroup, string[]>>>();
  for (const row of rows) {
    if (!isAnonymousGroup(row.group)) continue;
    const sets = result.get(row.requestId) ?? {};
    sets[row.group] = [...(sets[row.group] ?? []), raterKey(row)];
    result.set(row.requestId, sets);
  }
  return result;
}

async function earlierReports(
  ctx: DbContext,
  subject: { orgId: string; subjectId: string; exceptRequestId?: string },
  now: Date,
) {
  const settings = await findAnonymitySettings(ctx.db, subject.orgId);
  const days = settings?.historyWindowDays ?? 0;
  if (days === 0) return [];
  return findEarlierReports(ctx.db, { ...subject, since: shiftDays(now, -days) });
}

/** What a release compares against: this request's answerers and the earlier reports' (rule 10). */
export async function loadHistory(
  ctx: DbContext,
  request: { id: string; orgId: string; subjectId: string },
  now: Date,
): Promise<{ answeredBy: AnsweredBy; earlier: EarlierReport[] }> {
  const reports = await earlierReports(
    ctx,
    {
      orgId: request.orgId,
      subjectId: request.subjectId,
      exceptRequestId: request.id,
    },
    now,
  );
  const answerers = answeredByRequest(
    await findCountedAnswerers(ctx.db, request.orgId, [request.id, ...reports.map((r) => r.requestId)]),
  );
  return {
    answeredBy: answerers.get(request.id) ?? {},
    earlier: reports.map((report) => ({
      snapshot: reportSnapshotSchema.parse(report.snapshot),
      answeredBy: answerers.get(report.requestId) ?? {},
    })),
  };
}

/**
 * A warning when the anonymous raters nominated differ from those who answered an earlier report on
 * the subject, in one group or all together, by 1 … k − 1 people: the release would hide what they
 * share, so the manager can change the set first.
 */
export async function closenessWarnings(
  ctx: DbContext,
  subject: { orgId: string; subjectId: string },
  nominees: readonly { personId: string | null; email: string | null; group: RaterGroup }[],
  threshold: number,
  now: Date,
): Promise<RaterWarning[]> {
  const reports = await earlierReports(ctx, subject, now);
  if (reports.length === 0) return [];
  const answerers = answeredByRequest(
    await findCountedAnswerers(
      ctx.db,
      subject.orgId,
      reports.map((r) => r.requestId),
    ),
  );
  const nominated: Partial<Record<AnonymousGroup, string[]>> = {};
  for (const nominee of nominees) {
    if (!isAnonymousGroup(nominee.group)) continue;
    nominated[nominee.group] = [...(nominated[nominee.group] ?? []), raterKey(nominee)];
  }
  const close = (mine: readonly string[], theirs: readonly string[]) =>
    theirs.length > 0 &&
    mayDifferByFew(
      { raters: new Set(mine), n: mine.length },
      { raters: new Set(theirs), n: theirs.length },
      threshold,
    );
  const warnings: RaterWarning[] = [];
  for (const report of reports) {
    const earlier = answerers.get(report.requestId) ?? {};
    const all = (sets: Partial<Record<AnonymousGroup, string[]>>) =>
      ANONYMOUS_GROUPS.flatMap((g) => sets[g] ?? []);
    const groups = ANONYMOUS_GROUPS.filter((group) => close(nominated[group] ?? [], earlier[group] ?? []));
    if (groups.length === 0 && !close(all(nominated), all(earlier))) continue;
    warnings.push(closeToEarlierWarning({ groups, threshold, releasedOn: isoDay(report.releasedAt) }));
  }
  return warnings;
}
