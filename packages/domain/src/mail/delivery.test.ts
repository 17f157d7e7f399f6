// Which mails an admin is shown, and what "send again" does with each: never a reminder.
import { describe, expect, it } from "vitest";
import { mailProblem, type OutboxFacts, planResend, WAITING_AFTER_MS } from "./delivery";

const now = new Date("2030-01-01T12:00:00Z");
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
const mail = (facts: Partial<OutboxFacts>): OutboxFacts => ({
  template: "invitation",
  state: "pending",
  attempts: 0,
  nextAttemptAt: at(0),
  ...facts,
});

describe("mailProblem", () => {
  it("names failed, retrying, interrupted and long-waiting mails, and leaves the rest alone", () => {
    expect(mailProblem(mail({ state: "failed", attempts: 6 }), now)).toBe("failed");
    expect(mailProblem(mail({ state: "pending", attempts: 2, nextAttemptAt: at(60_000) }), now)).toBe(
      "retrying",
    );
    expect(mailProblem(mail({ state: "sending", attempts: 1, nextAttemptAt: at(-1) }), now)).toBe(
      "interrupted",
    );
    expect(mailProblem(mail({ nextAttemptAt: at(-WAITING_AFTER_MS) }), now)).toBe("waiting");
    // In flight, just queued, or delivered: nothing to see.
    expect(mailProblem(mail({ state: "sending", attempts: 1, nextAttemptAt: at(30_000) }), now)).toBeNull();
    expect(mailProblem(mail({ nextAttemptAt: at(-WAITING_AFTER_MS + 1) }), now)).toBeNull();
    expect(mailProblem(mail({ state: "sent", attempts: 1 }), now)).toBeNull();
  });
});

describe("planResend", () => {
  it("never sends a reminder by hand, in any state", () => {
    for (const state of ["pending", "sending", "sent", "failed"] as const) {
      expect(planResend(mail({ template: "reminder", state, nextAttemptAt: at(-1) }), now)).toMatchObject({
        kind: "refused",
        code: "precondition_failed",
      });
    }
  });

  it("tries a mail still in the queue now, and refuses one sent or in flight", () => {
    expect(planResend(mail({ attempts: 2, nextAttemptAt: at(60_000) }), now)).toEqual({ kind: "now" });
    expect(planResend(mail({ state: "sending", nextAttemptAt: at(-1) }), now)).toEqual({ kind: "now" });
    expect(planResend(mail({ state: "sending", nextAttemptAt: at(1_000) }), now)).toMatchObject({
      kind: "refused",
      code: "conflict",
    });
    expect(planResend(mail({ state: "sent" }), now)).toMatchObject({ kind: "refused", code: "conflict" });
  });

  it("queues a failed mail again, with a new one-time link where its link was cut", () => {
    expect(planResend(mail({ state: "failed" }), now)).toEqual({ kind: "new_link" });
    expect(planResend(mail({ state: "failed", template: "report_released" }), now)).toEqual({ kind: "copy" });
    expect(planResend(mail({ state: "failed", template: "partner_invitation" }), now)).toEqual({
      kind: "copy",
    });
    // Better Auth issues password links; the person asks for a new one themself.
    expect(planResend(mail({ state: "failed", template: "password" }), now)).toMatchObject({
      kind: "refused",
      code: "precondition_failed",
    });
  });
});
