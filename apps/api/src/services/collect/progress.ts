// What a manager watches while a request collects answers: counts per group, never names (rule 8),
// for one request or for the list of requests the caller manages or is the subject of.
import { countInvitationProgress, countPendingNominations, listRequestsInvolving } from "@fivefold/db";
import { type GroupProgressCounts, progressLines, type RaterGroup } from "@fivefold/domain";
import type { MemberServiceContext } from "../context";
import { assertCanManage, loadRequest } from "./access";

const GROUP_ORDER: RaterGroup[] = ["self", "manager", "peer", "direct_report", "other"];

export async function requestProgress({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { requestId: string };
}) {
  const request = await loadRequest(ctx, ctx.org.id, input.requestId);
  await assertCanManage(ctx, request);
  const counts = await progressByGroup(ctx, [request.id]);
  return { state: request.state, groups: progressLines(counts.get(request.id) ?? [], request.threshold) };
}

/** Counts per group, never names: who answered stays unknown to everyone. */
async function progressByGroup(
  ctx: MemberServiceContext,
  requestIds: string[],
): Promise<Map<string, GroupProgressCounts[]>> {
  const result = new Map<string, GroupProgressCounts[]>();
  const rows = await countInvitationProgress(ctx.db, ctx.org.id, requestIds);
  rows.sort((a, b) => GROUP_ORDER.indexOf(a.group) - GROUP_ORDER.indexOf(b.group));
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

/**
 * Requests I manage (those I requested or whose subject reports to me; an admin manages every one
 * listed) and those about me. Progress counts only for those I manage.
 */
export async function listRequests({ ctx }: { ctx: MemberServiceContext }) {
  const rows = await listRequestsInvolving(ctx.db, ctx.org.id, ctx.person.id);
  const managed = rows.filter(
    (r) =>
      r.requesterId === ctx.person.id || r.subjectManagerId === ctx.person.id || ctx.roles.includes("admin"),
  );
  const managedIds = managed.map((r) => r.id);
  const progress = await progressByGroup(ctx, managedIds);
  const pending = await countPendingNominations(ctx.db, ctx.org.id, managedIds);
  return rows.map((r) => {
    const manages = managed.includes(r);
    return {
      id: r.id,
      subject: { id: r.subjectId, name: r.subjectName },
      state: r.state,
      deadline: r.deadline.toISOString(),
      createdAt: r.createdAt.toISOString(),
      closedAt: r.closedAt?.toISOString() ?? null,
      cycleId: r.cycleId,
      role: manages ? ("manager" as const) : ("subject" as const),
      groups: manages ? progressLines(progress.get(r.id) ?? [], r.threshold) : null,
      pendingNominations: manages ? (pending.get(r.id) ?? 0) : null,
    };
  });
}
