// What is moving in a team besides released figures: requests collecting answers (and how many
// have answered), how each member's last request closed, and each member's latest coaching plan
// with its check-ins. From the facts the dashboard's one query loads with the members.
import type { TeamMemberFacts } from "@fivefold/db";
import { checkinTimeline, isoDay, type TeamPersonInput } from "@fivefold/domain";

export interface RequestActivity {
  /** Per person with a request collecting answers now, its deadline as the dashboard shows it. */
  collectingUntil: Map<string, string>;
  /** Per person, how their most recently closed request ended. */
  lastClosed: Map<string, "released" | "insufficient">;
  progress: { open: number; submitted: number; invited: number };
}

export function requestActivity(members: readonly TeamMemberFacts[]): RequestActivity {
  const collectingUntil = new Map<string, string>();
  const lastClosed = new Map<string, "released" | "insufficient">();
  const progress = { open: 0, invited: 0, submitted: 0 };
  for (const m of members) {
    if (m.collectingUntil !== null) collectingUntil.set(m.id, isoDay(new Date(m.collectingUntil)));
    if (m.lastClosed !== null) lastClosed.set(m.id, m.lastClosed);
    const [open, invited, submitted] = m.open;
    progress.open += open;
    progress.invited += invited;
    progress.submitted += submitted;
  }
  return { collectingUntil, lastClosed, progress };
}

export interface PlanActivity {
  id: string;
  summary: NonNullable<TeamPersonInput["plan"]>;
}

/** Each member's latest plan: its state, progress, last check-in and whether one is overdue. */
export function planActivity(members: readonly TeamMemberFacts[], now: Date): Map<string, PlanActivity> {
  const activity = new Map<string, PlanActivity>();
  for (const { id: personId, plan } of members) {
    if (!plan) continue;
    const times = plan.checkins.map((at) => new Date(at));
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
        publishedAt: plan.publishedAt ? new Date(plan.publishedAt).toISOString() : null,
      },
    });
  }
  return activity;
}
