// The cycle calendar: a spring round (2–27 March) and an autumn round (7 September – 2 October)
// each year, the most recent ones that closed at least four weeks before `now`. Releases are at
// least 176 days apart, beyond the default 120-day comparison window of rule 10, so each report
// stands on its own as it would in an organisation that runs two rounds a year.
import { DAY_MS as DAY } from "@fivefold/domain";

export interface CycleDates {
  name: string;
  startsOn: string;
  endsOn: string;
  openedAt: Date;
  /** The deadline: 17:00 UTC on the last day. */
  deadline: Date;
  /** The deadline job closes it a few minutes after the deadline. */
  closedAt: Date;
}

function cycle(name: string, startsOn: string, endsOn: string): CycleDates {
  const deadline = new Date(`${endsOn}T17:00:00.000Z`);
  return {
    name,
    startsOn,
    endsOn,
    openedAt: new Date(`${startsOn}T09:00:00.000Z`),
    deadline,
    closedAt: new Date(deadline.getTime() + 5 * 60_000),
  };
}

export function cycleCalendar(count: number, now: Date): CycleDates[] {
  const cycles: CycleDates[] = [];
  for (let year = now.getUTCFullYear(); cycles.length < count; year--) {
    for (const candidate of [
      cycle(`Autumn ${year}`, `${year}-09-07`, `${year}-10-02`),
      cycle(`Spring ${year}`, `${year}-03-02`, `${year}-03-27`),
    ]) {
      if (cycles.length < count && candidate.closedAt.getTime() + 28 * DAY <= now.getTime()) {
        cycles.push(candidate);
      }
    }
  }
  return cycles.reverse();
}

/** The least number of days between two consecutive releases of the calendar. */
export function minimumGapDays(cycles: readonly CycleDates[]): number {
  let gap = Number.POSITIVE_INFINITY;
  for (let i = 1; i < cycles.length; i++) {
    const a = cycles[i - 1] as CycleDates;
    const b = cycles[i] as CycleDates;
    gap = Math.min(gap, (b.closedAt.getTime() - a.closedAt.getTime()) / DAY);
  }
  return gap;
}
