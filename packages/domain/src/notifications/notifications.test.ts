import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildNotifications, NOTIFICATION_LIMIT, type NotificationSources } from "./notifications";

const empty: NotificationSources = {
  invitations: [],
  nominations: [],
  partnerInvitations: [],
  checkins: [],
  reports: [],
  read: new Set(),
};

describe("buildNotifications", () => {
  it("says what needs me in one sentence each, with where to go", () => {
    const list = buildNotifications({
      ...empty,
      invitations: [{ invitationId: "i1", subjectName: "Mei Lin", isSelf: false, deadline: "2026-12-10" }],
      nominations: [{ requestId: "r1", subjectName: "Tomas", pending: 2, at: "2026-12-01" }],
      checkins: [{ planId: "p1", dueOn: "2026-11-30", overdue: true }],
    });
    expect(list.map((n) => n.text)).toEqual([
      "Give feedback on Mei Lin.",
      "Tomas proposed 2 raters for you to approve.",
      "A check-in on your plan is overdue: how is it going?",
    ]);
    expect(list[0]?.href).toBe("/feedback/i1");
  });

  it("drops requests with nothing to approve, and keys nominations by how many wait", () => {
    const list = buildNotifications({
      ...empty,
      nominations: [
        { requestId: "r1", subjectName: "A", pending: 0, at: "2026-12-01" },
        { requestId: "r2", subjectName: "B", pending: 1, at: "2026-12-01" },
      ],
    });
    expect(list.map((n) => n.key)).toEqual(["nominations:r2:1"]);
  });

  it("puts unread first, newest first within each, and marks the read ones", () => {
    const list = buildNotifications({
      ...empty,
      reports: [
        { requestId: "old", releasedAt: "2026-04-01T00:00:00.000Z" },
        { requestId: "new", releasedAt: "2026-10-01T00:00:00.000Z" },
      ],
      read: new Set(["report:new"]),
    });
    expect(list.map((n) => [n.key, n.read])).toEqual([
      ["report:old", false],
      ["report:new", true],
    ]);
  });

  it("never lists more than the limit, and every key once", () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.uuid(), { maxLength: 60 }),
        fc.array(fc.uuid(), { maxLength: 10 }),
        (ids, readIds) => {
          const list = buildNotifications({
            ...empty,
            reports: ids.map((id) => ({ requestId: id, releasedAt: "2026-01-01" })),
            read: new Set(readIds.map((id) => `report:${id}`)),
          });
          expect(list.length).toBe(Math.min(ids.length, NOTIFICATION_LIMIT));
          expect(new Set(list.map((n) => n.key)).size).toBe(list.length);
          const firstRead = list.findIndex((n) => n.read);
          if (firstRead >= 0) expect(list.slice(firstRead).every((n) => n.read)).toBe(true);
        },
      ),
    );
  });
});
