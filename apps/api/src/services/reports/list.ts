// reports.list: the released reports the caller may read, newest first: their own, those they
// requested, their coachees' and, for admins where the organisation allows it, everyone's; never
// one they rated anonymously. The policy decides each; the query only narrows the candidates. For
// a reader who does not read everyone's, one prepared statement loads the candidates with the facts
// the policy judges them by.
import { listReleasedReports, listReleasedReportsForReader } from "@fivefold/db";
import type { ReportListEntry, ReportRelation } from "@fivefold/domain";
import { readableReports, readableReportsFromFacts, readerScope } from "../access";
import type { MemberServiceContext } from "../context";
import { RecentCache } from "../recent";

type Candidate = { requestId: string; subjectId: string; subjectName: string; releasedAt: Date };

/** Every report of the organisation, for an admin where admins read reports; or null for anyone else. */
async function everyoneReadable(ctx: MemberServiceContext) {
  if (!ctx.roles.includes("admin")) return null;
  const scope = await readerScope(ctx);
  if (!scope.everyone) return null;
  const candidates = await listReleasedReports(ctx.db, ctx.org.id);
  return { candidates, readable: await readableReports(ctx, candidates, scope.coachees) };
}

type ReaderRows = Awaited<ReturnType<typeof listReleasedReportsForReader>>;

/**
 * A reader's candidates with their facts, over HTTP (services/recent.ts): at most 60 s old,
 * forgotten at any change, still judged on every read. Bounded well below the default: a coach of
 * 62 teams has 912 reports in one entry.
 */
const recentCandidates = new RecentCache<ReaderRows>(200);

/** The reports about the reader, requested by them or about their coachees, judged on their facts. */
async function ownReadable(ctx: MemberServiceContext) {
  const coach = ctx.roles.includes("coach");
  const load = () => listReleasedReportsForReader(ctx.db, ctx.org.id, { id: ctx.person.id, coach });
  const key = `${ctx.org.id}:${ctx.person.id}:${coach}`;
  const candidates = ctx.recent ? await recentCandidates.get(key, load, () => true) : await load();
  const coachees = new Set(candidates.filter((c) => c.coachLinked).map((c) => c.subjectId));
  // Not an admin who reads everyone's: the organisation's setting grants this reader nothing.
  return {
    candidates,
    readable: readableReportsFromFacts(ctx, candidates, { coachees, adminsReadReports: false }),
  };
}

export async function listReports({ ctx }: { ctx: MemberServiceContext }): Promise<ReportListEntry[]> {
  const { candidates, readable }: { candidates: Candidate[]; readable: Map<string, ReportRelation> } =
    (await everyoneReadable(ctx)) ?? (await ownReadable(ctx));
  return candidates.flatMap((row) => {
    const relation = readable.get(row.requestId);
    if (!relation) return [];
    return [
      {
        requestId: row.requestId,
        subject: { id: row.subjectId, name: row.subjectName },
        releasedAt: row.releasedAt.toISOString(),
        relation,
      },
    ];
  });
}
