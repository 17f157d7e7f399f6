// The collect contract: inputs read as the API expects them, outputs keep only what they declare.
import { describe, expect, it } from "vitest";
import { answerFormOutput, createRequestInput, inboxOutput, progressLineSchema } from "./collect";

const SUBJECT = "5b0f7c1e-4a8b-4c3d-9e2f-0a1b2c3d4e5f";

describe("the collect contract", () => {
  it("reads a deadline given as a day as the end of that day, UTC", () => {
    const input = createRequestInput.parse({ subjectId: SUBJECT, deadline: "2026-12-31" });
    expect(input.deadline).toEqual(new Date("2026-12-31T23:59:59.999Z"));
    expect(input.raters).toEqual([]);
  });

  it("refuses a rater with both a person and an address", () => {
    const result = createRequestInput.safeParse({
      subjectId: SUBJECT,
      deadline: "2026-12-31",
      raters: [{ personId: SUBJECT, email: "a@b.example", group: "peer" }],
    });
    expect(result.success).toBe(false);
  });

  it("strips what an output does not declare, so a new column cannot leak", () => {
    const [row] = inboxOutput.parse([
      {
        invitationId: "i",
        requestId: "r",
        subject: { id: "s", name: "Sam", email: "sam@acme.test" },
        group: "peer",
        deadline: "2026-12-31T23:59:59.999Z",
        state: "pending",
        tokenHash: "secret",
      },
    ]);
    expect(row).toEqual({
      invitationId: "i",
      requestId: "r",
      subject: { id: "s", name: "Sam" },
      group: "peer",
      deadline: "2026-12-31T23:59:59.999Z",
      state: "pending",
    });
  });

  it("describes pooled and uncounted progress lines, and no other answering state than the three", () => {
    expect(
      progressLineSchema.parse({
        group: "pool:peer+other",
        label: "Peers and others",
        invited: 4,
        submitted: 2,
        declined: 0,
        pooledFrom: ["peer", "other"],
      }).pooledFrom,
    ).toEqual(["peer", "other"]);
    expect(
      progressLineSchema.safeParse({
        group: "other",
        label: "x",
        invited: 1,
        submitted: null,
        declined: null,
        counted: false,
      }).success,
    ).toBe(true);
    expect(answerFormOutput.shape.state.options).toEqual(["pending", "submitted", "declined"]);
  });
});
