// The demo organisation and its history, seeded exactly as `pnpm start` does on an empty database.
import { countOrganisations, schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { and, eq, isNull, ne, or, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHarness, type Harness, TEST_SEALING_SECRET } from "../testing/harness";
import { DEMO_ANALYST_KEY, seedDemoIfEmpty } from "./demo";
import type { SeededOrganisation } from "./organisation";

let h: Harness;
let acme: SeededOrganisation | null;

beforeAll(async () => {
  h = await createHarness();
  acme = await seedDemoIfEmpty(h.database.db, { sealingSecret: TEST_SEALING_SECRET });
});
afterAll(async () => {
  await h?.close();
});

describe(`the demo seed on ${testDriver()}`, () => {
  it("creates Acme once: 44 people in a reporting tree, five teams, two coaches, one admin", async () => {
    expect(acme).not.toBeNull();
    expect(await seedDemoIfEmpty(h.database.db, { sealingSecret: TEST_SEALING_SECRET })).toBeNull();
    expect(await countOrganisations(h.database.db)).toBe(1);
    if (!acme) return;
    const admin = await h.as(acme, "admin").me.get();
    expect(admin).toMatchObject({
      person: { email: "admin@acme.test" },
      org: { name: "Acme" },
      roles: ["admin", "member"],
    });
    const { people } = await h.as(acme, "admin").people.list({ limit: 100 });
    expect(people.length).toBeGreaterThanOrEqual(40);
    expect(people.filter((p) => p.managerId === null)).toHaveLength(1); // the CEO
    const teams = await h.database.db.select().from(schema.teams).where(eq(schema.teams.orgId, acme.orgId));
    expect(teams).toHaveLength(5);
    const coaches = await h.database.db
      .select({ n: sql<number>`count(distinct ${schema.teamCoaches.personId})::int` })
      .from(schema.teamCoaches);
    expect(coaches[0]?.n).toBe(2);
  });

  it("gives people two released cycles, so reports show a trend", async () => {
    if (!acme) throw new Error("no demo");
    const mine = await h.as(acme, "team-1-1").reports.list();
    expect(mine).toHaveLength(2);
    const report = await h.as(acme, "team-1-1").reports.get({ requestId: mine[0]?.requestId ?? "" });
    expect(report.trend.vision).toHaveLength(2);
    expect(report.groups.find((g) => g.group === "peer")).toMatchObject({ answered: 4, shown: true });
    // Comments read like a real report: none twice, and the manager's words are not among them.
    const texts = report.comments.map((c) => c.text);
    expect(texts.length).toBeGreaterThan(0);
    expect(new Set(texts).size).toBe(texts.length);
    expect(report.identifiedComments.filter((c) => c.group === "manager")).toEqual([]);
    // Mei Lin's comments repeat phrases, so her report shows themes, each from k responses or more.
    const themes = Object.values(report.themes).flat();
    expect(themes.map((t) => t.label)).toContain("clear goals");
    expect(themes.every((t) => t.responses >= report.threshold)).toBe(true);
    const states = await h.database.db
      .select({ state: schema.feedbackRequests.state, n: sql<number>`count(*)::int` })
      .from(schema.feedbackRequests)
      .leftJoin(schema.cycles, eq(schema.cycles.id, schema.feedbackRequests.cycleId))
      // The past and the present outside the running cycle (its drafts are checked below).
      .where(or(isNull(schema.feedbackRequests.cycleId), ne(schema.cycles.phase, "nominations")))
      .groupBy(schema.feedbackRequests.state);
    const byState = Object.fromEntries(states.map((s) => [s.state, s.n]));
    expect(byState).toEqual({ released: 45, insufficient: 1, open: 2 });
    const cycles = await h.database.db
      .select()
      .from(schema.cycles)
      .where(eq(schema.cycles.phase, "released"));
    expect(cycles.map((c) => c.name).sort()).toEqual(["Autumn 2026", "Spring 2026"]);
    // The past's e-mails are not left in the mailbox; the invitations of the two requests collecting
    // now are, each with its link (self, the manager and four peers on each), as the README promises.
    const mails = await h.as(acme, "admin").mailbox.list();
    expect(mails.map((m) => m.template)).toEqual(Array(12).fill("invitation"));
    for (const mail of mails) expect(mail.text).toMatch(/\/r\/[A-Za-z0-9_-]{20,}/);
    expect(new Set(mails.map((m) => m.to)).size).toBe(12);
    expect(mails.map((m) => m.to)).toContain("samuel.osei@acme.test");
  });

  it("counts the agency's raters in Product Design's autumn reports: Acme vouches for its domain", async () => {
    if (!acme) throw new Error("no demo");
    const reports = await h.as(acme, "team-2-1").reports.list();
    const autumn = await h.as(acme, "team-2-1").reports.get({ requestId: reports[0]?.requestId ?? "" });
    expect(autumn.notCounted).toBe(0);
    const other = autumn.groups.find((g) => g.group === "other");
    expect(other).toMatchObject({ invited: 1, shown: false });
    expect(autumn.groups.find((g) => g.pooledFrom?.includes("other"))).toMatchObject({ answered: 5 });
  });

  it("lets a coach read their coachees' reports", async () => {
    if (!acme) throw new Error("no demo");
    const coach = await h.as(acme, "coach-1").reports.list();
    expect(coach.length).toBeGreaterThanOrEqual(27);
    expect(coach.every((r) => r.relation === "coach")).toBe(true);
  });

  it("shows one subject who has already thanked their raters (the report page then says when)", async () => {
    if (!acme) throw new Error("no demo");
    const thanked = await h.database.db.select().from(schema.raterThanks);
    expect(thanked).toHaveLength(1);
    const [row] = thanked;
    if (!row) throw new Error("no thank-you");
    const status = await h.as(acme, "team-1-2").followups.get({ requestId: row.requestId });
    expect(status.thankedAt).toEqual(row.sentAt.toISOString());
  });

  it("holds a plan with a released pulse: perceived change for the owner and the coach, one behaviour hidden", async () => {
    if (!acme) throw new Error("no demo");
    const [plan] = await h.as(acme, "team-1-2").plans.list();
    const view = await h.as(acme, "team-1-2").plans.get({ planId: plan?.id ?? "" });
    expect(view.pulse).toMatchObject({ state: "released" });
    expect(view.pulse?.suggestions.length).toBeGreaterThan(0);
    expect(view.perceivedChange?.some((figure) => "mean" in figure && figure.n >= 3)).toBe(true);
    expect(view.perceivedChange?.some((figure) => "hidden" in figure)).toBe(true);
    const partner = await h.as(acme, "team-1-1").plans.get({ planId: view.id });
    expect(partner.perceivedChange).toBeNull();
    // And one collecting now, in its raters' inbox.
    expect(await h.as(acme, "team-4-5").pulses.mine()).toEqual([
      expect.objectContaining({ answered: false }),
    ]);
  });

  it("gives plans with circles and check-ins, and a coach a live dashboard with someone needing attention", async () => {
    if (!acme) throw new Error("no demo");
    const plans = await h.database.db.select().from(schema.coachingPlans);
    expect(plans).toHaveLength(4);
    expect(plans.every((p) => p.state === "active")).toBe(true);
    // The demo's own timeline holds together: made, then published; invited before it was published.
    for (const plan of plans) expect(plan.createdAt.getTime()).toBeLessThan(plan.publishedAt?.getTime() ?? 0);
    const circle = await h.database.db.select().from(schema.partnerships);
    const published = new Map(plans.map((p) => [p.id, p.publishedAt?.getTime() ?? 0]));
    expect(circle.every((m) => m.invitedAt.getTime() < (published.get(m.planId) ?? 0))).toBe(true);
    const teamId = acme.teams["Platform Engineering"] ?? "";
    const dashboard = await h.as(acme, "coach-1").dashboards.team({ teamId });
    expect(Object.values(dashboard.profile).every((figure) => figure !== null)).toBe(true);
    const late = dashboard.people.find((p) => p.personId === acme?.people["team-1-3"]?.personId);
    expect(late?.plan).toMatchObject({ state: "active", progress: 15, overdue: true });
    expect(dashboard.attention.find((a) => a.personId === late?.personId)?.reasons).toContain(
      "A check-in on their plan is overdue",
    );
    // Exactly one person of the team needs attention for their plan; the other plans are on track.
    expect(dashboard.people.filter((p) => p.plan?.overdue)).toHaveLength(1);
    const everyone = await Promise.all(
      Object.values(acme.teams).map((id) =>
        h
          .as(acme as SeededOrganisation, "admin")
          .dashboards.team({ teamId: id })
          .catch(() => null),
      ),
    );
    expect(everyone.every((d) => d === null)).toBe(true); // admins may not read reports by default
    expect(dashboard.trend.filter((t) => t.means.vision !== null)).toHaveLength(2);
    const sales = await h.as(acme, "coach-1").dashboards.team({ teamId: acme.teams.Sales ?? "" });
    expect(sales.progress.open).toBe(1);
  });

  it("publishes Acme's own version 2 (one behaviour reworded, one added); what exists stays on version 1", async () => {
    if (!acme) throw new Error("no demo");
    const versions = await h.as(acme, "admin").instrument.list();
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    const current = await h.as(acme, "team-1-1").instrument.get();
    expect(current.version).toBe(2);
    const asked = current.dimensions.flatMap((d) => d.items.map((i) => i.id));
    expect(asked).toContain("empower.credit-others");
    expect(asked).toHaveLength(21);
    // Every released report and every request collecting now was opened on the built-in version.
    const requests = await h.database.db
      .select({ state: schema.feedbackRequests.state, version: schema.feedbackRequests.instrumentVersion })
      .from(schema.feedbackRequests)
      .where(and(eq(schema.feedbackRequests.orgId, acme.orgId), ne(schema.feedbackRequests.state, "draft")));
    expect(requests.length).toBeGreaterThan(40);
    expect(new Set(requests.map((r) => r.version))).toEqual(new Set([1]));
  });

  it("runs one cycle in its nominations phase for Operations, launched around those rated too recently", async () => {
    if (!acme) throw new Error("no demo");
    const admin = h.as(acme, "admin");
    const cycles = await admin.cycles.list();
    expect(cycles.map((c) => [c.name, c.phase]).sort()).toEqual([
      ["Autumn 2026", "released"],
      ["Spring 2026", "released"],
      ["Winter 2026", "nominations"],
    ]);
    const winter = cycles.find((c) => c.name === "Winter 2026");
    const detail = await admin.cycles.get({ cycleId: winter?.id ?? "" });
    expect(detail.population).toEqual({ teamIds: [acme.teams.Operations] });
    // Rachel Stein and the two members not rated in autumn; the five rated in autumn are too recent.
    expect(detail.counts).toEqual({ requests: 3, byState: { draft: 3 } });
    const subjects = await h.database.db
      .select({ subjectId: schema.feedbackRequests.subjectId })
      .from(schema.feedbackRequests)
      .where(eq(schema.feedbackRequests.cycleId, winter?.id ?? ""));
    expect(subjects.map((s) => s.subjectId).sort()).toEqual(
      ["manager-5", "team-5-6", "team-5-7"].map((key) => acme?.people[key]?.personId).sort(),
    );
    // The manager of Operations sees her reports' nominations on one page.
    const page = await h.as(acme, "manager-5").nominations.forManager({ cycleId: winter?.id ?? "" });
    expect(page.requests.map((r) => r.subject.name).sort()).toEqual(["Noah Fischer", "Priya Raman"]);
    expect(page.peers).toEqual({ min: 3, max: 8 });
  });

  it("gives one person the analyst role: the organisation view of a released cycle, and nothing one by one", async () => {
    if (!acme) throw new Error("no demo");
    const analyst = h.as(acme, DEMO_ANALYST_KEY);
    expect((await analyst.me.get()).roles).toContain("analyst");
    const [autumn] = await h.database.db
      .select({ id: schema.cycles.id })
      .from(schema.cycles)
      .where(eq(schema.cycles.name, "Autumn 2026"));
    const view = await analyst.analytics.org({ cycleId: autumn?.id ?? "", by: "team" });
    expect(view.cells).toHaveLength(5);
    expect(view.cells.some((cell) => cell.dimensions !== null)).toBe(true);
    expect(view.participation.answered).toBeGreaterThan(0);
    // The analyst lists cycles to choose one, but runs none.
    expect((await analyst.cycles.list()).map((cycle) => cycle.name)).toContain("Autumn 2026");
    await expect(analyst.cycles.get({ cycleId: autumn?.id ?? "" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
