// The organisation view of a released cycle is frozen at its release (issue 16 §6): a reader who
// looks before and after a later change (someone moves team, a subject is erased) and subtracts
// the two looks learns nothing, because both looks show the same figures. Without the freeze the
// team's sum drops by exactly the moved person's figure.
import { schema } from "@fivefold/db";
import { decodeOrgView } from "@fivefold/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { forgetFrozenViews } from "../services/analytics/frozen";
import { forgetCachedViews } from "../services/analytics/org";
import { collectOrg, createHarness, type Harness, idOf as id } from "../testing/harness";
import { releasedInCycle } from "../testing/released-request";

let h: Harness;
let a: SeededOrganisation;
let cycleId: string;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A released report on the subject, rated by peers, joined to the cycle. */
const released = (subject: string, raters: string[], score: number) =>
  releasedInCycle(h, a, { subject, raters, score, cycleId });

/** What an analyst sees of the Core team and the whole organisation, by team. */
async function look() {
  forgetCachedViews(); // the live view is cached a minute; the attacker waits that long
  const view = await h.as(a, "stranger").analytics.org({ cycleId, by: "team" });
  const core = view.cells.find((cell) => cell.key === a.teams.Core);
  return { core: core?.dimensions?.inspire ?? null, total: view.total.dimensions?.inspire ?? null, view };
}

/** The sum of the figures behind a shown cell: what a reader subtracts. */
const sum = (cell: { mean: number; people: number } | null) => (cell ? cell.mean * cell.people : null);

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  const created = await h.as(a, "admin").cycles.create({
    name: "Frozen",
    population: { everyone: true },
    nominationsCloseOn: day(7),
    answersDueOn: day(21),
    releaseOn: day(28),
  });
  cycleId = created.id;
  // Core holds four reports (subject 4, p1 3, p2 2, p3 5); p4, p5 and p6 are in no team.
  await released("subject", ["p4", "p5", "p6"], 4);
  await released("p1", ["p4", "p5", "p6"], 3);
  await released("p2", ["p4", "p5", "p6"], 2);
  await released("p3", ["p4", "p5", "p6"], 5);
  await released("p4", ["p1", "p2", "p3"], 4);
  await released("p5", ["p1", "p2", "p3"], 3);
  await released("p6", ["p1", "p2", "p3"], 4);
  await h.database.db
    .insert(schema.personRoles)
    .values({ orgId: a.orgId, personId: id(a, "stranger"), role: "analyst" });
  // The cycle's answering is over; the admin releases it, which freezes its view.
  await h.database.db.update(schema.cycles).set({ phase: "closed" }).where(eq(schema.cycles.id, cycleId));
  expect(await h.as(a, "admin").cycles.release({ cycleId })).toEqual({ released: 0, insufficient: 0 });
});
afterAll(async () => {
  await h?.close();
});

describe("the organisation view of a released cycle is frozen at release", () => {
  let before: Awaited<ReturnType<typeof look>>;

  beforeAll(async () => {
    before = await look();
    // The attack needs both cells shown: Core (4 people) and the rest (3) are both at least k.
    expect(before.core).toEqual({ mean: 3.5, people: 4 });
    expect(before.total).toEqual({ mean: 3.57, people: 7 });
  });

  it("temporal drift subtraction: moving someone out of the team after release yields no difference", async () => {
    await h.database.db
      .delete(schema.teamMembers)
      .where(and(eq(schema.teamMembers.orgId, a.orgId), eq(schema.teamMembers.personId, id(a, "p3"))));
    const after = await look();
    // Live, Core would now be {3, 3}: 14 − 9 = 5, p3's own figure.
    expect(sum(before.core)).not.toBeNull();
    expect((sum(before.core) as number) - (sum(after.core) as number)).toBe(0);
    expect(after.view).toEqual(before.view);
  });

  it("temporal drift subtraction: erasing a subject after release yields no difference", async () => {
    await h.as(a, "admin").people.erase({ personId: id(a, "p2") });
    const after = await look();
    expect((sum(before.core) as number) - (sum(after.core) as number)).toBe(0);
    expect((sum(before.total) as number) - (sum(after.total) as number)).toBe(0);
    expect(after.view).toEqual(before.view);
  });

  it("still hides what a reader knows one by one, from the frozen copy (the requester turned analyst)", async () => {
    await h.database.db
      .insert(schema.personRoles)
      .values({ orgId: a.orgId, personId: id(a, "admin"), role: "analyst" });
    const view = await h.as(a, "admin").analytics.org({ cycleId, by: "team" });
    // The admin requested every report (the erased one is nobody's now: one unknown, under k).
    expect(view.cells.find((cell) => cell.key === a.teams.Core)?.dimensions).toBeNull();
    expect(view.total.dimensions).toBeNull();
    expect(view.distribution.inspire).toEqual([null, null, null, null]);
  });
});

describe("the compact form of the frozen view", () => {
  const stored = async () => {
    const [row] = await h.database.db
      .select({ data: schema.cycleViewPrepared.data })
      .from(schema.cycleViewPrepared)
      .where(and(eq(schema.cycleViewPrepared.orgId, a.orgId), eq(schema.cycleViewPrepared.cycleId, cycleId)));
    return row?.data ?? null;
  };
  const asKnowingReader = () => h.as(a, "admin").analytics.org({ cycleId, by: "team" });

  it("a reader of the database finds no person in it: reports are named by request only", async () => {
    const data = await stored();
    expect(data).not.toBeNull();
    const view = decodeOrgView(data as Buffer);
    expect(view.people).toBe(7);
    const people = await h.database.db
      .select({ id: schema.people.id })
      .from(schema.people)
      .where(eq(schema.people.orgId, a.orgId));
    const text = (data as Buffer).toString("latin1");
    for (const person of people) {
      expect(text).not.toContain(person.id);
      expect((data as Buffer).includes(Buffer.from(person.id.replaceAll("-", ""), "hex"))).toBe(false);
    }
  });

  it("is made again from the frozen rows when it is missing (frozen before it existed), with the same view", async () => {
    forgetFrozenViews();
    const before = await asKnowingReader();
    await h.database.db.delete(schema.cycleViewPrepared).where(eq(schema.cycleViewPrepared.cycleId, cycleId));
    forgetFrozenViews();
    expect(await asKnowingReader()).toEqual(before);
    expect(decodeOrgView((await stored()) as Buffer).people).toBe(7);
  });

  it("is made again when its bytes do not read back (a damaged row), and the service goes on", async () => {
    forgetFrozenViews();
    const before = await asKnowingReader();
    await h.database.db
      .update(schema.cycleViewPrepared)
      .set({ data: Buffer.from("not a view") })
      .where(eq(schema.cycleViewPrepared.cycleId, cycleId));
    forgetFrozenViews();
    expect(await asKnowingReader()).toEqual(before);
    expect(decodeOrgView((await stored()) as Buffer).people).toBe(7);
  });
});
