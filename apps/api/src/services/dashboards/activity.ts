// What is moving in a team besides released figures: requests collecting answers (and how many
// have answered), how each member's last request closed, and each member's latest coaching plan
// with its check-ins.
import { countInvitationsOn, listCheckinTimesOn, listPlansOf, listRequestsAbout } from "@fivefold/db";
import { checkinTimeline, isoDay, type TeamPersonInput } from "@fivefold/domain";
import type { MemberServiceContext } from "../context";

export interface RequestActivity {
  /** Per person with a request collecting answers now, its deadline as the dashboard shows it. */
  collectingUntil: Map<string, string>;
  /** Per person, how their most recently closed request ended. */
  lastClosed: Map<string, "released" | "insufficient">;
  progress: { open: number; submitted: number; invited: number };
}

export async function requestActivity(
  ctx: MemberServiceContext,
  subjectIds: readonly string[],
): Promise<RequestActivity> {
  const requests = await listRequestsAbout(ctx.db, ctx.org.id, subjectIds);
  const open = requests.filter((r) => r.state === "open");
  const counts = await countInvitationsOn(
    ctx.db,
    ctx.org.id,
    open.map((r) => r.id),
  );
  const collectingUntil = new Map<string, string>();
  for (const r of open)
    if (!collectingUntil.has(r.subjectId)) collectingUntil.set(r.subjectId, isoDay(r.deadline));
  const lastClosed = new Map<string, "released" | "insufficient">();
  for (const r of requests) {
    if ((r.state === "released" || r.state === "insufficient") && !lastClosed.has(r.subjectId)) {
      lastClosed.set(r.subjectId, r.state);
    }
  }
  return { collectingUntil, lastClosed, progress: { open: open.length, ...counts } };
}

export interface PlanActivity {
  id: string;
  summary: NonNullable<TeamPersonInput["plan"]>;
}

/** Each member's latest plan: its state, progress, last check-in and whether one is overdue. */
export async function planActivity(
  ctx: MemberServiceContext,
  subjectIds: readonly string[],
  now: Date,
): Promise<Map<string, PlanActivity>> {
  const plans = await listPlansOf(ctx.db, ctx.org.id, subjectIds);
  const latest = new Map<string, (typeof plans)[number]>();
  for (const plan of plans) if (!latest.has(plan.subjectId)) latest.set(plan.subjectId, plan);
  const checkins = await listCheckinTimesOn(
    ctx.db,
    ctx.org.id,
    [...latest.values()].map((p) => p.id),
  );
  const activity = new Map<string, PlanActivity>();
  for (const [personId, plan] of latest) {
    const times = checkins.filter((c) => c.planId === plan.id).map((c) => c.createdAt);
    const lastCheckin = times.sort((a, b) => b.getTime() - a.getTime())[0] ?? null;
    const overdue =
      plan.state === "active" &&
      checkinTimeline({
        start: plan.startsOn,
        end: plan.endsOn,
        cadence: plan.cadence,
        checkins: times,
        now,
      }).some((due) => due.status === "overdue");
    activity.set(personId, {
      id: plan.id,
      summary: {
        state: plan.state,
        progress: plan.progress,
        lastCheckinAt: lastCheckin?.toISOString() ?? null,
        overdue,
        publishedAt: plan.publishedAt?.toISOString() ?? null,
      },
    });
  }
  return activity;
}
