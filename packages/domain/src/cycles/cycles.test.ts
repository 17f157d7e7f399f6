import { describe, expect, it } from "vitest";
import type { DomainError } from "../errors";
import { knownReports, mayReadOrganisationView } from "./access";
import { checkCycleCalendar, duePhase, extendCycle } from "./phases";
import { type CyclePerson, preflightCycle, selectPopulation } from "./preflight";
import { checkCycleProposal, cycleRulesSchema, DEFAULT_CYCLE_RULES, resolveCycleRules } from "./rules";

const now = new Date("2026-12-01T10:00:00Z");
const calendar = { nominationsCloseOn: "2026-12-08", answersDueOn: "2026-12-22", releaseOn: "2027-01-05" };

describe("cycle rules", () => {
  it("fills every key left out with the defaults of a 360", () => {
    expect(resolveCycleRules(undefined)).toEqual(DEFAULT_CYCLE_RULES);
    expect(resolveCycleRules({ peers: { max: 5 } }).peers).toEqual({ min: 3, max: 5 });
  });
  it("refuses an unknown key and an upside-down peer range", () => {
    expect(cycleRulesSchema.safeParse({ peerz: 3 }).success).toBe(false);
    expect(() => resolveCycleRules({ peers: { min: 6, max: 4 } })).toThrow(/fewest peers \(6\)/);
  });
});

describe("cycle calendar", () => {
  it("accepts days in order and ahead", () => {
    expect(() => checkCycleCalendar(calendar, now)).not.toThrow();
  });
  it("names the day that is out of order", () => {
    const error = (() => {
      try {
        checkCycleCalendar({ ...calendar, answersDueOn: "2026-12-08" }, now);
      } catch (caught) {
        return caught as DomainError;
      }
    })();
    expect(error?.fields).toHaveProperty("answersDueOn");
    expect(() => checkCycleCalendar({ ...calendar, nominationsCloseOn: "2026-11-30" }, now)).toThrow(
      /before today/,
    );
    expect(() => checkCycleCalendar({ ...calendar, releaseOn: "2026-02-30" }, now)).toThrow(/not all days/);
  });
  it("moves forward at the end of each UTC day, never back", () => {
    expect(duePhase("nominations", calendar, new Date("2026-12-08T23:59:59Z"))).toBe("nominations");
    expect(duePhase("nominations", calendar, new Date("2026-12-09T00:00:01Z"))).toBe("answering");
    expect(duePhase("nominations", calendar, new Date("2027-01-05T00:00:00Z"))).toBe("released");
    expect(duePhase("draft", calendar, new Date("2027-02-01T00:00:00Z"))).toBe("draft");
    expect(duePhase("released", calendar, now)).toBe("released");
  });
  it("extends a phase that has not ended, later only, keeping the order", () => {
    expect(extendCycle("answering", calendar, "answering", "2026-12-29").answersDueOn).toBe("2026-12-29");
    expect(() => extendCycle("answering", calendar, "nominations", "2026-12-10")).toThrow(/over/);
    expect(() => extendCycle("nominations", calendar, "answering", "2026-12-20")).toThrow(/later/);
    expect(() => extendCycle("nominations", calendar, "nominations", "2026-12-23")).toThrow(
      /extend answering first/,
    );
  });
});

// A small organisation: a head with two managers, each with a team.
function org(): CyclePerson[] {
  const people: CyclePerson[] = [{ id: "head", managerId: null, teamIds: ["leads"] }];
  for (const m of ["m1", "m2"]) {
    people.push({ id: m, managerId: "head", teamIds: ["leads", `team-${m}`] });
    for (let i = 0; i < 4; i += 1) people.push({ id: `${m}-r${i}`, managerId: m, teamIds: [`team-${m}`] });
  }
  return people;
}

const base = {
  rules: DEFAULT_CYCLE_RULES,
  threshold: 3,
  historyWindowDays: 120,
  openRequestSubjectIds: new Set<string>(),
  lastReleasedAt: new Map<string, Date>(),
  now,
};

describe("population and pre-flight", () => {
  it("selects everyone, managers, teams or a list", () => {
    const people = org();
    expect(selectPopulation(people, { everyone: true })).toHaveLength(11);
    expect(selectPopulation(people, { managers: true }).sort()).toEqual(["head", "m1", "m2"]);
    expect(selectPopulation(people, { teamIds: ["team-m1"] })).toHaveLength(5);
    expect(selectPopulation(people, { personIds: ["m1", "nobody"] })).toEqual(["m1"]);
  });

  it("plans the manager, every direct report and team-mates as suggested peers", () => {
    const result = preflightCycle({ ...base, people: org(), subjectIds: ["m1"] });
    const plan = result.plans[0];
    expect(plan?.managerId).toBe("head");
    expect(plan?.directReportIds).toHaveLength(4);
    expect(plan?.suggestedPeerIds).toEqual(["m2"]);
    expect(result.ready).toBe(1);
  });

  it("flags a subject without a manager, pooled direct reports, an open request and a report too close", () => {
    const people = [
      ...org(),
      { id: "solo", managerId: "m2", teamIds: [] },
      { id: "r", managerId: "solo", teamIds: [] },
    ];
    const result = preflightCycle({
      ...base,
      people,
      subjectIds: ["head", "solo", "m1", "m2"],
      openRequestSubjectIds: new Set(["m1"]),
      lastReleasedAt: new Map([["m2", new Date("2026-10-01T00:00:00Z")]]),
    });
    const kinds = (id: string) => result.problems.filter((p) => p.personId === id).map((p) => p.kind);
    expect(kinds("head")).toEqual(["no_manager", "pooled"]);
    expect(kinds("solo")).toEqual(["pooled"]);
    expect(kinds("m1")).toEqual(["open_request"]);
    expect(kinds("m2")).toEqual(["too_close"]);
    expect(result.problems.find((p) => p.kind === "too_close")?.detail).toMatch(/61 day/);
    expect(result.ready).toBe(2);
  });

  it("blocks a subject who cannot reach k anonymous raters even with the most peers", () => {
    const tiny: CyclePerson[] = [
      { id: "a", managerId: null, teamIds: ["t"] },
      { id: "b", managerId: "a", teamIds: ["t"] },
      { id: "c", managerId: "a", teamIds: ["t"] },
    ];
    const result = preflightCycle({
      ...base,
      people: tiny,
      subjectIds: ["b"],
      rules: resolveCycleRules({ peers: { min: 1, max: 1 } }),
    });
    expect(result.problems.map((p) => [p.kind, p.blocking])).toContainEqual(["cannot_reach_k", true]);
    expect(result.ready).toBe(0);
  });

  it("never suggests a peer over the rater cap, and reports a role that asks more than the cap", () => {
    const people: CyclePerson[] = [{ id: "boss", managerId: null, teamIds: ["t"] }];
    for (let i = 0; i < 8; i += 1) people.push({ id: `r${i}`, managerId: "boss", teamIds: ["t"] });
    const rules = resolveCycleRules({ raterCap: 3 });
    const result = preflightCycle({ ...base, people, subjectIds: people.map((p) => p.id), rules });
    const asks = new Map<string, number>();
    for (const plan of result.plans) {
      for (const id of [
        ...(plan.managerId ? [plan.managerId] : []),
        ...plan.directReportIds,
        ...plan.suggestedPeerIds,
      ]) {
        asks.set(id, (asks.get(id) ?? 0) + 1);
      }
    }
    for (const [id, count] of asks) if (id !== "boss") expect(count).toBeLessThanOrEqual(3);
    expect(result.problems).toContainEqual(
      expect.objectContaining({ personId: "boss", kind: "over_cap", blocking: false }),
    );
  });
});

describe("who reads the organisation view, and what they already know", () => {
  it("is analysts, and admins only where admins read reports", () => {
    expect(mayReadOrganisationView(["analyst"], false)).toBe(true);
    expect(mayReadOrganisationView(["admin"], false)).toBe(false);
    expect(mayReadOrganisationView(["admin"], true)).toBe(true);
    expect(mayReadOrganisationView(["manager", "coach"], true)).toBe(false);
  });

  it("knows the reader's own, their reports', coachees' and requested subjects' reports; nothing for a reader of every report", () => {
    const facts = { readerId: "me", directReportIds: ["r"], coacheeIds: ["c"], requestedSubjectIds: ["s"] };
    expect([...knownReports({ ...facts, readsEveryReport: false })].sort()).toEqual(["c", "me", "r", "s"]);
    expect(knownReports({ ...facts, readsEveryReport: true }).size).toBe(0);
  });
});

describe("proposals in a cycle", () => {
  const rules = resolveCycleRules({ peers: { min: 1, max: 2 }, raterCap: 3 });
  const proposal = { group: "peer", raterName: "Ana", peersSoFar: 0, asksOfRater: 0 };
  it("takes peers within the most peers and the rater cap", () => {
    expect(() => checkCycleProposal(rules, proposal)).not.toThrow();
    expect(() => checkCycleProposal(rules, { ...proposal, peersSoFar: 2 })).toThrow(/at most 2 peers/);
    expect(() => checkCycleProposal(rules, { ...proposal, asksOfRater: 3 })).toThrow(
      /Ana is already asked to rate 3/,
    );
  });
  it("takes others only where the rules allow them, and never the manager group", () => {
    expect(() => checkCycleProposal(rules, { ...proposal, group: "other" })).toThrow(/you propose peers;/);
    expect(() =>
      checkCycleProposal({ ...rules, others: true }, { ...proposal, group: "other" }),
    ).not.toThrow();
    expect(() => checkCycleProposal({ ...rules, others: true }, { ...proposal, group: "manager" })).toThrow(
      /peers and others/,
    );
  });
});
