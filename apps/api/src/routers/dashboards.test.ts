// dashboards.teams and dashboards.team through createCaller: who sees which team, and team figures
// that need k people behind them and come from released reports only.
import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { fullAnswers } from "../testing/answers";
import { collectOrg, createHarness, type Harness, idOf as id } from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;
const core = () => a.teams.Core ?? "";

async function request(
  subjectKey: string,
  raters: string[],
  score: number,
  answering = raters,
  close = true,
) {
  const { id: requestId } = await h.as(a, "manager").requests.create({
    subjectId: id(a, subjectKey),
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    raters: raters.map((key) => ({ personId: id(a, key), group: "peer" as const })),
  });
  for (const key of [subjectKey, ...answering]) {
    const caller = h.as(a, key);
    const invitation = (await caller.inbox.list()).find((i) => i.requestId === requestId);
    if (!invitation) throw new Error(`${key} not invited`);
    await caller.responses.submit({
      invitationId: invitation.invitationId,
      answers: fullAnswers(key === subjectKey ? 5 : score),
    });
  }
  if (close) await h.as(a, "manager").requests.close({ requestId });
  return requestId;
}

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  b = await h.seed(collectOrg("Beta", "beta.test"));
  // A second coach, of another team.
  const [other] = await h.database.db
    .insert(schema.teams)
    .values({ orgId: a.orgId, name: "Other" })
    .returning();
  await h.database.db
    .insert(schema.teamCoaches)
    .values({ orgId: a.orgId, teamId: other?.id ?? "", personId: id(a, "stranger") });
  await h.database.db
    .insert(schema.personRoles)
    .values({ orgId: a.orgId, personId: id(a, "stranger"), role: "coach" });
});
afterAll(async () => {
  await h?.close();
});

describe(`dashboards on ${testDriver()}`, () => {
  it("lists the teams I coach or whose members report to me", async () => {
    expect(await h.as(a, "coach").dashboards.teams()).toEqual([
      { id: core(), name: "Core", members: 5, viewer: "coach" },
    ]);
    expect((await h.as(a, "manager").dashboards.teams()).map((t) => [t.name, t.viewer])).toEqual([
      ["Core", "manager"],
    ]);
    expect((await h.as(a, "stranger").dashboards.teams()).map((t) => t.name)).toEqual(["Other"]);
    expect(await h.as(a, "p1").dashboards.teams()).toEqual([]);
    expect(await h.as(b, "coach").dashboards.teams()).not.toContainEqual(
      expect.objectContaining({ id: core() }),
    );
  });

  it("keeps the team profile hidden until k people have a released report", async () => {
    await request("subject", ["p1", "p2", "p3"], 4);
    await request("p1", ["p2", "p3", "p4"], 3);
    const two = await h.as(a, "coach").dashboards.team({ teamId: core() });
    expect(two.profile.vision).toBeNull();
    expect(two.people.find((p) => p.personId === id(a, "subject"))?.cells.vision).toBe(4);

    // An open request with answers changes nothing but the progress counts.
    await request("p3", ["p4", "p5", "p6"], 1, ["p4", "p5"], false);
    const stillTwo = await h.as(a, "coach").dashboards.team({ teamId: core() });
    expect(stillTwo.profile.vision).toBeNull();
    expect(stillTwo.progress).toEqual({ open: 1, invited: 4, submitted: 3 });
    const p3 = stillTwo.people.find((p) => p.personId === id(a, "p3"));
    expect(p3?.cells.vision).toBeNull();
    expect(p3?.blankReason).toMatch(/^Collecting answers until/);

    await request("p2", ["p1", "p3", "p4"], 2);
    const three = await h.as(a, "coach").dashboards.team({ teamId: core() });
    expect(three.profile.vision).toEqual({ mean: 3, people: 3, distribution: [0, 1, 1, 1, 0] });
    expect(three.people).toHaveLength(5);
    expect(three.threshold).toBe(3);
  });

  it("shows managers their own direct reports only, and refuses everyone else", async () => {
    const managerView = await h.as(a, "manager").dashboards.team({ teamId: core() });
    expect(managerView.viewer).toBe("manager");
    expect(managerView.people.map((p) => p.personId).sort()).toEqual(
      ["subject", "p1", "p2", "p3"].map((k) => id(a, k)).sort(),
    );
    const bossView = await h.as(a, "boss").dashboards.team({ teamId: core() });
    expect(bossView.people.map((p) => p.personId)).toEqual([id(a, "manager")]);
    expect(bossView.profile.vision).toBeNull();

    await expect(h.as(a, "stranger").dashboards.team({ teamId: core() })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(h.as(a, "p1").dashboards.team({ teamId: core() })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(h.as(a, "admin").dashboards.team({ teamId: core() })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(h.as(b, "coach").dashboards.team({ teamId: core() })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      h.as(a, "coach").dashboards.team({ teamId: core(), cycle: "00000000-0000-4000-8000-000000000000" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("lists who needs attention, and why", async () => {
    const view = await h.as(a, "coach").dashboards.team({ teamId: core() });
    const reasons = (key: string) => view.attention.find((x) => x.personId === id(a, key))?.reasons ?? [];
    // Self 5 against others' 3 and 2: large blind spots; against others' 4, within the rule.
    expect(reasons("p1").join(" ")).toMatch(
      /large blind spot: they rate themselves 2\.0 points above others/,
    );
    expect(reasons("p2").join(" ")).toMatch(/3\.0 points above others/);
    expect(reasons("subject")).toEqual([]);

    await h.cancelActiveRequests(); // p3's request from before, still collecting answers
    await request("p3", ["p4", "p5", "p6"], 3, ["p4"]); // closes with too few answers
    const after = await h.as(a, "coach").dashboards.team({ teamId: core() });
    const p3 = after.attention.find((x) => x.personId === id(a, "p3"));
    expect(p3?.reasons).toEqual(["Their last feedback request closed with too few answers for a report"]);
  });

  it("shows a manager only the figures of reports they may read, and team figures only from those", async () => {
    // p5's report is requested by an admin: the coach may read it, their manager may not.
    const { id: requestId } = await h.as(a, "admin").requests.create({
      subjectId: id(a, "p5"),
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      raters: ["p1", "p2", "p3"].map((key) => ({ personId: id(a, key), group: "peer" as const })),
    });
    for (const key of ["p5", "p1", "p2", "p3"]) {
      const caller = h.as(a, key);
      const invitation = (await caller.inbox.list()).find((i) => i.requestId === requestId);
      await caller.responses.submit({
        invitationId: invitation?.invitationId ?? "",
        answers: fullAnswers(4),
      });
    }
    await h.as(a, "admin").requests.close({ requestId });
    await h.database.db
      .insert(schema.teamMembers)
      .values({ orgId: a.orgId, teamId: core(), personId: id(a, "p5") });

    const coachView = await h.as(a, "coach").dashboards.team({ teamId: core() });
    expect(coachView.people.find((p) => p.personId === id(a, "p5"))).toMatchObject({
      requestId,
      cells: { vision: 4 },
    });
    const managerView = await h.as(a, "manager").dashboards.team({ teamId: core() });
    const p5 = managerView.people.find((p) => p.personId === id(a, "p5"));
    expect(p5).toMatchObject({ requestId: null, cells: { vision: null } });
    expect(p5?.blankReason).toMatch(/requested by someone else/);
    await expect(h.as(a, "manager").reports.get({ requestId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The manager's team figures stand only on the reports they can read.
    const readable = managerView.people.filter((p) => p.requestId !== null).length;
    expect(managerView.profile.vision?.people ?? 0).toBeLessThanOrEqual(readable);
  });

  it("filters the heatmap by cycle", async () => {
    const [cycle] = await h.database.db
      .insert(schema.cycles)
      .values({ orgId: a.orgId, name: "Winter", startsOn: "2026-11-01", endsOn: "2026-12-31" })
      .returning();
    const subjectReport = (await h.as(a, "subject").reports.list())[0];
    await h.database.db
      .update(schema.feedbackRequests)
      .set({ cycleId: cycle?.id ?? null })
      .where(eq(schema.feedbackRequests.id, subjectReport?.requestId ?? ""));
    const view = await h.as(a, "coach").dashboards.team({ teamId: core(), cycle: cycle?.id });
    expect(view.cycle).toBe(cycle?.id);
    expect(view.cycles.map((c) => c.name)).toContain("Winter");
    const withReport = view.people.filter((p) => p.requestId !== null);
    expect(withReport.map((p) => p.personId)).toEqual([id(a, "subject")]);
    expect(view.people.find((p) => p.personId === id(a, "p1"))?.blankReason).toBe(
      "No released report in this cycle",
    );
    expect(view.profile.vision).toBeNull(); // one person in the cycle: under k
    expect(view.trend.find((t) => t.name === "Winter")?.means.vision).toBeNull();
  });

  it("opens the whole team to an admin only while the organisation lets admins read reports", async () => {
    const admin = h.as(a, "admin");
    await admin.settings.update({ adminsReadReports: true });
    try {
      const coachView = await h.as(a, "coach").dashboards.team({ teamId: core() });
      const adminView = await admin.dashboards.team({ teamId: core() });
      expect(adminView.viewer).toBe("admin");
      expect(adminView.people.map((p) => [p.personId, p.requestId])).toEqual(
        coachView.people.map((p) => [p.personId, p.requestId]),
      );
    } finally {
      await admin.settings.update({ adminsReadReports: false });
    }
    await expect(admin.dashboards.team({ teamId: core() })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("refuses to show figures from a snapshot altered after release", async () => {
    const [report] = (await h.as(a, "coach").dashboards.team({ teamId: core() })).people.filter(
      (p) => p.requestId !== null,
    );
    const requestId = report?.requestId ?? "";
    const snapshotOf = schema.reportSnapshots.requestId;
    const [row] = await h.database.db
      .select({ snapshot: schema.reportSnapshots.snapshot })
      .from(schema.reportSnapshots)
      .where(eq(snapshotOf, requestId));
    const altered = structuredClone(row?.snapshot ?? {}) as { dimensions: Array<{ self: number | null }> };
    // A self-view of 9 would not show in the heatmap, but would make every blind spot in the list.
    for (const d of altered.dimensions) d.self = 9;
    await h.database.db
      .update(schema.reportSnapshots)
      .set({ snapshot: altered })
      .where(eq(snapshotOf, requestId));
    try {
      await expect(h.as(a, "coach").dashboards.team({ teamId: core() })).rejects.toMatchObject({
        code: "INTERNAL_SERVER_ERROR",
      });
    } finally {
      await h.database.db
        .update(schema.reportSnapshots)
        .set({ snapshot: row?.snapshot ?? {} })
        .where(eq(snapshotOf, requestId));
    }
    expect((await h.as(a, "coach").dashboards.team({ teamId: core() })).people).toContainEqual(
      expect.objectContaining({ requestId }),
    );
  });

  it("stops treating someone as a coach once the coach role is taken away", async () => {
    await h.database.db
      .delete(schema.personRoles)
      .where(and(eq(schema.personRoles.personId, id(a, "coach")), eq(schema.personRoles.role, "coach")));
    expect(await h.as(a, "coach").dashboards.teams()).toEqual([]);
    await expect(h.as(a, "coach").dashboards.team({ teamId: core() })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
