// Properties of import planning on generated organisations and files: the reporting lines stay a
// tree, every accepted manager exists and stays active, each row gets one verdict, and a second run
// of the same file changes nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Role } from "../roles";
import { findReportingLoops } from "./loops";
import { type ImportPlan, planImport } from "./plan";
import type { ImportRow } from "./rows";
import { applyInMemory, type MemoryOrg, person, row } from "./testing/org";

const ADMIN = "p0@x.test";
const emailOf = (i: number) => `p${i}@x.test`;

const scenario = fc.integer({ min: 1, max: 12 }).chain((size) =>
  fc.record({
    existing: fc.array(
      fc.record({
        index: fc.integer({ min: 0, max: size - 1 }),
        manager: fc.option(fc.integer({ min: 0, max: size - 1 }), { nil: null }),
        active: fc.boolean(),
        roles: fc.subarray(["admin", "manager", "coach"] as Role[]),
      }),
      { maxLength: size },
    ),
    rows: fc.array(
      fc.record({
        index: fc.integer({ min: 0, max: size + 3 }),
        manager: fc.option(fc.integer({ min: 0, max: size + 3 }), { nil: null }),
        bad: fc.boolean(),
        roles: fc.subarray(["admin", "manager", "coach"] as Role[]),
        team: fc.constantFrom("", "Core", "core", "Ops"),
      }),
      { maxLength: size + 4 },
    ),
    deactivateMissing: fc.boolean(),
  }),
);

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function build(s: Scenario): { org: MemoryOrg; rows: ImportRow[] } {
  const people = new Map<string, ReturnType<typeof person>>();
  // The admin always exists; the generated tree is made acyclic by only pointing to lower indexes.
  people.set(ADMIN, person(ADMIN, { roles: ["admin", "member"] }));
  for (const e of s.existing) {
    const email = emailOf(e.index);
    if (people.has(email)) continue;
    const manager = e.manager !== null && e.manager < e.index ? emailOf(e.manager) : null;
    people.set(
      email,
      person(email, { managerEmail: manager, active: e.active, roles: [...e.roles, "member"] }),
    );
  }
  for (const p of people.values()) {
    if (p.managerEmail && !people.has(p.managerEmail)) p.managerEmail = null;
  }
  const rows = s.rows.map((r, i) =>
    row(i + 2, emailOf(r.index), {
      managerEmail: r.manager !== null && r.manager !== r.index ? emailOf(r.manager) : null,
      roles: [...r.roles, "member"],
      teams: r.team ? [r.team] : [],
      errors: r.bad ? ["A name is required"] : [],
    }),
  );
  return { org: { people: [...people.values()], teams: ["Core"] }, rows };
}

function run(org: MemoryOrg, rows: ImportRow[], deactivateMissing: boolean): ImportPlan {
  return planImport({
    rows,
    existing: org.people,
    existingTeams: org.teams,
    deactivateMissing,
    actorEmail: ADMIN,
  });
}

describe("planImport (properties)", () => {
  it("gives every row one verdict, and rejects exactly the rows with reasons", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { org, rows } = build(s);
        const plan = run(org, rows, s.deactivateMissing);
        expect(plan.rows.map((r) => r.line)).toEqual(rows.map((r) => r.line));
        for (const r of plan.rows) expect(r.action === "reject").toBe(r.errors.length > 0);
        expect(plan.toApply.length).toBe(plan.summary.create + plan.summary.update);
      }),
      { numRuns: 3_000 },
    );
  });

  it("leaves no reporting loop, no missing or inactive manager, and the admin active", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { org, rows } = build(s);
        const after = applyInMemory(org, run(org, rows, s.deactivateMissing));
        const byEmail = new Map(after.people.map((p) => [p.email, p]));
        const managerOf = new Map(after.people.map((p) => [p.email, p.managerEmail]));
        expect(findReportingLoops(managerOf)).toEqual([]);
        const plan = run(org, rows, s.deactivateMissing);
        for (const applied of plan.toApply) {
          if (applied.managerEmail === null) continue;
          expect(byEmail.get(applied.managerEmail)?.active).toBe(true);
        }
        expect(byEmail.get(ADMIN)?.active).toBe(true);
        expect(byEmail.get(ADMIN)?.roles).toContain("admin");
      }),
      { numRuns: 3_000 },
    );
  });

  it("is idempotent: the same file applied twice changes nothing the second time", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const { org, rows } = build(s);
        const first = run(org, rows, s.deactivateMissing);
        const second = run(applyInMemory(org, first), rows, s.deactivateMissing);
        expect(second.toApply).toEqual([]);
        expect(second.deactivate).toEqual([]);
        expect(second.newTeams).toEqual([]);
      }),
      { numRuns: 3_000 },
    );
  });
});
