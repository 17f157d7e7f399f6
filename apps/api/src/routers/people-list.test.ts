// people.list through createCaller, on the real schema: pages joined by a cursor, search by name,
// last name and e-mail prefix, the filters, the limits, and one organisation never seeing another's.
import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { PEOPLE_PAGE_MAX } from "@fivefold/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrganisationSeed, SeededOrganisation } from "../seed/organisation";
import { createHarness, type Harness, idOf } from "../testing/harness";

const FIRST = ["Ann", "Bea", "Cyd", "Dan", "Eve", "Fox", "Gil", "Hal", "Ivy", "Jo"];
const LAST = ["Garcia", "Okafor", "Nakamura", "Smith", "Öztürk", "Lee", "Kowalski"];

/** 70 people with clashing first and last names, three called exactly the same, one inactive. */
function bigOrg(name: string, domain: string): OrganisationSeed {
  const people: OrganisationSeed["people"] = [
    { key: "boss", name: "Zed Boss", email: `boss@${domain}`, roles: ["manager", "admin"] },
  ];
  for (let i = 0; i < 66; i++) {
    const first = FIRST[i % FIRST.length] as string;
    const last = LAST[i % LAST.length] as string;
    people.push({
      key: `p${i}`,
      name: `${first} ${last}`,
      email: `${first.toLowerCase()}.${i}@${domain}`,
      managerKey: i < 5 ? "boss" : undefined,
    });
  }
  for (const k of [0, 1, 2]) people.push({ key: `same${k}`, name: "Sam Same", email: `sam${k}@${domain}` });
  people.push({ key: "odd", name: "Percy 100%_Done", email: `percy@${domain}` });
  return {
    name,
    people,
    teams: [{ name: "Core", memberKeys: ["boss", "p1", "p2", "p3"], coachKeys: [] }],
  };
}

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(bigOrg("Alpha", "alpha.test"));
  b = await h.seed(bigOrg("Beta", "beta.test"));
  // One person of Alpha has left: nobody lists them.
  await h.database.db
    .update(schema.people)
    .set({ active: false })
    .where(and(eq(schema.people.orgId, a.orgId), eq(schema.people.id, idOf(a, "p9"))));
});
afterAll(async () => {
  await h?.close();
});

type Caller = ReturnType<Harness["as"]>;
type Input = NonNullable<Parameters<Caller["people"]["list"]>[0]>;

/** Every page of the list for these filters, in order. */
async function walk(caller: Caller, input: Input) {
  const pages: Array<Array<{ id: string; name: string; email: string }>> = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await caller.people.list({ ...input, cursor });
    pages.push(page.people);
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
  }
}

const byNameThenId = (x: { name: string; id: string }, y: { name: string; id: string }) =>
  x.name < y.name ? -1 : x.name > y.name ? 1 : x.id < y.id ? -1 : x.id > y.id ? 1 : 0;

describe(`people.list on ${testDriver()}`, () => {
  it("paging walks every active person exactly once, by name then id", async () => {
    const pages = await walk(h.as(a, "p0"), { limit: 7 });
    const listed = pages.flat();
    const active = Object.entries(a.people)
      .filter(([key]) => key !== "p9")
      .map(([, p]) => p.personId);
    expect(listed).toHaveLength(active.length);
    expect(new Set(listed.map((p) => p.id))).toEqual(new Set(active));
    expect(pages.slice(0, -1).every((page) => page.length === 7)).toBe(true);
    // The order is Postgres' own (name, id): compare only where the collations agree (ASCII names).
    const ascii = listed.filter((p) => /^[\x20-\x7e]*$/.test(p.name));
    expect(ascii).toEqual([...ascii].sort(byNameThenId));
    // The three Sam Same come in id order, whichever pages they fall on.
    const sams = listed.filter((p) => p.name === "Sam Same").map((p) => p.id);
    expect(sams).toEqual([...sams].sort());
  });

  it("search finds by first name, last name and e-mail prefix, case ignored, and pages too", async () => {
    const caller = h.as(a, "p0");
    const garcias = (await caller.people.list({ query: "gArC" })).people;
    expect(garcias.length).toBeGreaterThan(5);
    expect(garcias.every((p) => p.name.endsWith("Garcia"))).toBe(true);
    const anns = (await caller.people.list({ query: "ann" })).people;
    expect(anns.length).toBeGreaterThan(0);
    expect(anns.every((p) => p.name.startsWith("Ann "))).toBe(true);
    expect((await caller.people.list({ query: "ann ok" })).people.map((p) => p.name)).toEqual(
      anns.filter((p) => p.name === "Ann Okafor").map((p) => p.name),
    );
    const byMail = (await caller.people.list({ query: "EVE.4" })).people;
    expect(new Set(byMail.map((p) => p.email))).toEqual(new Set(["eve.4@alpha.test", "eve.44@alpha.test"]));
    expect((await caller.people.list({ query: "öz" })).people.length).toBeGreaterThan(0);
    const paged = (await walk(caller, { query: "s", limit: 4 })).flat();
    const all = (await caller.people.list({ query: "s", limit: 100 })).people;
    expect(paged.map((p) => p.id)).toEqual(all.map((p) => p.id));
    expect(new Set(paged.map((p) => p.id)).size).toBe(paged.length);
  });

  it("a search with LIKE wildcards matches them literally", async () => {
    const caller = h.as(a, "p0");
    expect((await caller.people.list({ query: "%" })).people).toEqual([]);
    expect((await caller.people.list({ query: "_" })).people).toEqual([]);
    expect((await caller.people.list({ query: "100%_" })).people.map((p) => p.name)).toEqual([
      "Percy 100%_Done",
    ]);
    // An empty or blank query lists everyone.
    expect((await caller.people.list({ query: "  ", limit: 100 })).people.length).toBe(70);
  });

  it("filters by team, by manager, by id and by whole e-mail addresses", async () => {
    const caller = h.as(a, "p0");
    const team = (await caller.people.list({ teamId: a.teams.Core })).people;
    expect(team.map((p) => p.id).sort()).toEqual(["boss", "p1", "p2", "p3"].map((k) => idOf(a, k)).sort());
    expect(team.every((p) => p.teamIds.includes(a.teams.Core as string))).toBe(true);
    const reports = (await caller.people.list({ managerId: idOf(a, "boss") })).people;
    expect(reports.map((p) => p.id).sort()).toEqual(
      ["p0", "p1", "p2", "p3", "p4"].map((k) => idOf(a, k)).sort(),
    );
    const resolved = (
      await caller.people.list({ emails: ["ANN.0@alpha.test", "nobody@alpha.test", "ann.0@beta.test"] })
    ).people;
    expect(resolved.map((p) => p.id)).toEqual([idOf(a, "p0")]);
    expect((await caller.people.list({ emails: [] })).people).toEqual([]);
    const named = (await caller.people.list({ ids: [idOf(a, "p5"), idOf(a, "p6"), idOf(b, "p7")] })).people;
    expect(named.map((p) => p.id).sort()).toEqual([idOf(a, "p5"), idOf(a, "p6")].sort());
  });

  it("limit is 50 unless asked, at least 1 and at most 100", async () => {
    const caller = h.as(a, "p0");
    const first = await caller.people.list();
    expect(first.people).toHaveLength(50);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect((await caller.people.list({ limit: PEOPLE_PAGE_MAX })).people).toHaveLength(70);
    for (const limit of [0, PEOPLE_PAGE_MAX + 1, 2.5]) {
      await expect(caller.people.list({ limit })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    await expect(caller.people.list({ query: "x".repeat(101) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("a cursor it did not give out is BAD_REQUEST with a sentence", async () => {
    const caller = h.as(a, "p0");
    const forged = [
      "not a cursor",
      Buffer.from("{}").toString("base64url"),
      Buffer.from(JSON.stringify(["Ann", "not-a-uuid"])).toString("base64url"),
      Buffer.from(JSON.stringify([42, idOf(a, "p0")])).toString("base64url"),
    ];
    for (const cursor of forged) {
      const error = await caller.people.list({ cursor }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: "BAD_REQUEST" });
      expect((error as Error).message).toMatch(/^This page of people is not one the list gave out/);
    }
  });

  it("another organisation's people never appear, whatever the filters or cursor", async () => {
    const caller = h.as(a, "p0");
    const alphaIds = new Set(Object.values(a.people).map((p) => p.personId));
    const listed = (await walk(caller, { limit: 100 })).flat();
    expect(listed.every((p) => alphaIds.has(p.id) && p.email.endsWith("@alpha.test"))).toBe(true);
    // Beta's team, Beta's manager, Beta's addresses: nothing.
    expect((await caller.people.list({ teamId: b.teams.Core })).people).toEqual([]);
    expect((await caller.people.list({ managerId: idOf(b, "boss") })).people).toEqual([]);
    expect((await caller.people.list({ emails: ["ann.0@beta.test"] })).people).toEqual([]);
    expect((await caller.people.list({ ids: [idOf(b, "p0")] })).people).toEqual([]);
    expect((await caller.people.list({ query: "beta" })).people).toEqual([]);
    // A cursor Beta was given only places Alpha's list; it carries no organisation.
    const betaPage = await h.as(b, "p0").people.list({ limit: 3 });
    const after = await caller.people.list({ cursor: betaPage.nextCursor ?? undefined, limit: 100 });
    expect(after.people.every((p) => alphaIds.has(p.id))).toBe(true);
  });

  it("a full page stays small: 100 people well under 50 KB of JSON", async () => {
    const page = await h.as(a, "p0").people.list({ limit: PEOPLE_PAGE_MAX });
    expect(Buffer.byteLength(JSON.stringify(page))).toBeLessThan(50_000);
  });

  it("without a session it is UNAUTHORIZED", async () => {
    await expect(h.callerFor(null).people.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
