// people.directoryPage through createCaller, on the real schema: the admin People page's list a page
// at a time (keyset by name and id), searched by name, e-mail or team, filtered by status, with the
// organisation's counts; admins only; erased people and other organisations never listed.
import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrganisationSeed, SeededOrganisation } from "../seed/organisation";
import { createHarness, type Harness, idOf } from "../testing/harness";

const FIRST = ["Ann", "Bea", "Cyd", "Dan", "Eve", "Fox", "Gil"];
const LAST = ["Garcia", "Okafor", "Smith", "Lee"];

/** 40 people, three called exactly the same, a team, an admin who manages some. */
function org(name: string, domain: string): OrganisationSeed {
  const people: OrganisationSeed["people"] = [
    { key: "admin", name: "Zed Admin", email: `admin@${domain}`, roles: ["admin", "manager"] },
  ];
  for (let i = 0; i < 36; i++) {
    people.push({
      key: `p${i}`,
      name: `${FIRST[i % FIRST.length]} ${LAST[i % LAST.length]}`,
      email: `person.${i}@${domain}`,
      managerKey: i < 4 ? "admin" : undefined,
    });
  }
  for (const k of [0, 1, 2]) people.push({ key: `same${k}`, name: "Sam Same", email: `sam${k}@${domain}` });
  return { name, people, teams: [{ name: "Deep Kelp Research", memberKeys: ["p1", "p2"], coachKeys: [] }] };
}

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(org("Alpha", "alpha.test"));
  b = await h.seed(org("Beta", "beta.test"));
  const set = (key: string, values: Partial<typeof schema.people.$inferInsert>) =>
    h.database.db
      .update(schema.people)
      .set(values)
      .where(and(eq(schema.people.orgId, a.orgId), eq(schema.people.id, idOf(a, key))));
  await set("p5", { active: false });
  await set("p6", { active: false, erasedAt: new Date(), name: "Erased Person" });
}, 60_000);
afterAll(async () => {
  await h?.close();
});

type Caller = ReturnType<Harness["as"]>;
type Input = NonNullable<Parameters<Caller["people"]["directoryPage"]>[0]>;

async function walk(caller: Caller, input: Input) {
  const pages: Awaited<ReturnType<Caller["people"]["directoryPage"]>>[] = [];
  let cursor: string | undefined;
  for (;;) {
    const page = await caller.people.directoryPage({ ...input, cursor });
    pages.push(page);
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
  }
}

describe(`people.directoryPage on ${testDriver()}`, () => {
  it("pages through everyone of the status exactly once, by name then id, never the erased", async () => {
    const pages = await walk(h.as(a, "admin"), { status: "all", limit: 7 });
    const listed = pages.flatMap((p) => p.people);
    const expected = Object.entries(a.people)
      .filter(([key]) => key !== "p6")
      .map(([, p]) => p.personId);
    expect(new Set(listed.map((p) => p.id))).toEqual(new Set(expected));
    expect(listed).toHaveLength(expected.length);
    expect(pages.slice(0, -1).every((p) => p.people.length === 7)).toBe(true);
    const sams = listed.filter((p) => p.name === "Sam Same").map((p) => p.id);
    expect(sams).toEqual([...sams].sort());
    expect(listed.some((p) => p.name === "Erased Person")).toBe(false);
    // The counts are the organisation's, on every page, whatever the search.
    for (const page of pages) expect(page.counts).toEqual({ active: expected.length - 1, inactive: 1 });
  });

  it("keeps what the page showed: manager's name, roles, teams, sign-in and status", async () => {
    const caller = h.as(a, "admin");
    const { people } = await caller.people.directoryPage({ query: "deep kelp" });
    expect(people.map((p) => p.id).sort()).toEqual([idOf(a, "p1"), idOf(a, "p2")].sort());
    const p1 = people.find((p) => p.id === idOf(a, "p1"));
    expect(p1).toMatchObject({ managerId: idOf(a, "admin"), managerName: "Zed Admin", active: true });
    expect(p1?.teams.map((t) => t.name)).toEqual(["Deep Kelp Research"]);
    const [admin] = (await caller.people.directoryPage({ query: "zed" })).people;
    expect(admin?.roles).toEqual(["admin", "manager", "member"]);
    expect(admin?.managerName).toBeNull();
    // The entry is the directory's own, plus the manager's name.
    const whole = (await caller.people.directory()).find((p) => p.id === idOf(a, "p1"));
    expect({ ...p1, managerName: undefined }).toEqual({ ...whole, managerName: undefined });
  });

  it("searches name, e-mail and team anywhere in them, case ignored, and filters by status", async () => {
    const caller = h.as(a, "admin");
    const garcias = (await caller.people.directoryPage({ query: "GARC", limit: 100 })).people;
    expect(garcias.length).toBeGreaterThan(3);
    expect(garcias.every((p) => p.name.endsWith("Garcia"))).toBe(true);
    expect((await caller.people.directoryPage({ query: "person.12@" })).people.map((p) => p.id)).toEqual([
      idOf(a, "p12"),
    ]);
    expect((await caller.people.directoryPage({ query: "%" })).people).toEqual([]);
    const inactive = (await caller.people.directoryPage({ status: "inactive" })).people;
    expect(inactive.map((p) => p.id)).toEqual([idOf(a, "p5")]);
    const active = (await caller.people.directoryPage({ limit: 100 })).people;
    expect(active.some((p) => p.id === idOf(a, "p5"))).toBe(false);
  });

  it("one organisation's admin never lists another's people, with a cursor from the other either", async () => {
    const other = await h.as(b, "admin").people.directoryPage({ status: "all", limit: 5 });
    const mine = await walk(h.as(a, "admin"), {
      status: "all",
      limit: 50,
      cursor: other.nextCursor ?? undefined,
    });
    const ids = new Set(Object.values(b.people).map((p) => p.personId));
    expect(mine.flatMap((p) => p.people).some((p) => ids.has(p.id))).toBe(false);
  });

  it("refuses members who are not admins, and a cursor it did not give out, with sentences", async () => {
    await expect(h.as(a, "p1").people.directoryPage()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(h.as(a, "admin").people.directoryPage({ cursor: "not-a-cursor" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/^[A-Z].*[.:a-z]$/),
    });
    await expect(h.as(a, "admin").people.directoryPage({ limit: 101 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
