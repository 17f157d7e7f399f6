// Check-in dates for a coaching plan, and when a missed check-in counts as overdue. Dates are
// calendar days in UTC: a check-in is due on a day, never at a time.
import { z } from "zod";
import { isoDay, shiftDays } from "../dates";
import { InvalidInputError } from "../errors";

export const CADENCES = ["weekly", "fortnightly", "monthly"] as const;
export type Cadence = (typeof CADENCES)[number];
export const cadenceSchema = z.enum(CADENCES);

/** Guards against a mistyped end date producing thousands of check-ins. */
export const MAX_CHECKINS = 104;

/** Field errors name the plan's own fields, `startsOn` and `endsOn`, so a form can show them. */
function day(value: Date | string, field: "startsOn" | "endsOn" | "dueOn"): Date {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) {
    throw new InvalidInputError(
      field === "startsOn"
        ? "The start is not a date"
        : field === "endsOn"
          ? "The end is not a date"
          : "The due day is not a date",
      {
        [field]: "Give a date such as 2026-12-31",
      },
    );
  }
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

// Months are counted from the start date each time, so 31 January gives 28/29 February and then
// 31 March, never drifting to the 28th for good.
function addMonths(start: Date, months: number): Date {
  const target = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(start.getUTCDate(), lastDay));
  return target;
}

export interface CheckinScheduleInput {
  readonly start: Date | string;
  readonly end: Date | string;
  readonly cadence: Cadence;
}

/** Check-in days (YYYY-MM-DD) after the start, one per cadence step, up to and including the end. */
export function checkinSchedule(input: CheckinScheduleInput): string[] {
  const start = day(input.start, "startsOn");
  const end = day(input.end, "endsOn");
  if (end.getTime() <= start.getTime()) {
    throw new InvalidInputError("The plan must end after it starts", { endsOn: "Choose a later end date" });
  }
  const step = (index: number): Date =>
    input.cadence === "monthly"
      ? addMonths(start, index)
      : shiftDays(start, index * (input.cadence === "weekly" ? 7 : 14));
  const dates: string[] = [];
  for (let index = 1; step(index).getTime() <= end.getTime(); index += 1) {
    if (dates.length === MAX_CHECKINS) {
      throw new InvalidInputError(
        `A plan can have at most ${MAX_CHECKINS} check-ins: choose an earlier end date`,
        {
          endsOn: "Too far away for this cadence",
        },
      );
    }
    dates.push(isoDay(step(index)));
  }
  return dates;
}

export interface CheckinDue {
  readonly dueOn: Date | string;
  readonly completedOn?: Date | string | null;
  readonly now: Date;
  /** Days after the due day during which a check-in is late but not yet overdue. Default 2. */
  readonly graceDays?: number;
}

/** Overdue once the whole grace period after the due day has passed without the check-in. */
export function isCheckinOverdue(input: CheckinDue): boolean {
  if (input.completedOn) return false;
  const graceDays = input.graceDays ?? 2;
  if (!Number.isInteger(graceDays) || graceDays < 0) {
    throw new InvalidInputError("The grace period must be a whole number of days, 0 or more");
  }
  const due = day(input.dueOn, "dueOn");
  return input.now.getTime() >= shiftDays(due, graceDays + 1).getTime();
}
