// Rule 9: which external raters count, per group, and the address check that refuses sock puppets.
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors";
import {
  assertNotControlledAddress,
  closeToEarlierWarning,
  decideExternalCounting,
  externalWarnings,
} from "./counting";

describe("decideExternalCounting", () => {
  it("counts the externals of a group only when every one of them is vouched for", () => {
    const { verdicts, externalsCount } = decideExternalCounting(
      [
        { email: "ann@partner.com", group: "other", approved: false },
        { email: "me.myself+2@gmail.com", group: "other", approved: false },
        { email: "bob@agency.com", group: "peer", approved: true },
        { email: "boss@partner.com", group: "manager", approved: false },
      ],
      ["partner.com"],
    );
    expect(externalsCount).toEqual({ peer: true, direct_report: true, other: false });
    expect(verdicts).toEqual([
      { email: "ann@partner.com", group: "other", counts: false, reason: "group_not_counted" },
      { email: "me.myself+2@gmail.com", group: "other", counts: false, reason: "not_vouched_for" },
      { email: "bob@agency.com", group: "peer", counts: true, reason: "approved" },
    ]);
    const warnings = externalWarnings(verdicts);
    expect(warnings.map((w) => [w.kind, w.email])).toEqual([
      ["external_not_counted", "ann@partner.com"],
      ["external_not_counted", "me.myself+2@gmail.com"],
    ]);
    expect(warnings[1]?.detail).toContain("gmail.com is not on the organisation's list");
    // The facts travel with the sentence, so the web can write it in the reader's language.
    expect(warnings.map((w) => [w.reason, w.domain])).toEqual([
      ["group_not_counted", "partner.com"],
      ["not_vouched_for", "gmail.com"],
    ]);
  });

  it("matches allowed domains without regard to case", () => {
    const { externalsCount } = decideExternalCounting(
      [{ email: "Ann@PARTNER.com", group: "other", approved: false }],
      ["partner.com"],
    );
    expect(externalsCount.other).toBe(true);
  });
});

describe("closeToEarlierWarning", () => {
  it("names the groups, k and the earlier release day, as facts and as a sentence", () => {
    const some = closeToEarlierWarning({ groups: ["peer", "other"], threshold: 3, releasedOn: "2026-11-30" });
    expect(some).toMatchObject({ groups: ["peer", "other"], threshold: 3, releasedOn: "2026-11-30" });
    expect(some.detail).toMatch(
      /^The anonymous raters you nominated \(peers, other colleagues\) differ by fewer than 3 people from those who answered the report released on 30 Nov 2026\./,
    );
    const all = closeToEarlierWarning({ groups: [], threshold: 4, releasedOn: "2026-01-02" });
    expect(all.detail).toContain("(all anonymous raters together) differ by fewer than 4 people");
    expect(all.detail).toContain("change at least 4 of them");
  });
});

describe("assertNotControlledAddress", () => {
  const known = new Map([
    ["their.name@company.com", { name: "Rea Der", reader: true }],
    ["col@company.com", { name: "Col League", reader: false }],
  ]);

  it("sock-puppet attack: refuses an external spelling of a reader's own address, naming it", () => {
    const attempt = () =>
      assertNotControlledAddress([{ email: "THEIR.NAME+2@company.com", field: "raters.1.email" }], known);
    expect(attempt).toThrow(InvalidInputError);
    expect(attempt).toThrow(/THEIR\.NAME\+2@company\.com reaches Rea Der, who reads this report/);
  });

  it("refuses a colleague's address as an external: they are invited as themselves", () => {
    expect(() => assertNotControlledAddress([{ email: "col+x@company.com", field: "f" }], known)).toThrow(
      /invite them as that colleague/,
    );
    expect(() =>
      assertNotControlledAddress([{ email: "someone@partner.com", field: "f" }], known),
    ).not.toThrow();
  });
});
