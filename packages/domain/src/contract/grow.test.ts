// The grow contract: outputs are exact (a key the schema does not name never reaches a client),
// and they accept what the procedures return (ISO moments, YYYY-MM-DD days, nulls where allowed).
import { describe, expect, it } from "vitest";
import { checkinOutput, planSummaryOutput, supportedPlanOutput } from "./grow";

const summary = {
  id: "6f1c9c1e-8d1a-4c59-9a55-5b7a3f0e2d11",
  requestId: "0b6f0a52-3b8e-4f7e-9c43-2a9d6a1e4b20",
  relation: "coach" as const,
  subject: { id: "a1", name: "Sam" },
  state: "active" as const,
  focus: ["inspire" as const],
  strength: "risk" as const,
  progress: 40,
  startsOn: "2026-11-02",
  endsOn: "2027-01-25",
  createdAt: "2026-11-01T09:30:00.000Z",
  publishedAt: "2026-11-02T08:00:00.000Z",
  closedAt: null,
  circle: { partners: 3, leads: 1, ready: true },
  nextCheckin: { dueOn: "2026-11-16", status: "upcoming" as const, checkedInOn: null },
  lastCheckinAt: null,
};

describe("grow contract", () => {
  it("strips what it does not name, at every level", () => {
    const leaked = {
      ...summary,
      reflection: "private",
      subject: { ...summary.subject, email: "sam@example.test" },
      circle: { ...summary.circle, members: [] },
    };
    expect(planSummaryOutput.parse(leaked)).toEqual(summary);
  });

  it("refuses a value of the wrong shape instead of passing it on", () => {
    expect(planSummaryOutput.safeParse({ ...summary, startsOn: "2 November 2026" }).success).toBe(false);
    expect(planSummaryOutput.safeParse({ ...summary, createdAt: new Date() }).success).toBe(false);
    expect(planSummaryOutput.safeParse({ ...summary, focus: ["charisma"] }).success).toBe(false);
  });

  it("keeps a partner's view of a plan free of the report: no request id, no reasons", () => {
    const supported = supportedPlanOutput.parse({
      partnershipId: "p1",
      role: "partner",
      state: "accepted",
      invitedAt: "2026-11-01T10:00:00.000Z",
      respondedAt: "2026-11-01T12:00:00.000Z",
      plan: {
        id: summary.id,
        requestId: summary.requestId,
        reasons: { focus: [], strength: { dimension: "risk", reason: "others rate it 4.2" } },
        state: "active",
        subject: summary.subject,
        focus: summary.focus,
        strength: summary.strength,
        wish: "Rally my team",
        progress: 40,
        cadence: "fortnightly",
        startsOn: summary.startsOn,
        endsOn: summary.endsOn,
        lastCheckinAt: null,
        nextCheckin: null,
      },
    });
    expect(supported.plan).not.toHaveProperty("requestId");
    expect(supported.plan).not.toHaveProperty("reasons");
  });

  it("describes a check-in as listed, unknown actions included", () => {
    const checkin = {
      id: "c1",
      progress: 60,
      note: "",
      createdAt: "2026-11-16T09:00:00.000Z",
      actions: [{ actionId: "gone", status: "done" as const, text: null, dimension: null }],
      encouragements: [
        {
          id: "e1",
          author: { id: "a2", name: "Kim" },
          text: "Keep going",
          createdAt: "2026-11-16T10:00:00.000Z",
        },
      ],
    };
    expect(checkinOutput.parse(checkin)).toEqual(checkin);
  });
});
