// people.import through createCaller on the real schema: who may call it, the per-row dry run,
// the apply in one transaction, idempotence, CSV edge cases, loops, duplicates, full-import
// deactivation, the other organisation, and 5,000 rows.
import { listDirectory, schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { toCsv } from "@fivefold/domain";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { createHarness, type Harness, smallOrg } from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(smallOrg("Alpha", "alpha.test"));
  b = await h.seed(smallOrg("Beta", "beta.test"));
});
afterAll(async () => {
  await h?.close();
});

const HEADER = "name,email,manager_email,team,roles";
const csv = (...lines: string[]) => [HEADER, ...lines].join("\n");

async function person(org: SeededOrganisation, email: string) {
  const all = await listDirectory(h.database.db, org.orgId, { includeErased: true });
  return all.find((p) => p.email === email);
}

describe(`people.import on ${testDriver()}`, () => {
  it("is for admins of the organisation only", async () => {
    const input = { csv: csv("X,x@alpha.test,,,"), dryRun: true };
    for (const key of ["manager", "coach", "ann"]) {
      await expect(h.as(a, key).people.import(input)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(h.callerFor(null).people.import(input)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(h.as(a, "admin").people.import({ csv: "", dryRun: true })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("reports per row in a dry run, and changes nothing", async () => {
    const before = await h.database.db.select({ n: sql<number>`count(*)::int` }).from(schema.people);
    const result = await h.as(a, "admin").people.import({
      dryRun: true,
      csv: csv(
        "Dee Dale,dee@alpha.test,manager@alpha.test,Core,",
        "Eve Earl,not-an-email,manager@alpha.test,Core,",
        "Ann Able,ann@alpha.test,manager@alpha.test,Core,",
        "Ann Renamed,ANN@alpha.test,manager@alpha.test,Core,",
      ),
    });
    expect(result.applied).toBe(false);
    expect(result.rows).toEqual([
      { line: 2, action: "create", errors: [], name: "Dee Dale", email: "dee@alpha.test", changes: [] },
      {
        line: 3,
        action: "reject",
        errors: ['"not-an-email" is not a valid e-mail address'],
        name: "Eve Earl",
        email: "not-an-email",
        changes: [],
      },
      {
        line: 4,
        action: "reject",
        errors: ["Duplicate: ann@alpha.test is also on line 5"],
        name: "Ann Able",
        email: "ann@alpha.test",
        changes: [],
      },
      {
        line: 5,
        action: "reject",
        errors: ["Duplicate: ann@alpha.test is also on line 4"],
        name: "Ann Renamed",
        email: "ann@alpha.test",
        changes: [],
      },
    ]);
    expect(result.summary).toEqual({ create: 1, update: 0, unchanged: 0, reject: 3, deactivate: 0 });
    const after = await h.database.db.select({ n: sql<number>`count(*)::int` }).from(schema.people);
    expect(after).toEqual(before);
  });

  it("applies accepted rows in one go (people, managers, teams, roles) and skips rejected ones", async () => {
    const result = await h.as(a, "admin").people.import({
      dryRun: false,
      csv: csv(
        "Fay Ford,fay@alpha.test,gus@alpha.test,Ops|Core,coach",
        "Gus Gray,gus@alpha.test,manager@alpha.test,Ops,manager",
        "Bad Row,bad,,,",
        "Bob Best,bob@alpha.test,gus@alpha.test,Core,",
      ),
    });
    expect(result.applied).toBe(true);
    expect(result.rows.map((r) => [r.line, r.action, r.changes])).toEqual([
      [2, "create", []],
      [3, "create", []],
      [4, "reject", []],
      [5, "update", ["manager"]],
    ]);
    expect(result.newTeams).toEqual(["Ops"]);
    const fay = await person(a, "fay@alpha.test");
    const gus = await person(a, "gus@alpha.test");
    const bob = await person(a, "bob@alpha.test");
    expect(fay).toMatchObject({
      name: "Fay Ford",
      active: true,
      hasSignIn: false,
      roles: ["coach", "member"],
    });
    expect(fay?.managerId).toBe(gus?.id);
    expect(fay?.teams.map((t) => t.name)).toEqual(["Core", "Ops"]);
    expect(gus?.roles).toEqual(["manager", "member"]);
    expect(bob?.managerId).toBe(gus?.id);
    expect(await person(a, "bad")).toBeUndefined();
    // The new people are members: people.list shows them to everyone in the organisation.
    const { people: list } = await h.as(a, "ann").people.list();
    expect(list.map((p) => p.name)).toEqual(expect.arrayContaining(["Fay Ford", "Gus Gray"]));
  });

  it("is idempotent: the same file again changes nothing", async () => {
    const file = csv(
      "Fay Ford,fay@alpha.test,gus@alpha.test,Ops|Core,coach",
      "Gus Gray,gus@alpha.test,manager@alpha.test,Ops,manager",
      "Bob Best,bob@alpha.test,gus@alpha.test,Core,",
    );
    const again = await h.as(a, "admin").people.import({ dryRun: false, csv: file });
    expect(again.summary).toEqual({ create: 0, update: 0, unchanged: 3, reject: 0, deactivate: 0 });
    expect(again.newTeams).toEqual([]);
    const teams = await h.database.db.select().from(schema.teams).where(eq(schema.teams.orgId, a.orgId));
    expect(teams.map((t) => t.name).sort()).toEqual(["Core", "Ops"]);
  });

  it("reads BOM, semicolons, quotes and CRLF (a spreadsheet's export)", async () => {
    const text =
      '\uFEFFName;E-mail;Manager;Team;Roles\r\n"Hale; Hugo";hugo@alpha.test;manager@alpha.test;"Core";\r\n"Ida ""Izzy"" Ito";ida@alpha.test;;;"coach manager"\r\n';
    const result = await h.as(a, "admin").people.import({ dryRun: false, csv: text });
    expect(result.rows.map((r) => [r.action, r.name])).toEqual([
      ["create", "Hale; Hugo"],
      ["create", 'Ida "Izzy" Ito'],
    ]);
    expect(await person(a, "ida@alpha.test")).toMatchObject({ roles: ["manager", "coach", "member"] });
  });

  it("rejects reporting loops and rows under a rejected manager, with the reason", async () => {
    const result = await h.as(a, "admin").people.import({
      dryRun: true,
      csv: csv(
        "Jo Jay,jo@alpha.test,kim@alpha.test,,",
        "Kim Key,kim@alpha.test,jo@alpha.test,,",
        "Lu Lee,lu@alpha.test,jo@alpha.test,,",
        // The manager of the organisation would report to Ann, who reports to the manager.
        "Alpha Manager,manager@alpha.test,ann@alpha.test,Core,manager",
        "Mo May,mo@alpha.test,ghost@alpha.test,,",
      ),
    });
    expect(result.rows.map((r) => r.errors)).toEqual([
      ["Reporting loop: jo@alpha.test → kim@alpha.test → jo@alpha.test"],
      ["Reporting loop: jo@alpha.test → kim@alpha.test → jo@alpha.test"],
      ["The manager jo@alpha.test is on line 2, which is rejected"],
      ["Reporting loop: ann@alpha.test → manager@alpha.test → ann@alpha.test"],
      ["Unknown manager ghost@alpha.test: not in this file nor in the organisation"],
    ]);
  });

  it("refuses a broken file as a whole, naming the problem", async () => {
    const admin = h.as(a, "admin");
    await expect(
      admin.people.import({ dryRun: true, csv: "name,email,dept\nA,a@alpha.test,x" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining('Unknown column "dept"'),
    });
    await expect(
      admin.people.import({ dryRun: true, csv: 'name,email\n"open,a@alpha.test' }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "A quote opened on line 2 is never closed",
    });
  });

  it("a full import deactivates people missing from the file (not the admin), and ends their sessions", async () => {
    const everyone = (await listDirectory(h.database.db, a.orgId)).filter((p) => p.active);
    const keep = everyone.filter((p) => p.email !== "cat@alpha.test" && p.email !== "admin@alpha.test");
    const catUser = a.people.cat?.userId as string;
    await h.database.db.insert(schema.session).values({
      id: "cat-session",
      token: "cat-session-token",
      userId: catUser,
      expiresAt: new Date(Date.now() + 86_400_000),
    });
    const file = toCsv([
      ["name", "email", "manager_email", "team", "roles"],
      ...keep.map((p) => [
        p.name,
        p.email,
        p.managerEmail ?? "",
        p.teams.map((t) => t.name).join("|"),
        p.roles.filter((r) => r !== "member").join(" "),
      ]),
    ]);
    const dry = await h.as(a, "admin").people.import({ dryRun: true, deactivateMissing: true, csv: file });
    expect(dry.deactivated.map((d) => d.email)).toEqual(["cat@alpha.test"]);
    expect(dry.summary).toMatchObject({ create: 0, update: 0, reject: 0, deactivate: 1 });
    const applied = await h
      .as(a, "admin")
      .people.import({ dryRun: false, deactivateMissing: true, csv: file });
    expect(applied.applied).toBe(true);
    expect(await person(a, "cat@alpha.test")).toMatchObject({ active: false });
    expect(await person(a, "admin@alpha.test")).toMatchObject({ active: true });
    const sessions = await h.database.db
      .select()
      .from(schema.session)
      .where(eq(schema.session.userId, catUser));
    expect(sessions).toEqual([]);
    await expect(h.as(a, "cat").me.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
    // Cat again in a later file: reactivated.
    const back = await h
      .as(a, "admin")
      .people.import({ dryRun: false, csv: csv("Cat Cole,cat@alpha.test,manager@alpha.test,Core,") });
    expect(back.rows[0]).toMatchObject({ action: "update", changes: ["reactivated"] });
  });

  it("never touches another organisation: same addresses are separate people", async () => {
    const result = await h.as(b, "admin").people.import({
      dryRun: false,
      csv: csv("Fay Other,fay@alpha.test,manager@alpha.test,Ops,"),
    });
    // Beta has no manager@alpha.test: the manager is unknown there.
    expect(result.rows[0]?.errors).toEqual([
      "Unknown manager manager@alpha.test: not in this file nor in the organisation",
    ]);
    const ok = await h
      .as(b, "admin")
      .people.import({ dryRun: false, csv: csv("Fay Other,fay@alpha.test,,,") });
    expect(ok.rows[0]?.action).toBe("create");
    expect((await person(a, "fay@alpha.test"))?.name).toBe("Fay Ford");
    expect((await person(b, "fay@alpha.test"))?.name).toBe("Fay Other");
    const alphaTeams = await h.database.db.select().from(schema.teams).where(eq(schema.teams.orgId, a.orgId));
    expect(alphaTeams.map((t) => t.name).sort()).toEqual(["Core", "Ops"]);
  });

  it("writes one audit entry per applied import, with counts only", async () => {
    const rows = await h.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.orgId, a.orgId), eq(schema.auditLog.action, "people.import")));
    expect(rows.length).toBeGreaterThanOrEqual(4);
    expect(rows[0]?.actorId).toBe(a.people.admin?.personId);
    expect(Object.keys(rows[0]?.details ?? {}).sort()).toEqual(
      ["created", "deactivated", "full", "rejected", "teamsCreated", "unchanged", "updated"].sort(),
    );
  });

  it("imports 5,000 rows (a reporting tree ten deep, 50 teams), then finds them unchanged", async () => {
    const rows: string[][] = [["name", "email", "manager_email", "team", "roles"]];
    for (let i = 0; i < 5_000; i++) {
      // Person i reports to person floor((i - 1) / 5): a five-way tree.
      const manager = i === 0 ? "admin@alpha.test" : `big${Math.floor((i - 1) / 5)}@alpha.test`;
      rows.push([
        `Big Person ${i}`,
        `big${i}@alpha.test`,
        manager,
        `Team ${i % 50}`,
        i < 1_000 ? "manager" : "",
      ]);
    }
    const file = toCsv(rows);
    const first = await h.as(a, "admin").people.import({ dryRun: false, csv: file });
    expect(first.summary).toMatchObject({ create: 5_000, reject: 0 });
    expect(first.newTeams).toHaveLength(50);
    const [count] = await h.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.people)
      .where(and(eq(schema.people.orgId, a.orgId), sql`${schema.people.email} like 'big%'`));
    expect(count?.n).toBe(5_000);
    const leaf = await person(a, "big4999@alpha.test");
    expect(leaf?.managerEmail).toBe("big999@alpha.test");
    const second = await h.as(a, "admin").people.import({ dryRun: true, csv: file });
    expect(second.summary).toMatchObject({ create: 0, update: 0, unchanged: 5_000 });
  }, 120_000);
});
