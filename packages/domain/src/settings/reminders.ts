// When non-responders of an open request are reminded: once, `reminderDays` days before the
// deadline, and only when the request has been open a day (a request opened inside the window
// would otherwise remind people minutes after inviting them).
import { DAY_MS } from "../dates";

export interface ReminderCandidate {
  state: string;
  deadline: Date;
  openedAt: Date | null;
  remindedAt: Date | null;
}

export function reminderDue(request: ReminderCandidate, reminderDays: number, now: Date): boolean {
  if (request.state !== "open" || request.remindedAt !== null || request.openedAt === null) return false;
  if (reminderDays <= 0) return false;
  const t = now.getTime();
  const deadline = request.deadline.getTime();
  return t < deadline && t >= deadline - reminderDays * DAY_MS && t - request.openedAt.getTime() >= DAY_MS;
}
