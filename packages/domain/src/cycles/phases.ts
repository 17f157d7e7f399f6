// A cycle's calendar: it is drafted, then launched into nominations (subjects propose peers,
// managers approve), then answering (invitations out), then closed, then released. Each phase ends
// at the end of its UTC day; the stored phase moves forward only (a job applies `duePhase`).
import { addDays, endOfDay, type IsoDay, isIsoDay, isoDay, startOfDay } from "../dates";
import { InvalidInputError, PreconditionFailedError } from "../errors";
import { forPeople } from "../i18n/for-people";

export const CYCLE_PHASES = ["draft", "nominations", "answering", "closed", "released"] as const;
export type CyclePhase = (typeof CYCLE_PHASES)[number];

/** A cycle collects answers for at most this long after it is created. */
export const MAX_CYCLE_DAYS = 365;

export interface CycleCalendar {
  /** Subjects propose peers, and managers approve, until the end of this day. */
  nominationsCloseOn: IsoDay;
  /** Raters answer until the end of this day. */
  answersDueOn: IsoDay;
  /** Reports release at the start of this day (or earlier, by an admin, once answering closed). */
  releaseOn: IsoDay;
}

/**
 * The calendar is in order and ahead: nominations close today or later, answers after that. Every
 * day's problem is named at once (each a sentence for people); the first is the error's message.
 */
export function checkCycleCalendar(calendar: CycleCalendar, now: Date): void {
  const fields: Record<string, string> = {};
  for (const key of ["nominationsCloseOn", "answersDueOn", "releaseOn"] as const) {
    if (!isIsoDay(calendar[key])) fields[key] = forPeople("Give a calendar day as YYYY-MM-DD");
  }
  if (Object.keys(fields).length > 0)
    throw new InvalidInputError("The cycle's days are not all days", fields);
  const today = isoDay(now);
  if (calendar.nominationsCloseOn < today) {
    fields.nominationsCloseOn = forPeople("Nominations cannot close before today");
  }
  if (calendar.answersDueOn <= calendar.nominationsCloseOn) {
    fields.answersDueOn = forPeople("Answers are due after nominations close");
  }
  if (calendar.releaseOn < calendar.answersDueOn) {
    fields.releaseOn = forPeople("Reports release on the day answers are due or later");
  }
  if (calendar.releaseOn > addDays(today, MAX_CYCLE_DAYS)) {
    fields.releaseOn = forPeople(`A cycle releases within ${MAX_CYCLE_DAYS} days`);
  }
  const first = Object.values(fields)[0];
  if (first) throw new InvalidInputError(first, fields);
}

/** The phase the cycle should be in now, given the phase it is in (it never moves back). */
export function duePhase(phase: CyclePhase, calendar: CycleCalendar, now: Date): CyclePhase {
  let next = phase;
  if (next === "nominations" && now > endOfDay(calendar.nominationsCloseOn)) next = "answering";
  if (next === "answering" && now > endOfDay(calendar.answersDueOn)) next = "closed";
  if (next === "closed" && now >= startOfDay(calendar.releaseOn)) next = "released";
  return next;
}

/** Which day a phase's extension moves. */
export type ExtendablePhase = "nominations" | "answering" | "released";

const DAY_OF: Record<ExtendablePhase, keyof CycleCalendar> = {
  nominations: "nominationsCloseOn",
  answering: "answersDueOn",
  released: "releaseOn",
};

/**
 * The calendar with one phase moved later. Only a phase that has not ended can be extended, only to
 * a later day, and the order of the days must still hold (extend answering before moving
 * nominations past it).
 */
export function extendCycle(
  phase: CyclePhase,
  calendar: CycleCalendar,
  which: ExtendablePhase,
  on: IsoDay,
): CycleCalendar {
  if (!isIsoDay(on)) throw new InvalidInputError("Give the new day as YYYY-MM-DD", { on: "Not a day" });
  const order = CYCLE_PHASES.indexOf(phase);
  const ended = { nominations: order > 1, answering: order > 2, released: order > 3 }[which];
  if (ended) {
    throw new PreconditionFailedError(
      which === "nominations"
        ? "The nominations phase of this cycle is over"
        : which === "answering"
          ? "The answering phase of this cycle is over"
          : "The reports of this cycle are released already",
    );
  }
  const key = DAY_OF[which];
  if (on <= calendar[key]) {
    throw new InvalidInputError(`An extension moves the day later than ${calendar[key]}`, {
      on: "Choose a later day",
    });
  }
  const extended = { ...calendar, [key]: on };
  if (extended.releaseOn > addDays(calendar.nominationsCloseOn, MAX_CYCLE_DAYS)) {
    throw new InvalidInputError(`A cycle releases within ${MAX_CYCLE_DAYS} days of its nominations`, {
      on: "Choose an earlier day",
    });
  }
  if (extended.answersDueOn <= extended.nominationsCloseOn) {
    throw new InvalidInputError("Answers must stay due after nominations close: extend answering first", {
      on: "Too late for nominations",
    });
  }
  if (extended.releaseOn < extended.answersDueOn) {
    throw new InvalidInputError(
      "Reports must still release on or after the day answers are due: extend the release",
      {
        on: "Too late for answering",
      },
    );
  }
  return extended;
}
