// Organisation settings: ranges, the comment threshold never below k, what changed, release policy,
// and when reminders are due.
import { describe, expect, it } from "vitest";
import { parseInput } from "../answers";
import { InvalidInputError } from "../errors";
import { reminderDue } from "./reminders";
import {
  applySettingsUpdate,
  type OrganisationSettings,
  organisationSettingsSchema,
  releasePolicy,
  settingsUpdateSchema,
} from "./settings";

const current: OrganisationSettings = {
  anonymityThreshold: 3,
  commentThreshold: 3,
  showManagerApart: true,
  adminsReadReports: false,
  reminderDays: 3,
  externalRaterDomains: [],
  historyWindowDays: 120,
  reportMode: "scores",
  language: "en",
};

describe("settings schema", () => {
  it("keeps external domains that can vouch for a rater, normalised, and refuses the rest", () => {
    const fields = (input: unknown) => {
      try {
        return parseInput(settingsUpdateSchema, input);
      } catch (error) {
        return (error as InvalidInputError).fields;
      }
    };
    expect(fields({ externalRaterDomains: [" @Partner.COM", "partner.com", "agency.co.uk"] })).toEqual({
      externalRaterDomains: ["agency.co.uk", "partner.com"],
    });
    // Sock puppets at a free mail provider would count towards k otherwise.
    expect(fields({ externalRaterDomains: ["gmail.com"] })).toEqual({
      "externalRaterDomains.0":
        "gmail.com is a public mail provider: anyone can open an address there, so it cannot vouch for a rater",
    });
    expect(fields({ externalRaterDomains: ["not a domain"] })).toEqual({
      "externalRaterDomains.0": '"not a domain" is not a domain name such as partner.com',
    });
    expect(fields({ historyWindowDays: 731 })).toEqual({
      historyWindowDays: "The comparison window is at most 730 days",
    });
    expect(fields({ historyWindowDays: 1.5 })).toEqual({
      historyWindowDays: "The comparison window must be a whole number of days",
    });
  });

  it("reports a list setting as changed only when its contents change", () => {
    const same = applySettingsUpdate(
      { ...current, externalRaterDomains: ["a.com"] },
      { externalRaterDomains: ["a.com"] },
    );
    expect(same.changes).toEqual([]);
    const changed = applySettingsUpdate(current, { externalRaterDomains: ["a.com"] });
    expect(changed.changes).toEqual([{ key: "externalRaterDomains", from: [], to: ["a.com"] }]);
  });

  it("accepts the defaults and refuses values out of range, in a person's words", () => {
    expect(organisationSettingsSchema.parse(current)).toEqual(current);
    const fields = (input: unknown) => {
      try {
        parseInput(settingsUpdateSchema, input);
        return null;
      } catch (error) {
        return (error as InvalidInputError).fields;
      }
    };
    expect(fields({ anonymityThreshold: 2 })).toEqual({
      anonymityThreshold: "The anonymity threshold is at least 3",
    });
    expect(fields({ anonymityThreshold: 21 })).toEqual({
      anonymityThreshold: "The anonymity threshold is at most 20",
    });
    expect(fields({ commentThreshold: 3.5 })).toEqual({
      commentThreshold: "The comment threshold must be a whole number",
    });
    expect(fields({ reminderDays: -1 })).toEqual({
      reminderDays: "Reminder days are 0 (no reminder) or more",
    });
    expect(fields({ reminderDays: 61 })).toEqual({ reminderDays: "Reminder days are at most 60" });
    expect(fields({ reminderDays: "3" })).toEqual({ reminderDays: "Reminder days must be a whole number" });
    expect(fields({})).toBeNull();
  });
});

describe("applySettingsUpdate", () => {
  it("merges a partial update and lists what changed, from and to", () => {
    const { next, changes } = applySettingsUpdate(current, {
      anonymityThreshold: 5,
      commentThreshold: 6,
      reminderDays: 3,
    });
    expect(next).toEqual({ ...current, anonymityThreshold: 5, commentThreshold: 6 });
    expect(changes).toEqual([
      { key: "anonymityThreshold", from: 3, to: 5 },
      { key: "commentThreshold", from: 3, to: 6 },
    ]);
    expect(
      applySettingsUpdate(current, { showManagerApart: false, adminsReadReports: true }).changes,
    ).toEqual([
      { key: "showManagerApart", from: true, to: false },
      { key: "adminsReadReports", from: false, to: true },
    ]);
    expect(applySettingsUpdate(current, {}).changes).toEqual([]);
  });

  it("refuses a comment threshold below the anonymity threshold, whichever side moves", () => {
    expect(() => applySettingsUpdate(current, { anonymityThreshold: 4 })).toThrow(InvalidInputError);
    try {
      applySettingsUpdate(
        { ...current, anonymityThreshold: 5, commentThreshold: 5 },
        { commentThreshold: 4 },
      );
    } catch (error) {
      expect((error as InvalidInputError).fields).toEqual({
        commentThreshold: "At least 5, the anonymity threshold",
      });
    }
  });
});

describe("releasePolicy", () => {
  it("uses the organisation's comment threshold, never below the request's frozen k", () => {
    expect(releasePolicy({ commentThreshold: 5, showManagerApart: false }, 3)).toEqual({
      commentThreshold: 5,
      showManagerApart: false,
    });
    expect(releasePolicy({ commentThreshold: 3, showManagerApart: true }, 4)).toEqual({
      commentThreshold: 4,
      showManagerApart: true,
    });
  });
});

describe("reminderDue", () => {
  const day = 86_400_000;
  const now = new Date("2026-03-10T12:00:00Z");
  const request = {
    state: "open",
    deadline: new Date(now.getTime() + 2 * day),
    openedAt: new Date(now.getTime() - 5 * day),
    remindedAt: null,
  };
  it("is due inside the window before the deadline, once, for an open request", () => {
    expect(reminderDue(request, 3, now)).toBe(true);
    expect(reminderDue(request, 2, now)).toBe(true);
    expect(reminderDue(request, 1, now)).toBe(false);
    expect(reminderDue({ ...request, remindedAt: now }, 3, now)).toBe(false);
    expect(reminderDue({ ...request, state: "released" }, 3, now)).toBe(false);
    expect(reminderDue({ ...request, openedAt: null }, 3, now)).toBe(false);
  });
  it("is never due with 0 days, after the deadline, or within a day of opening", () => {
    expect(reminderDue(request, 0, now)).toBe(false);
    expect(reminderDue({ ...request, deadline: now }, 3, now)).toBe(false);
    expect(reminderDue({ ...request, openedAt: new Date(now.getTime() - day + 1) }, 3, now)).toBe(false);
    expect(reminderDue({ ...request, openedAt: new Date(now.getTime() - day) }, 3, now)).toBe(true);
  });
});
