// Matching check-ins to due days, due and overdue flags, and the reminders they call for.
import { describe, expect, it } from "vitest";
import { checkinReminders, checkinTimeline, nextCheckin } from "./timeline";

const weekly = { start: "2026-03-02", end: "2026-03-30", cadence: "weekly" as const };
// Due: 03-09, 03-16, 03-23, 03-30.
const at = (day: string) => new Date(`${day}T12:00:00Z`);

describe("checkinTimeline", () => {
  it("shows everything upcoming before the first due day", () => {
    const timeline = checkinTimeline({ ...weekly, checkins: [], now: at("2026-03-03") });
    expect(timeline.map((entry) => entry.status)).toEqual(["upcoming", "upcoming", "upcoming", "upcoming"]);
    expect(nextCheckin(timeline)?.dueOn).toBe("2026-03-09");
    expect(checkinReminders(timeline)).toEqual([]);
  });

  it("counts early and late (within grace) check-ins once each, for the earliest open due day", () => {
    const timeline = checkinTimeline({
      ...weekly,
      // Early for 03-09; late but within grace for 03-16; a second one the same week is extra.
      checkins: ["2026-03-17T09:00:00Z", new Date("2026-03-07T09:00:00Z"), "2026-03-18T09:00:00Z"],
      now: at("2026-03-19"),
    });
    expect(timeline.slice(0, 2)).toEqual([
      { dueOn: "2026-03-09", status: "done", checkedInOn: "2026-03-07" },
      { dueOn: "2026-03-16", status: "done", checkedInOn: "2026-03-17" },
    ]);
    // The extra check-in on 03-18 counts early for 03-23.
    expect(timeline[2]).toEqual({ dueOn: "2026-03-23", status: "done", checkedInOn: "2026-03-18" });
    expect(timeline[3]?.status).toBe("upcoming");
  });

  it("ignores check-ins before the start and flags due, overdue and missed days", () => {
    const checkins = ["2026-02-20"];
    const due = checkinTimeline({ ...weekly, checkins, now: at("2026-03-10") });
    expect(due[0]?.status).toBe("due");
    expect(checkinReminders(due)).toEqual([{ kind: "due", dueOn: "2026-03-09" }]);
    const overdue = checkinTimeline({ ...weekly, checkins, now: at("2026-03-12") });
    expect(overdue[0]?.status).toBe("overdue");
    expect(nextCheckin(overdue)?.dueOn).toBe("2026-03-09");
    expect(checkinReminders(overdue)).toEqual([{ kind: "overdue", dueOn: "2026-03-09" }]);
    const later = checkinTimeline({ ...weekly, checkins, now: at("2026-03-16") });
    expect(later.map((entry) => entry.status)).toEqual(["missed", "due", "upcoming", "upcoming"]);
    const end = checkinTimeline({ ...weekly, checkins, now: at("2026-04-20"), graceDays: 0 });
    expect(end.map((entry) => entry.status)).toEqual(["missed", "missed", "missed", "overdue"]);
    expect(
      nextCheckin(
        checkinTimeline({
          ...weekly,
          checkins: ["2026-03-08", "2026-03-15", "2026-03-22", "2026-03-29"],
          now: at("2026-04-01"),
        }),
      ),
    ).toBeNull();
  });

  it("lets a late check-in beyond grace count for the next due day", () => {
    const timeline = checkinTimeline({ ...weekly, checkins: ["2026-03-13"], now: at("2026-03-14") });
    expect(timeline.slice(0, 2).map((entry) => [entry.status, entry.checkedInOn])).toEqual([
      ["overdue", null],
      ["done", "2026-03-13"],
    ]);
  });
});
