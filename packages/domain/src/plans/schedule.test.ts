import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors";
import { checkinSchedule, isCheckinOverdue, MAX_CHECKINS } from "./schedule";

describe("checkinSchedule", () => {
  it("steps weekly and fortnightly from the start, up to and including the end", () => {
    expect(checkinSchedule({ start: "2026-03-02", end: "2026-03-30", cadence: "weekly" })).toEqual([
      "2026-03-09",
      "2026-03-16",
      "2026-03-23",
      "2026-03-30",
    ]);
    expect(
      checkinSchedule({
        start: new Date("2026-03-02T15:30:00Z"),
        end: new Date("2026-04-12T08:00:00Z"),
        cadence: "fortnightly",
      }),
    ).toEqual(["2026-03-16", "2026-03-30"]);
  });

  it("keeps the day of the month, clamped to short months", () => {
    expect(checkinSchedule({ start: "2026-01-31", end: "2026-05-31", cadence: "monthly" })).toEqual([
      "2026-02-28",
      "2026-03-31",
      "2026-04-30",
      "2026-05-31",
    ]);
    expect(checkinSchedule({ start: "2027-12-31", end: "2028-03-01", cadence: "monthly" })).toEqual([
      "2028-01-31",
      "2028-02-29",
    ]);
  });

  it("refuses reversed, invalid or runaway ranges", () => {
    expect(() => checkinSchedule({ start: "2026-03-02", end: "2026-03-02", cadence: "weekly" })).toThrow(
      "The plan must end after it starts",
    );
    expect(() => checkinSchedule({ start: "someday", end: "2026-03-02", cadence: "weekly" })).toThrow(
      InvalidInputError,
    );
    expect(() => checkinSchedule({ start: "2026-01-01", end: "2036-01-01", cadence: "weekly" })).toThrow(
      `at most ${MAX_CHECKINS} check-ins`,
    );
    expect(checkinSchedule({ start: "2026-01-01", end: "2026-01-05", cadence: "weekly" })).toEqual([]);
  });

  it("names the plan's own fields in its errors", () => {
    const fieldsOf = (run: () => unknown) => {
      try {
        run();
      } catch (error) {
        return (error as InvalidInputError).fields;
      }
      return null;
    };
    expect(fieldsOf(() => checkinSchedule({ start: "x", end: "2026-03-02", cadence: "weekly" }))).toEqual({
      startsOn: "Give a date such as 2026-12-31",
    });
    expect(
      fieldsOf(() => checkinSchedule({ start: "2026-03-02", end: "2026-03-01", cadence: "weekly" })),
    ).toEqual({ endsOn: "Choose a later end date" });
    expect(
      fieldsOf(() => checkinSchedule({ start: "2026-01-01", end: "2036-01-01", cadence: "weekly" })),
    ).toEqual({ endsOn: "Too far away for this cadence" });
  });
});

describe("isCheckinOverdue", () => {
  const dueOn = "2026-03-09";

  it("is overdue only once the grace period has fully passed", () => {
    expect(isCheckinOverdue({ dueOn, now: new Date("2026-03-11T23:59:59Z") })).toBe(false);
    expect(isCheckinOverdue({ dueOn, now: new Date("2026-03-12T00:00:00Z") })).toBe(true);
    expect(isCheckinOverdue({ dueOn, now: new Date("2026-03-10T00:00:00Z"), graceDays: 0 })).toBe(true);
  });

  it("is never overdue once done", () => {
    expect(isCheckinOverdue({ dueOn, completedOn: "2026-03-20", now: new Date("2026-04-01") })).toBe(false);
  });

  it("refuses a negative or fractional grace period", () => {
    expect(() => isCheckinOverdue({ dueOn, now: new Date(), graceDays: -1 })).toThrow(InvalidInputError);
    expect(() => isCheckinOverdue({ dueOn, now: new Date(), graceDays: 1.5 })).toThrow(
      "whole number of days",
    );
  });
});
