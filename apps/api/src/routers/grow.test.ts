// The grow journey through createCaller on the real schema: a plan from a released report, the
// support circle, publishing, check-ins and encouragement, closing; every procedure as the owner,
// a partner, the lead, the coach, a stranger and another organisation. Partners and the lead never
// reach the report, through any procedure.
import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { ACTION_CATALOGUE } from "@fivefold/domain";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { releaseReport } from "../testing/grow";
import { collectOrg, createHarness, type Harness, idOf as id } from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;
const dimensionOf = (itemId: string) => itemId.split(".")[0] ?? "";

const release = (
  org: SeededOrganisation,
  subject: string,
  raters: Parameters<typeof releaseReport>[3],
  score: Parameters<typeof releaseReport>[4],
) => releaseReport(h, org, subject, raters, score);

// Others (manager + 4 peers) per dimension: risk 1.6, dream 2.6, vision 3.4, empower 3.8, inspire
// 4.6. Self 5 everywhere, so risk and dream are blind spots and become the focus.
const SCORES: Record<string, number[]> = {
  risk: [2, 1, 2, 2, 1],
  dream: [3, 2, 3, 3, 2],
  vision: [3, 4, 3, 4, 3],
  empower: [4, 4, 3, 4, 4],
  inspire: [5, 4, 5, 5, 4],
};
const OTHERS_MEANS = ["1.6", "2.6", "3.4", "3.8", "4.6"];

let requestId: string;
let coacheeRequestId: string;
let openRequestId: string;
let planId: string;
let coachPlanId: string;
const partnershipOf: Record<string, string> = {};
let checkinId: string;

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  b = await h.seed(collectOrg("Beta", "beta.test"));
  requestId = await release(
    a,
    "subject",
    [
      { key: "manager", group: "manager" },
      ...["p1", "p2", "p3", "p4"].map((key) => ({ key, group: "peer" as const })),
    ],
    (index, itemId) => SCORES[dimensionOf(itemId)]?.[index] ?? 3,
  );
  // p2 (coached, like the subject, by the coach) has a report too: strong in taking risks.
  coacheeRequestId = await release(
    a,
    "p2",
    ["p3", "p4", "p5", "p6"].map((key) => ({ key, group: "peer" as const })),
    (_, itemId) => (dimensionOf(itemId) === "risk" ? 5 : 3),
  );
  ({ id: openRequestId } = await h.as(a, "manager").requests.create({
    subjectId: id(a, "subject"),
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    raters: ["p1", "p2", "p3"].map((key) => ({ personId: id(a, key), group: "peer" as const })),
  }));
});
afterAll(async () => {
  await h?.close();
});

/** Everything a caller got back, without timestamps (whose milliseconds could look like a mean). */
const flat = (value: unknown) => JSON.stringify(value).replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, "<time>");

describe(`grow on ${testDriver()}`, () => {
  it("plans.create: the subject makes a plan from their released report", async () => {
    const plan = await h.as(a, "subject").plans.create({ requestId });
    planId = plan.id;
    expect(plan.focus).toEqual(["risk", "dream"]);
    expect(plan.strength).toBe("inspire");
    expect(Object.keys(plan.woop).sort()).toEqual(["obstacle", "outcome", "plan", "wish"]);
    expect(plan.woop.wish.length).toBeGreaterThan(0);
    const catalogue = new Set(Object.values(ACTION_CATALOGUE).flatMap((list) => list.map((x) => x.id)));
    expect(plan.actions.length).toBe(6);
    for (const action of plan.actions) {
      expect(catalogue.has(action.id)).toBe(true);
      expect(action.status).toBe("not_started");
    }
    expect(plan.actions.filter((x) => x.picked).map((x) => x.dimension)).toEqual(["risk", "dream"]);
    await expect(h.as(a, "subject").plans.create({ requestId })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("plans.create: refuses others, unreleased reports and other organisations", async () => {
    for (const key of ["manager", "p1", "stranger", "admin"]) {
      await expect(h.as(a, key).plans.create({ requestId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(h.as(a, "subject").plans.create({ requestId: openRequestId })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await expect(h.as(b, "subject").plans.create({ requestId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(h.as(a, "subject").plans.create({ requestId: "not-an-id" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(h.callerFor(null).plans.create({ requestId })).rejects.toMatchObject({
      code: "UNAUTHORIZED",
    });
  });

  it("plans.create: a coach makes a plan with a coachee, from the coachee's report", async () => {
    const plan = await h.as(a, "coach").plans.create({ requestId: coacheeRequestId });
    coachPlanId = plan.id;
    const view = await h.as(a, "p2").plans.get({ planId: coachPlanId });
    expect(view).toMatchObject({ relation: "owner", subject: { id: id(a, "p2") }, state: "draft" });
  });

  it("plans.get: the owner and the coach read the plan with the why; nobody else does", async () => {
    const owner = await h.as(a, "subject").plans.get({ planId });
    expect(owner).toMatchObject({
      relation: "owner",
      state: "draft",
      requestId,
      focus: ["risk", "dream"],
      strength: "inspire",
      cadence: "fortnightly",
      progress: 0,
      circle: { members: [], partners: 0, leads: 0, ready: false, minPartners: 3, maxPartners: 5 },
      myPartnership: null,
    });
    expect(owner.reasons?.focus[0]?.reason).toBe(
      "Take risks: others rate it 1.6 on average, and you rate yourself higher (5.0), a blind spot",
    );
    expect(owner.reasons?.strength.reason).toContain("Inspire & motivate: others rate it 4.6");
    expect(owner.schedule.length).toBe(6);
    expect(owner.schedule.every((entry) => entry.status === "upcoming")).toBe(true);
    const coach = await h.as(a, "coach").plans.get({ planId });
    expect(coach.relation).toBe("coach");
    expect(coach.reasons).toEqual(owner.reasons);
    for (const key of ["manager", "p1", "stranger", "admin", "d1"]) {
      await expect(h.as(a, key).plans.get({ planId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(h.as(b, "subject").plans.get({ planId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(h.as(b, "coach").plans.get({ planId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("plans.update: the owner and the coach edit everything; others may not", async () => {
    const updated = await h.as(a, "subject").plans.update({
      planId,
      woop: { wish: "Make bold calls and own them" },
      cadence: "weekly",
    });
    expect(updated.woop.wish).toBe("Make bold calls and own them");
    expect(updated.cadence).toBe("weekly");
    const actions = updated.actions.map(({ id: actionId, dimension, text, picked }) => ({
      id: actionId,
      dimension,
      text,
      picked,
    }));
    const withOwn = await h.as(a, "coach").plans.update({
      planId,
      actions: [
        ...actions,
        { dimension: "risk", text: "Tell my lead each Monday which decision I will take", picked: true },
      ],
    });
    expect(withOwn.actions.at(-1)).toEqual({
      id: "custom-1",
      dimension: "risk",
      text: "Tell my lead each Monday which decision I will take",
      picked: true,
      status: "not_started",
    });
    await expect(h.as(a, "subject").plans.update({ planId, focus: ["inspire"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The strength to build on is one you are not focusing on",
    });
    await expect(h.as(a, "subject").plans.update({ planId, endsOn: "2020-01-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    for (const key of ["manager", "p1", "stranger"]) {
      await expect(h.as(a, key).plans.update({ planId, cadence: "monthly" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(h.as(b, "subject").plans.update({ planId, cadence: "monthly" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("profile: people opt in as partners, for dimensions of their choice", async () => {
    expect((await h.as(a, "p2").profile.get()).partnerOptIn).toEqual({ optIn: false, dimensions: [] });
    expect(
      await h.as(a, "p2").profile.setPartnerOptIn({ optIn: true, dimensions: ["risk", "risk"] }),
    ).toEqual({
      optIn: true,
      dimensions: ["risk"],
    });
    await h.as(a, "p3").profile.setPartnerOptIn({ optIn: true, dimensions: [] });
    await h.as(a, "p6").profile.setPartnerOptIn({ optIn: true, dimensions: ["dream"] });
    await h.as(a, "d1").profile.setPartnerOptIn({ optIn: true, dimensions: [] });
    await h.as(a, "p4").profile.setPartnerOptIn({ optIn: true, dimensions: [] });
    await h.as(a, "p4").profile.setPartnerOptIn({ optIn: false, dimensions: [] });
    await h.as(a, "subject").profile.setPartnerOptIn({ optIn: true, dimensions: [] });
    await h.as(b, "p1").profile.setPartnerOptIn({ optIn: true, dimensions: ["risk"] });
    const profile = await h.as(a, "p2").profile.get();
    expect(profile).toMatchObject({
      person: { id: id(a, "p2") },
      partnerOptIn: { optIn: true, dimensions: ["risk"] },
    });
    await expect(
      h.as(a, "p2").profile.setPartnerOptIn({ optIn: true, dimensions: ["courage" as "risk"] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(h.callerFor(null).profile.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("plans.suggestPartners: opted-in colleagues, best matched first, reasons without figures", async () => {
    const suggestions = await h.as(a, "subject").plans.suggestPartners({ planId });
    expect(suggestions.map((s) => s.personId).sort()).toEqual(
      [id(a, "p2"), id(a, "p3"), id(a, "p6"), id(a, "d1")].sort(),
    );
    expect(suggestions[0]).toEqual({
      personId: id(a, "p2"),
      name: "P2 Alpha",
      // The facts, for the web to write in the reader's language, and the same in English.
      strong: ["risk"],
      offered: ["risk"],
      reason: "Colleagues see Take risks as a strength of theirs; offered to support Take risks",
    });
    expect(suggestions[1]).toMatchObject({
      personId: id(a, "p6"),
      strong: [],
      offered: ["dream"],
      reason: "Offered to support Dream bigger",
    });
    for (const suggestion of suggestions) {
      expect(Object.keys(suggestion).sort()).toEqual(["name", "offered", "personId", "reason", "strong"]);
      expect(suggestion.reason).not.toMatch(/\d/);
    }
    const leads = await h.as(a, "coach").plans.suggestPartners({ planId, role: "lead" });
    expect(leads.map((s) => s.personId)).not.toContain(id(a, "d1"));
    for (const key of ["p1", "stranger", "manager"]) {
      await expect(h.as(a, key).plans.suggestPartners({ planId })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(h.as(b, "subject").plans.suggestPartners({ planId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("plans.invitePartner: the owner invites 3–5 partners and one lead, each by mail", async () => {
    const owner = h.as(a, "subject");
    for (const key of ["p1", "p2", "p3", "p4", "p6"]) {
      const { partnershipId } = await owner.plans.invitePartner({
        planId,
        personId: id(a, key),
        role: "partner",
      });
      partnershipOf[key] = partnershipId;
    }
    await expect(
      owner.plans.invitePartner({ planId, personId: id(a, "d1"), role: "lead" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("direct report") });
    partnershipOf.p5 = (
      await owner.plans.invitePartner({ planId, personId: id(a, "p5"), role: "lead" })
    ).partnershipId;

    await expect(
      owner.plans.invitePartner({ planId, personId: id(a, "d2"), role: "partner" }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("most partners"),
    });
    await expect(
      owner.plans.invitePartner({ planId, personId: id(a, "manager"), role: "lead" }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Your circle already has an accountability lead",
    });
    await expect(
      owner.plans.invitePartner({ planId, personId: id(a, "p1"), role: "partner" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      owner.plans.invitePartner({ planId, personId: id(a, "subject"), role: "partner" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      owner.plans.invitePartner({ planId, personId: id(b, "p1"), role: "partner" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    for (const key of ["coach", "p1", "stranger"]) {
      await expect(
        h.as(a, key).plans.invitePartner({ planId, personId: id(a, "d2"), role: "partner" }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      h.as(b, "subject").plans.invitePartner({ planId, personId: id(b, "p2"), role: "partner" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });

    const mails = await h.database.db
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.template, "partner_invitation"));
    expect(mails.map((m) => m.toEmail).sort()).toEqual(
      ["p1", "p2", "p3", "p4", "p5", "p6"].map((key) => `${key}@alpha.test`).sort(),
    );
    const lead = mails.find((m) => m.toEmail === "p5@alpha.test");
    expect(lead?.subject).toBe("Subject Alpha asks you to support their coaching plan");
    expect(lead?.text).toContain("the accountability lead");
    expect(lead?.text).toContain("Take risks and Dream bigger");
    expect(lead?.text).toContain("http://fivefold.test/support");
    for (const mail of mails) for (const mean of OTHERS_MEANS) expect(mail.text).not.toContain(mean);
  });

  it("plans.publish: refused until 3 partners and a lead are asked", async () => {
    // p2's plan (made with the coach) has invited nobody yet.
    await expect(h.as(a, "p2").plans.publish({ planId: coachPlanId })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message:
        "The support circle is not ready: invite at least 3 partners (0 invited or accepted so far); invite an accountability lead.",
    });
  });

  it("partners.list and partners.respond: invitees see the plan summary and answer", async () => {
    const invited = await h.as(a, "p1").partners.list();
    expect(invited).toEqual([
      expect.objectContaining({
        partnershipId: partnershipOf.p1,
        role: "partner",
        state: "invited",
        plan: expect.objectContaining({
          id: planId,
          state: "draft",
          subject: { id: id(a, "subject"), name: "Subject Alpha" },
          focus: ["risk", "dream"],
          wish: "Make bold calls and own them",
          progress: 0,
        }),
      }),
    ]);
    for (const key of ["p1", "p2", "p3", "p5"]) {
      expect(
        await h.as(a, key).partners.respond({ partnershipId: partnershipOf[key] ?? "", accept: true }),
      ).toEqual({ state: "accepted" });
    }
    expect(
      await h.as(a, "p6").partners.respond({ partnershipId: partnershipOf.p6 ?? "", accept: false }),
    ).toEqual({
      state: "declined",
    });
    await expect(
      h.as(a, "p1").partners.respond({ partnershipId: partnershipOf.p1 ?? "", accept: false }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      h.as(a, "stranger").partners.respond({ partnershipId: partnershipOf.p4 ?? "", accept: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      h.as(a, "subject").partners.respond({ partnershipId: partnershipOf.p4 ?? "", accept: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      h.as(b, "p4").partners.respond({ partnershipId: partnershipOf.p4 ?? "", accept: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await h.as(a, "p6").partners.list()).toEqual([]);
    expect(await h.as(a, "stranger").partners.list()).toEqual([]);
    expect(await h.as(b, "p1").partners.list()).toEqual([]);
    const answers = await h.database.db
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.template, "partner_response"));
    expect(answers.filter((m) => m.toEmail === "subject@alpha.test")).toHaveLength(5);

    // Asked again after a "no", p6 gets a fresh invitation (and declines once more).
    const again = await h
      .as(a, "subject")
      .plans.invitePartner({ planId, personId: id(a, "p6"), role: "partner" });
    expect(again.partnershipId).toBe(partnershipOf.p6);
    await h.as(a, "p6").partners.respond({ partnershipId: again.partnershipId, accept: false });
  });

  it("plans.get: partners and the lead see goal, actions, progress and circle, never the why", async () => {
    const partner = await h.as(a, "p1").plans.get({ planId });
    expect(partner).toMatchObject({
      relation: "partner",
      requestId: null,
      reasons: null,
      focus: ["risk", "dream"],
      myPartnership: { id: partnershipOf.p1, role: "partner", state: "accepted" },
      circle: { partners: 3, leads: 1, ready: true },
    });
    expect(partner.circle.members.map((m) => m.state)).not.toContain("declined");
    expect((await h.as(a, "p5").plans.get({ planId })).relation).toBe("lead");
    expect((await h.as(a, "p4").plans.get({ planId })).myPartnership?.state).toBe("invited");
    await expect(h.as(a, "p6").plans.get({ planId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const owner = await h.as(a, "subject").plans.get({ planId });
    expect(owner.circle.members.find((m) => m.person.id === id(a, "p6"))?.state).toBe("declined");
  });

  it("plans.publish: the owner publishes the ready plan; nobody else can", async () => {
    for (const key of ["p1", "p5", "coach", "stranger"]) {
      await expect(h.as(a, key).plans.publish({ planId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(h.as(b, "subject").plans.publish({ planId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const published = await h.as(a, "subject").plans.publish({ planId });
    expect(published.state).toBe("active");
    expect(published.startsOn).toBe(new Date().toISOString().slice(0, 10));
    await expect(h.as(a, "subject").plans.publish({ planId })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await expect(h.as(a, "subject").plans.update({ planId, startsOn: "2030-01-01" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("checkins.log: the owner logs progress on a published plan", async () => {
    const plan = await h.as(a, "subject").plans.get({ planId });
    const picked = plan.actions.filter((x) => x.picked);
    const first = picked[0]?.id ?? "";
    const logged = await h.as(a, "subject").checkins.log({
      planId,
      progress: 30,
      note: "Announced two decisions in the team meeting",
      actions: [{ actionId: first, status: "in_progress" }],
    });
    checkinId = logged.id;
    const after = await h.as(a, "subject").plans.get({ planId });
    expect(after.progress).toBe(30);
    expect(after.actions.find((x) => x.id === first)?.status).toBe("in_progress");
    expect(after.schedule[0]?.status).toBe("done");
    expect(after.lastCheckinAt).not.toBeNull();

    await expect(
      h.as(a, "subject").checkins.log({ planId, progress: 130, note: "", actions: [] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const unpicked = plan.actions.find((x) => !x.picked)?.id ?? "";
    await expect(
      h
        .as(a, "subject")
        .checkins.log({ planId, progress: 40, note: "", actions: [{ actionId: unpicked, status: "done" }] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "A check-in covers the plan's chosen actions only",
      cause: expect.objectContaining({
        fields: { "actions.0.actionId": "Not one of the plan's chosen actions" },
      }),
    });
    for (const key of ["p1", "p5", "coach", "stranger"]) {
      await expect(
        h.as(a, key).checkins.log({ planId, progress: 50, note: "", actions: [] }),
      ).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(
      h.as(b, "subject").checkins.log({ planId, progress: 50, note: "", actions: [] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      h.as(a, "p2").checkins.log({ planId: coachPlanId, progress: 10, note: "", actions: [] }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "Publish the plan before logging check-ins",
    });
  });

  it("checkins.encourage: partners and the lead who accepted encourage; nobody else", async () => {
    expect(await h.as(a, "p1").checkins.encourage({ checkinId, text: "Great start, keep going!" })).toEqual({
      id: expect.any(String),
    });
    await h.as(a, "p5").checkins.encourage({ checkinId, text: "Proud of you. Same time next week?" });
    for (const key of ["p4", "subject", "coach", "stranger", "p6"]) {
      await expect(h.as(a, key).checkins.encourage({ checkinId, text: "Hi" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(h.as(b, "p1").checkins.encourage({ checkinId, text: "Hi" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(h.as(a, "p1").checkins.encourage({ checkinId, text: "   " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("checkins.list: the owner, the coach and the circle read check-ins with encouragement", async () => {
    for (const key of ["subject", "coach", "p1", "p5", "p4"]) {
      const list = await h.as(a, key).checkins.list({ planId });
      expect(list).toHaveLength(1);
      expect(list[0]).toMatchObject({
        id: checkinId,
        progress: 30,
        note: "Announced two decisions in the team meeting",
        encouragements: [
          { author: { id: id(a, "p1"), name: "P1 Alpha" }, text: "Great start, keep going!" },
          { author: { id: id(a, "p5"), name: "P5 Alpha" }, text: "Proud of you. Same time next week?" },
        ],
      });
      expect(list[0]?.actions.length).toBe(3);
      expect(list[0]?.actions[0]).toMatchObject({ status: "in_progress", dimension: "risk" });
    }
    for (const key of ["stranger", "p6", "manager"]) {
      await expect(h.as(a, key).checkins.list({ planId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(h.as(b, "subject").checkins.list({ planId })).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("plans.list: my plans and my coachees' plans, not the ones I support", async () => {
    const mine = await h.as(a, "subject").plans.list();
    expect(mine).toEqual([
      expect.objectContaining({
        id: planId,
        requestId,
        relation: "owner",
        state: "active",
        progress: 30,
        circle: { partners: 3, leads: 1, ready: true },
      }),
    ]);
    const coached = await h.as(a, "coach").plans.list();
    expect(coached.map((p) => [p.id, p.relation]).sort()).toEqual(
      [
        [planId, "coach"],
        [coachPlanId, "coach"],
      ].sort(),
    );
    expect(await h.as(a, "p1").plans.list()).toEqual([]);
    expect(await h.as(b, "coach").plans.list()).toEqual([]);
  });

  it("partners and the lead can never read the report, through any procedure", async () => {
    for (const key of ["p1", "p4", "p5"]) {
      const caller = h.as(a, key);
      await expect(caller.reports.get({ requestId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.requests.get({ requestId })).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(caller.requests.progress({ requestId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.plans.suggestPartners({ planId })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.plans.update({ planId, cadence: "weekly" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      expect((await caller.reports.list()).map((r) => r.requestId)).not.toContain(requestId);
      expect((await caller.requests.list()).map((r) => r.id)).not.toContain(requestId);
      expect(await caller.dashboards.teams()).toEqual([]);
      const outputs = [
        await caller.plans.get({ planId }),
        await caller.checkins.list({ planId }),
        await caller.partners.list(),
        await caller.plans.list(),
        await caller.profile.get(),
      ];
      const json = flat(outputs);
      expect(json).not.toContain(requestId);
      expect(json).not.toMatch(/others rate|blind spot|hidden strength/i);
      for (const mean of OTHERS_MEANS) expect(json).not.toContain(mean);
      // The owner's view does carry them: the check above would catch a leak.
      expect(flat(await h.as(a, "subject").plans.get({ planId }))).toContain("1.6");
    }
    const mails = await h.database.db.select().from(schema.outbox);
    for (const mail of mails.filter((m) =>
      ["p1@alpha.test", "p4@alpha.test", "p5@alpha.test"].includes(m.toEmail),
    )) {
      expect(mail.text).not.toContain(requestId);
      for (const mean of OTHERS_MEANS) expect(mail.text).not.toContain(mean);
    }
  });

  it("plans.removePartner and partners.leave: the circle changes while the plan runs", async () => {
    const owner = h.as(a, "subject");
    const mailsTo = async (template: string, to: string) =>
      h.database.db
        .select()
        .from(schema.outbox)
        .where(and(eq(schema.outbox.template, template), eq(schema.outbox.toEmail, `${to}@alpha.test`)));

    // The owner takes back an open invitation; the invitee hears so and no longer sees the plan.
    const { partnershipId: d2 } = await owner.plans.invitePartner({
      planId,
      personId: id(a, "d2"),
      role: "partner",
    });
    for (const key of ["p1", "p5", "coach", "d2"]) {
      await expect(h.as(a, key).plans.removePartner({ partnershipId: d2 })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(h.as(b, "subject").plans.removePartner({ partnershipId: d2 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await owner.plans.removePartner({ partnershipId: d2 })).toEqual({ removed: true });
    await expect(owner.plans.removePartner({ partnershipId: d2 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const [removedMail] = await mailsTo("partner_removed", "d2");
    expect(removedMail?.subject).toBe("Subject Alpha changed their support circle");
    expect(await h.as(a, "d2").partners.list()).toEqual([]);
    await expect(h.as(a, "d2").plans.get({ planId })).rejects.toMatchObject({ code: "FORBIDDEN" });

    // A partner who joined steps down; the owner hears so. Only one's own, joined partnership.
    await expect(
      h.as(a, "p4").partners.leave({ partnershipId: partnershipOf.p4 ?? "" }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("decline") });
    await expect(
      h.as(a, "p6").partners.leave({ partnershipId: partnershipOf.p6 ?? "" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    for (const caller of [h.as(a, "p1"), h.as(a, "subject"), h.as(b, "p3")]) {
      await expect(caller.partners.leave({ partnershipId: partnershipOf.p3 ?? "" })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    expect(await h.as(a, "p3").partners.leave({ partnershipId: partnershipOf.p3 ?? "" })).toEqual({
      left: true,
    });
    const [leftMail] = await mailsTo("partner_left", "subject");
    expect(leftMail?.subject).toBe("P3 Alpha stepped down from your support circle");
    expect(leftMail?.text).toContain(`http://fivefold.test/plans/${planId}`);
    await expect(h.as(a, "p3").plans.get({ planId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const circle = (await owner.plans.get({ planId })).circle;
    expect(circle).toMatchObject({ partners: 2, leads: 1, ready: false });
    expect(circle.members.map((m) => m.person.id)).not.toContain(id(a, "p3"));
  });

  it("plans.close: the owner closes with a reflection; the plan then stays as it was", async () => {
    for (const key of ["p1", "p5", "coach", "stranger"]) {
      await expect(h.as(a, key).plans.close({ planId, reflection: "Done" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(h.as(a, "subject").plans.close({ planId, reflection: "  " })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(h.as(b, "subject").plans.close({ planId, reflection: "Done" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const closed = await h.as(a, "subject").plans.close({
      planId,
      reflection: "Deciding in the open made the team faster.",
    });
    expect(closed.state).toBe("closed");
    const view = await h.as(a, "p1").plans.get({ planId });
    expect(view).toMatchObject({
      state: "closed",
      reflection: "Deciding in the open made the team faster.",
      nextCheckin: null,
    });
    await expect(h.as(a, "subject").plans.update({ planId, cadence: "monthly" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await expect(
      h.as(a, "subject").checkins.log({ planId, progress: 90, note: "", actions: [] }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(h.as(a, "subject").plans.close({ planId, reflection: "Again" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await expect(
      h.as(a, "p4").partners.respond({ partnershipId: partnershipOf.p4 ?? "", accept: true }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(h.as(a, "subject").plans.suggestPartners({ planId })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await expect(
      h.as(a, "subject").plans.removePartner({ partnershipId: partnershipOf.p1 ?? "" }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(
      h.as(a, "p1").partners.leave({ partnershipId: partnershipOf.p1 ?? "" }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    // Encouragement may still follow the last check-in.
    await h.as(a, "p2").checkins.encourage({ checkinId, text: "Well done on finishing!" });
    // A draft that never found its circle can be closed too.
    expect((await h.as(a, "p2").plans.close({ planId: coachPlanId, reflection: "Not now" })).state).toBe(
      "closed",
    );
  });
});

describe(`publishing with invitations pending on ${testDriver()}`, () => {
  it("plans.publish: the owner publishes with invitations still pending; the circle fills as people accept", async () => {
    const reportId = await release(
      a,
      "p4",
      ["p1", "p2", "p3", "p5"].map((key) => ({ key, group: "peer" as const })),
      () => 3,
    );
    const owner = h.as(a, "p4");
    const { id: pendingPlanId } = await owner.plans.create({ requestId: reportId });
    const invited: Record<string, string> = {};
    for (const [key, role] of [
      ["p1", "partner"],
      ["p2", "partner"],
      ["p3", "partner"],
      ["p5", "lead"],
    ] as const) {
      invited[key] = (
        await owner.plans.invitePartner({ planId: pendingPlanId, personId: id(a, key), role })
      ).partnershipId;
    }
    // A "no" does not count towards the circle: with p3 declining, two partners are asked.
    await h.as(a, "p3").partners.respond({ partnershipId: invited.p3 ?? "", accept: false });
    await expect(owner.plans.publish({ planId: pendingPlanId })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "The support circle is not ready: invite at least 3 partners (2 invited or accepted so far).",
    });
    await owner.plans.invitePartner({ planId: pendingPlanId, personId: id(a, "p6"), role: "partner" });

    // Nobody has answered yet, and the plan goes live.
    const published = await owner.plans.publish({ planId: pendingPlanId });
    expect(published.state).toBe("active");
    const before = (await owner.plans.get({ planId: pendingPlanId })).circle;
    expect(before).toMatchObject({ partners: 0, leads: 0, asked: { partners: 3, leads: 1 }, ready: false });

    // Invitees still answer after publishing; the circle fills as they accept.
    await h.as(a, "p1").partners.respond({ partnershipId: invited.p1 ?? "", accept: true });
    await h.as(a, "p5").partners.respond({ partnershipId: invited.p5 ?? "", accept: true });
    const after = await owner.plans.get({ planId: pendingPlanId });
    expect(after.circle).toMatchObject({ partners: 1, leads: 1, asked: { partners: 3, leads: 1 } });
    expect(
      after.circle.members
        .filter((m) => m.state === "invited")
        .map((m) => m.person.name)
        .sort(),
    ).toEqual(["P2 Alpha", "P6 Alpha"]);
    // The owner checks in on the running plan while answers are still pending.
    await owner.checkins.log({ planId: pendingPlanId, progress: 10, note: "", actions: [] });
    expect((await h.as(a, "p1").plans.get({ planId: pendingPlanId })).progress).toBe(10);
  });
});
