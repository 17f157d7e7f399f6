// Import planning: create, update, unchanged and reject (with reasons), loops, duplicates, managers,
// full-import deactivation, the actor's own admin role, and team spelling.
import { describe, expect, it } from "vitest";
import { findReportingLoops, loopIfManagerChanges } from "./loops";
import { type PlanImportInput, planImport } from "./plan";
import { readImportCsv } from "./rows";
import { applyInMemory, type MemoryOrg, person, row } from "./testing/org";

const ADMIN = "admin@x.test";
const baseOrg: MemoryOrg = {
  people: [
    person(ADMIN, { roles: ["admin", "member"] }),
    person("boss@x.test", { roles: ["manager", "member"], teams: ["Core"] }),
    person("ann@x.test", { managerEmail: "boss@x.test", teams: ["Core"] }),
    person("old@x.test", { active: false }),
  ],
  teams: ["Core"],
};

function plan(rows: PlanImportInput["rows"], options: Partial<PlanImportInput> = {}, org = baseOrg) {
  return planImport({
    rows,
    existing: org.people,
    existingTeams: org.teams,
    deactivateMissing: false,
    actorEmail: ADMIN,
    ...options,
  });
}
const byLine = (p: ReturnType<typeof plan>, line: number) => p.rows.find((r) => r.line === line);

describe("planImport: actions", () => {
  it("creates new people, updates changed ones and leaves identical ones unchanged", () => {
    const p = plan([
      row(2, "new@x.test", { name: "New Person", managerEmail: "boss@x.test", teams: ["core"] }),
      row(3, "ann@x.test", { name: "Ann Renamed", managerEmail: "boss@x.test", teams: ["Core"] }),
      row(4, "boss@x.test", { name: "boss", roles: ["manager", "member"], teams: ["Core"] }),
    ]);
    expect(p.rows).toEqual([
      { line: 2, action: "create", errors: [], name: "New Person", email: "new@x.test", changes: [] },
      { line: 3, action: "update", errors: [], name: "Ann Renamed", email: "ann@x.test", changes: ["name"] },
      { line: 4, action: "unchanged", errors: [], name: "boss", email: "boss@x.test", changes: [] },
    ]);
    expect(p.toApply.map((r) => [r.email, r.action, r.existingId, r.teams])).toEqual([
      ["new@x.test", "create", null, ["Core"]],
      ["ann@x.test", "update", "id-ann@x.test", ["Core"]],
    ]);
    expect(p.summary).toEqual({ create: 1, update: 1, unchanged: 1, reject: 0, deactivate: 0 });
    expect(p.newTeams).toEqual([]);
  });

  it("lists every change of an existing person, and reactivates a deactivated one", () => {
    const p = plan([
      row(2, "ann@x.test", { name: "ann", managerEmail: null, roles: ["coach", "member"], teams: ["Ops"] }),
      row(3, "old@x.test", { name: "old" }),
    ]);
    expect(byLine(p, 2)?.changes).toEqual(["manager", "roles", "teams"]);
    expect(byLine(p, 3)).toMatchObject({ action: "update", changes: ["reactivated"] });
    expect(p.newTeams).toEqual(["Ops"]);
  });

  it("keeps one spelling per team: the existing one, else the first in the file", () => {
    const p = plan([
      row(2, "a@x.test", { teams: ["CORE", "Sales"] }),
      row(3, "b@x.test", { teams: ["sales"] }),
    ]);
    expect(p.toApply.map((r) => r.teams)).toEqual([["Core", "Sales"], ["Sales"]]);
    expect(p.newTeams).toEqual(["Sales"]);
  });

  it("carries the row's own problems as a rejection", () => {
    const [bad] = readImportCsv("name,email\nAnn,not-an-email");
    const p = plan(bad ? [bad] : []);
    expect(p.rows[0]).toMatchObject({
      action: "reject",
      email: "not-an-email",
      errors: ['"not-an-email" is not a valid e-mail address'],
    });
    expect(p.toApply).toEqual([]);
  });
});

describe("planImport: duplicates and managers", () => {
  it("rejects every row of a duplicated address, naming the other lines", () => {
    const p = plan([row(2, "dup@x.test"), row(3, "ok@x.test"), row(4, "dup@x.test"), row(7, "dup@x.test")]);
    expect(byLine(p, 2)?.errors).toEqual(["Duplicate: dup@x.test is also on line 4, 7"]);
    expect(byLine(p, 4)?.errors).toEqual(["Duplicate: dup@x.test is also on line 2, 7"]);
    expect(byLine(p, 3)?.action).toBe("create");
  });

  it("accepts managers from the file (in any order) and from the organisation", () => {
    const p = plan([
      row(2, "report@x.test", { managerEmail: "lead@x.test" }),
      row(3, "lead@x.test", { managerEmail: "boss@x.test" }),
    ]);
    expect(p.summary.create).toBe(2);
  });

  it("rejects an unknown or deactivated manager", () => {
    const p = plan([
      row(2, "a@x.test", { managerEmail: "ghost@x.test" }),
      row(3, "b@x.test", { managerEmail: "old@x.test" }),
    ]);
    expect(byLine(p, 2)?.errors).toEqual([
      "Unknown manager ghost@x.test: not in this file nor in the organisation",
    ]);
    expect(byLine(p, 3)?.errors).toEqual(["The manager old@x.test is deactivated"]);
  });

  it("reactivating a manager in the same file makes them usable", () => {
    const p = plan([row(2, "old@x.test"), row(3, "b@x.test", { managerEmail: "old@x.test" })]);
    expect(p.summary).toMatchObject({ update: 1, create: 1, reject: 0 });
  });

  it("rejects, in a chain, everyone whose manager's row is rejected", () => {
    const p = plan([
      row(2, "top@x.test", { errors: ["A name is required"] }),
      row(3, "mid@x.test", { managerEmail: "top@x.test" }),
      row(4, "low@x.test", { managerEmail: "mid@x.test" }),
      row(5, "side@x.test", { managerEmail: "boss@x.test" }),
    ]);
    expect(byLine(p, 3)?.errors).toEqual(["The manager top@x.test is on line 2, which is rejected"]);
    expect(byLine(p, 4)?.errors).toEqual(["The manager mid@x.test is on line 3, which is rejected"]);
    expect(byLine(p, 5)?.action).toBe("create");
  });
});

describe("planImport: reporting loops", () => {
  it("rejects the rows of a loop inside the file, showing the loop", () => {
    const p = plan([
      row(2, "a@x.test", { managerEmail: "b@x.test" }),
      row(3, "b@x.test", { managerEmail: "c@x.test" }),
      row(4, "c@x.test", { managerEmail: "a@x.test" }),
      row(5, "d@x.test", { managerEmail: "a@x.test" }),
    ]);
    for (const line of [2, 3, 4]) {
      expect(byLine(p, line)?.errors).toEqual(["Reporting loop: a@x.test → b@x.test → c@x.test → a@x.test"]);
    }
    expect(byLine(p, 5)?.errors).toEqual(["The manager a@x.test is on line 2, which is rejected"]);
  });

  it("finds loops through people who are not in the file", () => {
    // boss reports to nobody now; making boss report to ann (who reports to boss) closes a loop.
    const p = plan([
      row(2, "boss@x.test", {
        name: "boss",
        managerEmail: "ann@x.test",
        roles: ["manager", "member"],
        teams: ["Core"],
      }),
    ]);
    expect(byLine(p, 2)?.errors).toEqual(["Reporting loop: ann@x.test → boss@x.test → ann@x.test"]);
  });

  it("finds loops that only appear once a rejected row falls back to its current manager", () => {
    // x reports to y today. The file makes x report to z and z to x (a loop), and y report to x.
    // Once x falls back to y, y → x → y is a loop too, through a person whose row is accepted.
    const org: MemoryOrg = {
      people: [
        person(ADMIN, { roles: ["admin", "member"] }),
        person("x@x.test", { managerEmail: "y@x.test" }),
        person("y@x.test"),
      ],
      teams: [],
    };
    const p = plan(
      [
        row(2, "x@x.test", { name: "x", managerEmail: "z@x.test" }),
        row(3, "z@x.test", { managerEmail: "x@x.test" }),
        row(4, "y@x.test", { name: "y", managerEmail: "x@x.test" }),
      ],
      {},
      org,
    );
    expect(p.summary.reject).toBe(3);
    expect(byLine(p, 4)?.errors).toEqual(["The manager x@x.test is on line 2, which is rejected"]);
  });
});

describe("planImport: the actor and full imports", () => {
  it("refuses to drop the importing admin's own admin role", () => {
    const p = plan([row(2, ADMIN, { name: "admin" })]);
    expect(byLine(p, 2)?.errors).toEqual(["You cannot remove your own admin role: add admin to your roles"]);
  });

  it("deactivates active people missing from a full import, never the actor nor anyone in the file", () => {
    const p = plan(
      [
        row(2, "boss@x.test", { name: "boss", roles: ["manager", "member"], teams: ["Core"] }),
        row(3, "ann@x.test", { errors: ["A name is required"] }),
      ],
      { deactivateMissing: true },
    );
    expect(p.deactivate).toEqual([]);
    const q = plan([row(2, "new@x.test")], { deactivateMissing: true });
    expect(q.deactivate.map((d) => d.email)).toEqual(["boss@x.test", "ann@x.test"]);
    expect(q.summary.deactivate).toBe(2);
  });

  it("rejects a row whose manager a full import would deactivate", () => {
    const p = plan([row(2, "new@x.test", { managerEmail: "boss@x.test" })], { deactivateMissing: true });
    expect(byLine(p, 2)?.errors).toEqual([
      "The manager boss@x.test is not in this file, so this import would deactivate them",
    ]);
    const q = plan([row(2, "new@x.test", { managerEmail: ADMIN })], { deactivateMissing: true });
    expect(byLine(q, 2)?.action).toBe("create");
  });
});

describe("planImport: idempotence", () => {
  it("a second run of the same file changes nothing", () => {
    const rows = readImportCsv(
      [
        "name,email,manager_email,team,roles",
        "Lead,lead@x.test,boss@x.test,Ops,manager",
        "Report,report@x.test,lead@x.test,Ops|core,",
        "Ann,ann@x.test,lead@x.test,Core,coach",
        "Bad,bad,,,",
      ].join("\n"),
    );
    const first = plan(rows);
    expect(first.summary).toEqual({ create: 2, update: 1, unchanged: 0, reject: 1, deactivate: 0 });
    const after = applyInMemory(baseOrg, first);
    const second = plan(rows, {}, after);
    expect(second.summary).toEqual({ create: 0, update: 0, unchanged: 3, reject: 1, deactivate: 0 });
    expect(second.toApply).toEqual([]);
    expect(second.newTeams).toEqual([]);
  });
});

describe("reporting loops", () => {
  it("lists each loop once, from its smallest member", () => {
    const managerOf = new Map<string, string | null>([
      ["c", "a"],
      ["a", "b"],
      ["b", "c"],
      ["d", "a"],
      ["e", null],
      ["f", "f"],
      ["g", "missing"],
    ]);
    expect(findReportingLoops(managerOf)).toEqual([["a", "b", "c"], ["f"]]);
  });

  it("says which loop a manager change would close", () => {
    const managerOf = new Map<string, string | null>([
      ["a", "b"],
      ["b", "c"],
      ["c", null],
      ["x", "y"],
      ["y", "x"],
    ]);
    expect(loopIfManagerChanges(managerOf, "c", "a")).toEqual(["c", "a", "b", "c"]);
    expect(loopIfManagerChanges(managerOf, "c", "c")).toEqual(["c", "c"]);
    expect(loopIfManagerChanges(managerOf, "a", "c")).toBeNull();
    expect(loopIfManagerChanges(managerOf, "a", null)).toBeNull();
    expect(loopIfManagerChanges(managerOf, "a", "x")).toBeNull();
  });
});

describe("planImport: size", () => {
  it("plans 5,000 rows with a deep reporting chain in linear work", () => {
    // A chain of 5,000 where the top row is bad: every row below is rejected, one after another.
    const rows = Array.from({ length: 5_000 }, (_, i) =>
      row(i + 2, `p${i}@x.test`, {
        managerEmail: i === 0 ? null : `p${i - 1}@x.test`,
        errors: i === 0 ? ["A name is required"] : [],
      }),
    );
    const p = plan(rows);
    expect(p.summary.reject).toBe(5_000);
    const ok = plan(rows.map((r, i) => (i === 0 ? { ...r, errors: [] } : r)));
    expect(ok.summary.create).toBe(5_000);
  });
});
