// Which check-ins of a plan's schedule were made, which are due or overdue, and which reminders
// that calls for. Each check-in counts once, for the earliest due day whose window holds it: from
// the day after the previous due day (the start, for the first) to the end of the grace period.
import { addDays, isoDay } from "../dates";
import type { Cadence } from "./schedule";
import { checkinSchedule, isCheckinOverdue } from "./schedule";

export const DEFAULT_GRACE_DAYS = 2;

export type DueStatus = "done" | "upcoming" | "due" | "overdue" | "missed";

export interface DueCheckin {
  dueOn: string;
  status: DueStatus;
  /** The day of the check-in that counted for this due day. */
  checkedInOn: string | null;
}

export interface CheckinTimelineInput {
  readonly start: string;
  readonly end: string;
  readonly cadence: Cadence;
  /** When check-ins were logged, in any order. */
  readonly checkins: readonly (Date | string)[];
  readonly now: Date;
  readonly graceDays?: number;
}

const dayOf = (value: Date | string) => isoDay(value instanceof Date ? value : new Date(value));

export function checkinTimeline(input: CheckinTimelineInput): DueCheckin[] {
  const graceDays = input.graceDays ?? DEFAULT_GRACE_DAYS;
  const due = checkinSchedule({ start: input.start, end: input.end, cadence: input.cadence });
  const days = input.checkins.map(dayOf).sort();
  const today = isoDay(input.now);
  let next = 0;
  return due.map((dueOn, index) => {
    // Days are YYYY-MM-DD, so string order is date order.
    const after = index === 0 ? addDays(input.start, -1) : (due[index - 1] as string);
    while (next < days.length && (days[next] as string) <= after) next += 1;
    const candidate = days[next];
    if (candidate !== undefined && candidate <= addDays(dueOn, graceDays)) {
      next += 1;
      return { dueOn, status: "done" as const, checkedInOn: candidate };
    }
    const following = due[index + 1];
    let status: DueStatus;
    if (today < dueOn) status = "upcoming";
    else if (!isCheckinOverdue({ dueOn, now: input.now, graceDays })) status = "due";
    // Once the next check-in is due, the missed one is history: reminders move on to the next.
    else if (following !== undefined && today >= following) status = "missed";
    else status = "overdue";
    return { dueOn, status, checkedInOn: null };
  });
}

export interface CheckinReminder {
  kind: "due" | "overdue";
  dueOn: string;
}

/** The reminders a timeline calls for now; the caller sends each once per due day. */
export function checkinReminders(timeline: readonly DueCheckin[]): CheckinReminder[] {
  return timeline.flatMap((entry): CheckinReminder[] =>
    entry.status === "due" || entry.status === "overdue" ? [{ kind: entry.status, dueOn: entry.dueOn }] : [],
  );
}

/** The next check-in still to make, if any: the earliest due, overdue or upcoming day. */
export function nextCheckin(timeline: readonly DueCheckin[]): DueCheckin | null {
  return (
    timeline.find((entry) => entry.status === "overdue" || entry.status === "due") ??
    timeline.find((entry) => entry.status === "upcoming") ??
    null
  );
}
