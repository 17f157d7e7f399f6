import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  daysBetween,
  endOfDay,
  formatDateTime,
  formatDay,
  isIsoDay,
  isoDay,
  shiftDays,
  startOfDay,
} from ".";

describe("dates", () => {
  it("a deadline day reads the same in the form, the page and the e-mail, wherever the reader is", () => {
    const deadline = endOfDay("2026-12-31");
    expect(deadline.toISOString()).toBe("2026-12-31T23:59:59.999Z");
    // Without a time zone, the UTC convention: Berlin's clock already says 1 January.
    expect(formatDay(deadline.toISOString())).toBe("31 Dec 2026");
    expect(formatDay(deadline, { month: "long" })).toBe("31 December 2026");
    expect(formatDay("2026-12-31", { timeZone: "Pacific/Kiritimati" })).toBe("31 Dec 2026");
    expect(formatDay(deadline, { timeZone: "Europe/Berlin" })).toBe("1 Jan 2027");
    expect(formatDay(deadline, { locale: "de-DE", month: "long" })).toBe("31. Dezember 2026");
    expect(formatDay("not a date")).toBe("");
  });

  it("adds and counts days on UTC calendar days", () => {
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
    expect(daysBetween("2026-01-01", "2026-03-01")).toBe(59);
    expect(daysBetween(new Date("2026-01-01T23:00:00Z"), new Date("2026-01-02T01:00:00Z"))).toBe(1);
    expect(isoDay(shiftDays(startOfDay("2026-10-25"), 1))).toBe("2026-10-26");
    expect(isIsoDay("2026-02-28")).toBe(true);
    expect(isIsoDay("2026-02-30")).toBe(false);
    expect(isIsoDay("2026-2-3")).toBe(false);
  });

  it("addDays and daysBetween agree", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 20_000 }),
        fc.integer({ min: -800, max: 800 }),
        (offset, days) => {
          const day = addDays("1990-01-01", offset);
          expect(daysBetween(day, addDays(day, days))).toBe(days);
        },
      ),
    );
  });

  it("names only the month when asked, on the same UTC convention", () => {
    const releasedAt = endOfDay("2026-11-30").toISOString();
    expect(formatDay(releasedAt, { monthOnly: true })).toBe("Nov 2026");
    expect(formatDay(releasedAt, { monthOnly: true, timeZone: "Europe/Berlin" })).toBe("Dec 2026");
  });
});

describe("formatDateTime", () => {
  it("writes the day as formatDay does, then the time in 24 hours, in UTC unless told", () => {
    expect(formatDateTime("2026-12-01T14:05:09.000Z")).toBe("1 Dec 2026, 14:05 UTC");
    expect(formatDateTime("2026-12-01T23:30:00.000Z", { timeZone: "Europe/Berlin" })).toBe(
      "2 Dec 2026, 00:30",
    );
    expect(formatDateTime("not a date")).toBe("");
  });
});

describe("formatters made once", () => {
  it("write what toLocaleDateString and toLocaleTimeString write, whatever the locale, zone and form", () => {
    const moment = fc.date({ min: new Date("1990-01-01"), max: new Date("2090-12-31"), noInvalidDate: true });
    const display = fc.record(
      {
        locale: fc.constantFrom("en-GB", "de-DE", "en-US", "fr-FR"),
        timeZone: fc.constantFrom("UTC", "Europe/Berlin", "America/New_York", "Asia/Kolkata"),
        month: fc.constantFrom("short" as const, "long" as const),
        monthOnly: fc.boolean(),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(moment, display, (date, shown) => {
        const locale = shown.locale ?? "en-GB";
        const timeZone = shown.timeZone ?? "UTC";
        const day = date.toLocaleDateString(locale, {
          ...(shown.monthOnly ? {} : { day: "numeric" }),
          month: shown.month ?? "short",
          year: "numeric",
          timeZone,
        });
        expect(formatDay(date, shown)).toBe(day);
        const { monthOnly: _monthOnly, ...forTime } = shown;
        const time = date.toLocaleTimeString(locale, {
          hour: "2-digit",
          minute: "2-digit",
          hour12: false,
          timeZone,
        });
        const fullDay = date.toLocaleDateString(locale, {
          day: "numeric",
          month: forTime.month ?? "short",
          year: "numeric",
          timeZone,
        });
        expect(formatDateTime(date, forTime)).toBe(`${fullDay}, ${time}${timeZone === "UTC" ? " UTC" : ""}`);
      }),
      { numRuns: 300 },
    );
  });
});
