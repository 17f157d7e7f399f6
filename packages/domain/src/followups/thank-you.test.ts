// The thank-you's recipients and text: the rules that keep it from saying who answered.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { RATER_GROUPS } from "../instrument";
import {
  type ThankYouInvitation,
  thankYouRecipients,
  thankYouSuggestions,
  thankYouTextSchema,
} from "./thank-you";

const SUBJECT = "subject-id";

describe("thankYouRecipients", () => {
  it("writes to colleagues and externals, never to the subject or an erased rater, once per mailbox", () => {
    const invitations: ThankYouInvitation[] = [
      { group: "self", personId: SUBJECT, email: "me@acme.test", erased: false },
      { group: "manager", personId: "m", email: "boss@acme.test", erased: false },
      { group: "peer", personId: "p", email: "peer@acme.test", erased: false },
      { group: "peer", personId: "gone", email: "erased-gone@erased.invalid", erased: true },
      { group: "other", personId: null, email: "Friend+360@partner.test", erased: false },
      { group: "other", personId: null, email: "friend@partner.test", erased: false },
    ];
    const result = thankYouRecipients(invitations, SUBJECT);
    expect(result.addresses).toEqual(["boss@acme.test", "peer@acme.test", "Friend+360@partner.test"]);
    // What the report shows the subject: five invited besides themself, erased or not.
    expect(result.addressed).toBe(5);
  });

  it("property: who receives it does not depend on who answered (the state is not an input)", () => {
    const invitation = fc.record({
      group: fc.constantFrom(...RATER_GROUPS),
      personId: fc.option(fc.constantFrom(SUBJECT, "a", "b", "c", "d"), { nil: null }),
      email: fc.option(fc.emailAddress(), { nil: null }),
      erased: fc.boolean(),
      state: fc.constantFrom("pending", "submitted", "declined"),
    });
    fc.assert(
      fc.property(
        fc.array(invitation, { maxLength: 12 }),
        fc.array(fc.constantFrom("pending", "submitted", "declined")),
        (rows, states) => {
          const restated = rows.map((row, i) => ({ ...row, state: states[i] ?? row.state }));
          expect(thankYouRecipients(restated, SUBJECT)).toEqual(thankYouRecipients(rows, SUBJECT));
          const result = thankYouRecipients(rows, SUBJECT);
          expect(result.addresses.length).toBeLessThanOrEqual(result.addressed);
        },
      ),
    );
  });
});

describe("thankYouTextSchema", () => {
  it("takes a letter with line breaks and refuses empty, too long and control characters", () => {
    expect(thankYouTextSchema.parse("  Thank you all, I am working on it.\nIdeas welcome.  ")).toBe(
      "Thank you all, I am working on it.\nIdeas welcome.",
    );
    expect(thankYouTextSchema.safeParse("   ").success).toBe(false);
    expect(thankYouTextSchema.safeParse("x".repeat(1201)).success).toBe(false);
    expect(thankYouTextSchema.safeParse("Thank you all, truly \u202Egnikrow\u202C").success).toBe(false);
    expect(thankYouTextSchema.safeParse("Thank you all, truly\u0007 and more").success).toBe(false);
  });
});

describe("thankYouSuggestions", () => {
  it("names the focus in the instrument's words, and every suggestion is valid text that never assumes an answer", () => {
    const withFocus = thankYouSuggestions({
      focus: [
        { key: "empower", name: "Empower others" },
        { key: "inspire", name: "Inspire & motivate" },
      ],
    });
    expect(withFocus).toHaveLength(3);
    expect(withFocus[0]).toContain("empower others and inspire and motivate");
    const without = thankYouSuggestions({ focus: [] });
    expect(without.length).toBeGreaterThanOrEqual(2);
    for (const text of [...withFocus, ...without]) {
      expect(thankYouTextSchema.safeParse(text).success).toBe(true);
      expect(text).not.toMatch(/for (your answers|answering|your feedback)\b/i);
    }
  });
});
