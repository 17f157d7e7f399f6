// reports.list: the released reports the caller may read, newest first: their own, those they
// requested, their coachees' and, for admins where the organisation allows it, everyone's; never
// one they rated anonymously. The policy decides each; the query only narrows the candidates.
import { listReleasedReports } from "@fivefold/db";
import type { ReportListEntry } from "@fivefold/domain";
import { readableReports, readerScope } from "../access";
import type { MemberServiceContext } from "../context";

export async function listReports({ ctx }: { ctx: MemberServiceContext }): Promise<ReportListEntry[]> {
  const me = ctx.person.id;
  const scope = await readerScope(ctx);
  // The coachees are readerScope's (the coach role's): the query finds their reports itself.
  const candidates = await listReleasedReports(
    ctx.db,
    ctx.org.id,
    scope.everyone
      ? { everything: true }
      : { everything: false, readerId: me, asCoach: ctx.roles.includes("coach") },
  );
  const readable = await readableReports(ctx, candidates, scope.coachees);
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
