// reports.get and reports.list through createCaller: who may read, and a leak test that submits
// known answers for several rater mixes and checks the report JSON cannot single anyone out.
import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { getInstrument } from "@fivefold/domain";
import { and, eq, ne } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { collectOrg, createHarness, type Harness, idOf as id } from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;
const items = getInstrument().dimensions.flatMap((d) => d.items.map((i) => ({ id: i.id, dimension: d.key })));

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  b = await h.seed(collectOrg("Beta", "beta.test"));
  // These tests release many reports on one subject to check what each one shows; comparing them
  // with one another is rule 10's, tested in anonymity-attacks.test.ts.
  await h.as(a, "admin").settings.update({ historyWindowDays: 0 });
});
// A subject has at most one request in draft or open at a time: each test starts with none.
afterEach(async () => {
  await h?.cancelActiveRequests();
});
afterAll(async () => {
  await h?.close();
});

type Group = "self" | "manager" | "peer" | "direct_report" | "other";
interface Rater {
  key: string;
  group: Group;
  answers: Record<string, number | null>;
}

/** A small deterministic generator so failures reproduce. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function answersFor(next: () => number): Record<string, number | null> {
  return Object.fromEntries(
    items.map((item) => [item.id, next() < 0.15 ? null : 1 + Math.floor(next() * 5)]),
  );
}

/** Opens a request with these raters, has `answering` of them submit, closes it. */
async function runRequest(raters: Rater[], answering = raters) {
  const manager = h.as(a, "manager");
  const { id: requestId } = await manager.requests.create({
    subjectId: id(a, "subject"),
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    raters: raters.filter((r) => r.group !== "self").map((r) => ({ personId: id(a, r.key), group: r.group })),
  });
  for (const rater of answering) {
    const caller = h.as(a, rater.key);
    const invitation = (await caller.inbox.list()).find((i) => i.requestId === requestId);
    if (!invitation) throw new Error(`${rater.key} not invited`);
    await caller.responses.submit({
      invitationId: invitation.invitationId,
      answers: Object.entries(rater.answers).map(([itemId, score]) => ({ itemId, score })),
      comments: [{ dimension: "vision", text: `A comment from ${rater.key} that must not be labelled` }],
    });
  }
  const { state } = await manager.requests.close({ requestId });
  return { requestId, state };
}

function mix(counts: Partial<Record<Group, number>>, seed: number): Rater[] {
  const next = random(seed);
  const keys: Record<Group, string[]> = {
    self: ["subject"],
    manager: ["manager"],
    peer: ["p1", "p2", "p3", "p4", "p5", "p6"],
    direct_report: ["d1", "d2", "d3"],
    other: ["boss", "stranger", "other-manager"],
  };
  return (Object.entries(counts) as Array<[Group, number]>).flatMap(([group, n]) =>
    keys[group].slice(0, n).map((key) => ({ key, group, answers: answersFor(next) })),
  );
}

type Report = Awaited<ReturnType<ReturnType<Harness["callerFor"]>["reports"]["get"]>>;

/** Checks the report JSON against §4, knowing every answer that went in. */
function assertNoLeak(report: Report, raters: Rater[]) {
  const k = report.threshold;
  const anonymousGroups = new Set(["peer", "direct_report", "other"]);
  const manager = raters.find((r) => r.group === "manager");
  const json = JSON.stringify(report);
  // Never a single response's trace: no minimum, maximum, submission time or rater identity.
  expect(json).not.toMatch(
    /"(min|max|minimum|maximum|submittedAt|submittedOn|submitted_on|raterId|invitationId)"/,
  );
  for (const rater of raters) {
    if (rater.group === "self") continue;
    expect(json).not.toContain(id(a, rater.key));
    expect(json).not.toContain(`${rater.key}@alpha.test`);
  }
  expect(json).not.toContain('must not be labelled","group');
  // Shown anonymous groups stand on at least k raters.
  for (const group of report.groups) {
    if (group.shown && !group.identifiable) expect(group.answered).toBeGreaterThanOrEqual(k);
    // A group pooled away keeps its count to itself: with one member, it would say whether they answered.
    if (!group.shown && !group.identifiable) expect(group.answered).toBeNull();
  }
  // Every figure, item and dimension level, rebuilt as the set of raters behind it from the known
  // answers: its n must match, and no subtraction of shown figures may isolate fewer than k people.
  const scorers = (groups: readonly string[], itemIds: readonly string[]) =>
    new Set(
      raters
        .filter((r) => groups.includes(r.group) && itemIds.some((itemId) => r.answers[itemId] != null))
        .map((r) => r.key),
    );
  const membersOf = (group: string) => (group.startsWith("pool:") ? group.slice(5).split("+") : [group]);
  const figures = report.dimensions.flatMap((d) => [
    {
      others: d.others,
      groups: d.groups,
      othersItems: d.items.filter((i) => i.others).map((i) => i.id),
      groupItems: (group: string) =>
        d.items.filter((i) => i.groups.some((g) => g.group === group)).map((i) => i.id),
      itemLevel: false,
    },
    ...d.items.map((i) => ({
      others: i.others,
      groups: i.groups,
      othersItems: [i.id],
      groupItems: () => [i.id],
      itemLevel: true,
    })),
  ]);
  for (const figure of figures) {
    const shownGroups = figure.groups.map((g) => {
      expect(anonymousGroups.has(g.group) || g.group.startsWith("pool:")).toBe(true);
      expect(g.n).toBeGreaterThanOrEqual(k);
      // At item level the distribution counts exactly the raters behind the figure.
      if (figure.itemLevel) expect(g.distribution.reduce((x, y) => x + y, 0)).toBe(g.n);
      const behind = scorers(membersOf(g.group), figure.groupItems(g.group));
      expect(behind.size).toBe(g.n);
      return behind;
    });
    if (!figure.others) continue;
    const everyone = scorers([...anonymousGroups, "manager"], figure.othersItems);
    expect(everyone.size).toBe(figure.others.n);
    // The manager is known: take them out; what is left must be 0 or at least k anonymous raters,
    // also after subtracting any set of shown group figures that "everyone but self" contains.
    const anonymous = [...everyone].filter((key) => key !== manager?.key);
    const contained = shownGroups.filter((behind) => [...behind].every((key) => everyone.has(key)));
    for (let mask = 0; mask < 1 << contained.length; mask++) {
      const taken = new Set(contained.flatMap((behind, i) => (mask & (1 << i) ? [...behind] : [])));
      const left = anonymous.filter((key) => !taken.has(key)).length;
      expect(left === 0 || left >= k).toBe(true);
    }
  }
  // Anonymous comments carry no group.
  for (const comment of report.comments)
    expect(Object.keys(comment).sort()).toEqual(["date", "dimension", "text"]);
}

describe(`reports on ${testDriver()}`, () => {
  it("lets the subject, the requester and the subject's coach read it, and nobody else", async () => {
    const { requestId, state } = await runRequest(mix({ self: 1, manager: 1, peer: 4 }, 1));
    expect(state).toBe("released");
    const subjectView = await h.as(a, "subject").reports.get({ requestId });
    expect(subjectView).toMatchObject({ requestId, subject: { id: id(a, "subject") }, relation: "self" });
    expect((await h.as(a, "manager").reports.get({ requestId })).relation).toBe("requester");
    expect((await h.as(a, "coach").reports.get({ requestId })).relation).toBe("coach");

    for (const key of ["p1", "stranger", "other-manager", "admin", "d1"]) {
      await expect(h.as(a, key).reports.get({ requestId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(h.as(b, "admin").reports.get({ requestId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(h.as(b, "subject").reports.get({ requestId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(h.callerFor(null).reports.get({ requestId })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });

    // Admins read reports only when the organisation allows it.
    await h.database.db
      .update(schema.organisations)
      .set({ adminsReadReports: true })
      .where(eq(schema.organisations.id, a.orgId));
    expect((await h.as(a, "admin").reports.get({ requestId })).relation).toBe("admin");
    expect((await h.as(a, "admin").reports.list()).map((r) => r.requestId)).toContain(requestId);
    await h.database.db
      .update(schema.organisations)
      .set({ adminsReadReports: false })
      .where(eq(schema.organisations.id, a.orgId));
    expect((await h.as(a, "admin").reports.list()).map((r) => r.requestId)).not.toContain(requestId);

    expect((await h.as(a, "subject").reports.list()).find((r) => r.requestId === requestId)?.relation).toBe(
      "self",
    );
    expect((await h.as(a, "manager").reports.list()).find((r) => r.requestId === requestId)?.relation).toBe(
      "requester",
    );
    expect((await h.as(a, "coach").reports.list()).find((r) => r.requestId === requestId)?.relation).toBe(
      "coach",
    );
    expect(await h.as(a, "p1").reports.list()).not.toContainEqual(expect.objectContaining({ requestId }));
  });

  it("derives the profile, gaps, highlights, spectrum and comments from the snapshot", async () => {
    const raters: Rater[] = [
      { key: "subject", group: "self", answers: Object.fromEntries(items.map((i) => [i.id, 5])) },
      { key: "manager", group: "manager", answers: Object.fromEntries(items.map((i) => [i.id, 3])) },
      ...["p1", "p2", "p3"].map((key) => ({
        key,
        group: "peer" as const,
        answers: Object.fromEntries(items.map((i) => [i.id, i.dimension === "vision" ? 4 : 2])),
      })),
    ];
    const { requestId } = await runRequest(raters);
    const report = await h.as(a, "subject").reports.get({ requestId });
    const vision = report.dimensions.find((d) => d.key === "vision");
    expect(vision?.self).toBe(5);
    expect(vision?.manager).toBe(3);
    expect(vision?.others).toMatchObject({ n: 4, mean: 3.75 });
    expect(report.blindSpots.map((s) => s.dimension)).toEqual(
      expect.arrayContaining(["inspire", "empower", "dream", "risk"]),
    );
    expect(report.highest[0]?.dimension).toBe("vision");
    expect(report.highest).toHaveLength(3);
    expect(report.lowest).toHaveLength(3);
    expect(report.spectrum.find((s) => s.key === "vision")?.position).toBeCloseTo(0.69, 2);
    // Peers' comments are anonymous; the self and manager comments stay labelled, as promised.
    expect(report.comments.filter((c) => c.dimension === "vision")).toHaveLength(3);
    expect(report.identifiedComments.map((c) => c.group).sort()).toEqual(["manager", "self"]);
    expect(report.comments.every((c) => c.date === report.releasedAt.slice(0, 10))).toBe(true);
    // Two released reports for the same subject make a trend.
    expect(report.trend.vision.length).toBeGreaterThanOrEqual(2);
    expect(report.trend.vision.at(-1)?.mean).toBe(3.75);
  });

  it("draws a requester's trend only from reports they requested", async () => {
    const { id: requestId } = await h.as(a, "admin").requests.create({
      subjectId: id(a, "subject"),
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      raters: ["p4", "p5", "p6"].map((key) => ({ personId: id(a, key), group: "peer" as const })),
    });
    for (const key of ["p4", "p5", "p6"]) {
      const caller = h.as(a, key);
      const invitation = (await caller.inbox.list()).find((i) => i.requestId === requestId);
      await caller.responses.submit({
        invitationId: invitation?.invitationId ?? "",
        answers: Object.entries(answersFor(random(3))).map(([itemId, score]) => ({ itemId, score })),
      });
    }
    await h.as(a, "admin").requests.close({ requestId });
    const asRequester = await h.as(a, "admin").reports.get({ requestId });
    expect(asRequester.relation).toBe("requester");
    expect(asRequester.trend.vision).toHaveLength(1);
    const asSubject = await h.as(a, "subject").reports.get({ requestId });
    expect(asSubject.trend.vision.length).toBeGreaterThan(1);
  });

  it("answers PRECONDITION_FAILED for a request that is open or closed without enough raters", async () => {
    const raters = mix({ peer: 3 }, 7);
    const { requestId, state } = await runRequest(raters, raters.slice(0, 2));
    expect(state).toBe("insufficient");
    await expect(h.as(a, "subject").reports.get({ requestId })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });

  const mixes: Array<[string, Partial<Record<Group, number>>]> = [
    ["4 peers + 2 direct reports + manager + self", { self: 1, manager: 1, peer: 4, direct_report: 2 }],
    ["2 peers + 2 direct reports + 2 others", { peer: 2, direct_report: 2, other: 2 }],
    ["3 peers + 1 direct report", { peer: 3, direct_report: 1 }],
    ["exactly k (3 peers) with the manager", { manager: 1, peer: 3 }],
    ["3 peers + 3 direct reports + 3 others + manager", { manager: 1, peer: 3, direct_report: 3, other: 3 }],
  ];
  for (const [name, counts] of mixes) {
    it(`leaks no rater: ${name}`, async () => {
      for (const seed of [11, 23, 37]) {
        const raters = mix(counts, seed);
        const { requestId, state } = await runRequest(raters);
        expect(state).toBe("released");
        assertNoLeak(await h.as(a, "subject").reports.get({ requestId }), raters);
      }
    });
  }

  it("leaks no rater when only k − 1 anonymous raters answered: no report at all", async () => {
    const raters = mix({ manager: 1, peer: 4 }, 5);
    const { requestId, state } = await runRequest(raters, raters.slice(0, 3)); // manager + 2 peers
    expect(state).toBe("insufficient");
    await expect(h.as(a, "manager").reports.get({ requestId })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });

  it("never shows a report to a coach or an admin who rated it anonymously", async () => {
    // p4 and the admin rate as peers (admins may not read reports yet, so that is allowed).
    const next = random(41);
    const raters: Rater[] = [
      { key: "manager", group: "manager", answers: answersFor(next) },
      ...["p4", "p5", "admin"].map((key) => ({ key, group: "peer" as const, answers: answersFor(next) })),
    ];
    const { requestId, state } = await runRequest(raters);
    expect(state).toBe("released");
    const db = h.database.db;
    // A later round p4 and the admin stay out of, and the subject's plan from the first one.
    const later = await runRequest(mix({ peer: 3 }, 42));
    expect(later.state).toBe("released");
    const plan = await h.as(a, "subject").plans.create({ requestId });
    // After release, p4 becomes a coach of the subject's team, and admins may read reports.
    const [core] = await db
      .select({ id: schema.teams.id })
      .from(schema.teams)
      .where(and(eq(schema.teams.orgId, a.orgId), eq(schema.teams.name, "Core")));
    await db.insert(schema.personRoles).values({ orgId: a.orgId, personId: id(a, "p4"), role: "coach" });
    await db
      .insert(schema.teamCoaches)
      .values({ orgId: a.orgId, teamId: core?.id ?? "", personId: id(a, "p4") });
    await db
      .update(schema.organisations)
      .set({ adminsReadReports: true })
      .where(eq(schema.organisations.id, a.orgId));
    try {
      const p4 = h.as(a, "p4");
      await expect(p4.reports.get({ requestId })).rejects.toMatchObject({
        code: "FORBIDDEN",
        message: expect.stringContaining("rate this person anonymously"),
      });
      expect((await p4.reports.list()).map((r) => r.requestId)).not.toContain(requestId);
      // The team's other coach, who did not rate, still reads it.
      expect((await h.as(a, "coach").reports.get({ requestId })).relation).toBe("coach");
      // p4 reads the later report, but its trend leaves the rated round out.
      const [rated] = await db
        .select({ releasedAt: schema.reportSnapshots.releasedAt })
        .from(schema.reportSnapshots)
        .where(eq(schema.reportSnapshots.requestId, requestId));
      const laterReport = await p4.reports.get({ requestId: later.requestId });
      const coachTrend = laterReport.trend.vision.map((point) => point.releasedAt);
      const subjectTrend = (await h.as(a, "subject").reports.get({ requestId: later.requestId })).trend
        .vision;
      expect(subjectTrend.map((point) => point.releasedAt)).toContain(rated?.releasedAt.toISOString());
      expect(coachTrend).not.toContain(rated?.releasedAt.toISOString());
      const ratedByP4 = await db
        .selectDistinct({ id: schema.invitations.requestId })
        .from(schema.invitations)
        .innerJoin(schema.reportSnapshots, eq(schema.reportSnapshots.requestId, schema.invitations.requestId))
        .where(and(eq(schema.invitations.personId, id(a, "p4")), ne(schema.invitations.group, "manager")));
      expect(coachTrend).toHaveLength(subjectTrend.length - ratedByP4.length);
      // The plan grown from the rated round is not theirs to coach: no reasons, no access.
      await expect(p4.plans.get({ planId: plan.id })).rejects.toMatchObject({ code: "FORBIDDEN" });
      expect((await h.as(a, "coach").plans.get({ planId: plan.id })).reasons).not.toBeNull();
      // p4's dashboard shows the later report for the subject, not the rated one.
      const board = await p4.dashboards.team({ teamId: core?.id ?? "" });
      const subjectRow = board.people.find((p) => p.personId === id(a, "subject"));
      expect(subjectRow).toBeDefined();
      expect(subjectRow?.requestId).toBe(later.requestId);
      // The admin who rated it reads neither the report nor its snapshot in an export.
      await expect(h.as(a, "admin").reports.get({ requestId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      const exported = await h.as(a, "admin").people.export({ personId: id(a, "subject") });
      const about = (key: string) => exported.feedbackAboutThem.find((f) => f.requestId === key);
      expect(about(requestId)?.report).toBeNull();
      expect(about(later.requestId)?.report).not.toBeNull();
      // Admins may read reports now, but none may rate anonymously on a new request.
      await expect(
        h.as(a, "manager").requests.create({
          subjectId: id(a, "subject"),
          deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          raters: ["admin", "p5", "p6"].map((key) => ({ personId: id(a, key), group: "peer" as const })),
        }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("cannot also rate") });
    } finally {
      await db
        .update(schema.organisations)
        .set({ adminsReadReports: false })
        .where(eq(schema.organisations.id, a.orgId));
    }
  });
});
