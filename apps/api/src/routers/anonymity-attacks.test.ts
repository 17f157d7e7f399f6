// The attacks of the anonymity review (issue 11), each as the reader of a report would mount it
// through the API, on the real schema: sock-puppet raters (DESIGN §4 rule 9), differencing across
// requests (rule 10), and what changes to a request let its readers see (rule 8). Each test is
// named after its attack and fails without its defence.
import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { DAY_MS, getInstrument } from "@fivefold/domain";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { closeDueRequests } from "../services/collect/release";
import { fullAnswers } from "../testing/answers";
import { collectOrg, createHarness, type Harness, idOf, systemContext } from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
const id = (key: string) => idOf(a, key);
const peers = (...keys: string[]) => keys.map((key) => ({ personId: id(key), group: "peer" as const }));
const itemIds = getInstrument().dimensions.flatMap((d) => d.items.map((i) => i.id));

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
});
// Each attack starts from an organisation without requests and with the default settings.
afterEach(async () => {
  await h?.database.db.delete(schema.feedbackRequests).where(eq(schema.feedbackRequests.orgId, a.orgId));
  await h
    ?.as(a, "admin")
    .settings.update({ externalRaterDomains: [], historyWindowDays: 120, adminsReadReports: false });
});
afterAll(async () => {
  await h?.close();
});

/** The one-time link in the invitation mail to this address. */
async function tokenFor(email: string, requestId: string): Promise<string> {
  const mails = await h.database.db.select().from(schema.outbox).where(eq(schema.outbox.toEmail, email));
  const mail = mails.find((m) => (m.meta as { requestId?: string }).requestId === requestId);
  const link = (mail?.meta as { link?: string } | undefined)?.link;
  if (!link) throw new Error(`no invitation mail to ${email}`);
  return link.replace("/r/", "");
}

async function submitAs(key: string, requestId: string, score: number) {
  const caller = h.as(a, key);
  const invitation = (await caller.inbox.list()).find((i) => i.requestId === requestId);
  if (!invitation) throw new Error(`${key} is not invited to ${requestId}`);
  await caller.responses.submit({
    invitationId: invitation.invitationId,
    answers: fullAnswers(score),
    comments: [{ dimension: "vision", text: `${key} on vision` }],
  });
}

async function submitByLink(email: string, requestId: string, score: number, comment: string) {
  await h.callerFor(null).responses.submitByToken({
    token: await tokenFor(email, requestId),
    answers: fullAnswers(score),
    comments: [{ dimension: "vision", text: comment }],
  });
}

describe(`anonymity attacks on ${testDriver()}: sock-puppet raters (rule 9)`, () => {
  it("sock-puppet raters: spellings of a reader's own address are refused, naming the address", async () => {
    const manager = h.as(a, "manager");
    for (const puppet of ["manager+1@alpha.test", "MANAGER+2@alpha.test", " Subject+x@Alpha.test "]) {
      await expect(
        manager.requests.create({
          subjectId: id("subject"),
          deadline: inDays(7),
          raters: [...peers("p1", "p2"), { email: puppet.trim(), group: "other" }],
        }),
      ).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining(`${puppet.trim()} reaches`),
      });
    }
    // A colleague's address, in any spelling, is invited as that colleague.
    await expect(
      manager.requests.create({
        subjectId: id("subject"),
        deadline: inDays(7),
        raters: [...peers("p1", "p2"), { email: "P4+work@alpha.test", group: "other" }],
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("invite them as that colleague"),
    });
  });

  it("sock-puppet raters: Gmail's dots and its second name reach the same colleague", async () => {
    const { id: gina } = await h.as(a, "admin").people.create({
      name: "Gina Mail",
      email: "gina.mail@gmail.com",
      managerId: id("manager"),
    });
    await expect(
      h.as(a, "manager").requests.create({
        subjectId: id("subject"),
        deadline: inDays(7),
        raters: [...peers("p1", "p2", "p3"), { email: "g.i.n.a.mail+360@googlemail.com", group: "other" }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("Gina Mail") });
    await h.database.db.delete(schema.people).where(eq(schema.people.id, gina));
  });

  it("sock-puppet raters: externals nobody vouches for do not count towards k, and say so", async () => {
    const manager = h.as(a, "manager");
    const raters = [
      ...peers("p1"),
      { email: "me.myself@puppet.example", group: "other" as const },
      { email: "me.again@puppet.example", group: "other" as const },
    ];
    // One real peer and two addresses the manager reads: not three raters who count.
    await expect(
      manager.requests.create({ subjectId: id("subject"), deadline: inDays(7), raters }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining(
        "there is 1 who count now (besides 2 external raters who do not count",
      ),
    });
    const draft = await manager.requests.create({
      subjectId: id("subject"),
      deadline: inDays(7),
      raters,
      open: false,
    });
    expect(draft.warnings.map((w) => [w.kind, "email" in w ? w.email : null])).toEqual([
      ["external_not_counted", "me.myself@puppet.example"],
      ["external_not_counted", "me.again@puppet.example"],
    ]);
    expect(draft.warnings[0]?.detail).toContain("puppet.example is not on the organisation's list");
    expect(draft.warnings[0]).toMatchObject({ reason: "not_vouched_for", domain: "puppet.example" });
  });

  it("sock-puppet raters: 3 × mean − 6 gives nothing, since puppets' answers never reach the report", async () => {
    const manager = h.as(a, "manager");
    const { id: requestId, warnings } = await manager.requests.create({
      subjectId: id("subject"),
      deadline: inDays(7),
      raters: [
        ...peers("p1", "p2", "p3"),
        { email: "puppet.one@puppet.example", group: "other" },
        { email: "puppet.two@puppet.example", group: "other" },
      ],
    });
    expect(warnings).toHaveLength(2);
    await submitAs("p1", requestId, 4);
    await submitAs("p2", requestId, 4);
    await submitAs("p3", requestId, 5);
    await submitByLink("puppet.one@puppet.example", requestId, 1, "puppet comment one");
    await submitByLink("puppet.two@puppet.example", requestId, 1, "puppet comment two");
    // Nothing of theirs is kept, not even sealed.
    const [stored] = await h.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.sealedEnvelopes)
      .where(eq(schema.sealedEnvelopes.requestId, requestId));
    expect(stored?.n).toBe(3);
    const progress = await manager.requests.progress({ requestId });
    expect(progress.groups.find((g) => g.counted === false)).toMatchObject({ invited: 2, submitted: null });

    expect((await manager.requests.close({ requestId })).state).toBe("released");
    const report = await manager.reports.get({ requestId });
    expect(report.notCounted).toBe(2);
    const item = report.dimensions[0]?.items[0];
    expect(item?.others).toMatchObject({ n: 3, mean: 4.33 });
    expect(report.comments.map((c) => c.text).sort()).toEqual([
      "p1 on vision",
      "p2 on vision",
      "p3 on vision",
    ]);
    expect(JSON.stringify(report)).not.toContain("puppet");
  });

  it("externals from a domain the organisation vouches for count like colleagues", async () => {
    await h.as(a, "admin").settings.update({ externalRaterDomains: ["partner.test"] });
    const manager = h.as(a, "manager");
    const { id: requestId, warnings } = await manager.requests.create({
      subjectId: id("subject"),
      deadline: inDays(7),
      raters: [...peers("p1", "p2"), { email: "ann@Partner.test", group: "other" }],
    });
    expect(warnings).toEqual([]);
    await submitAs("p1", requestId, 3);
    await submitAs("p2", requestId, 3);
    await submitByLink("ann@partner.test", requestId, 5, "ann on vision");
    expect((await manager.requests.close({ requestId })).state).toBe("released");
    const report = await manager.reports.get({ requestId });
    expect(report.notCounted).toBe(0);
    expect(report.dimensions[0]?.items[0]?.others).toMatchObject({ n: 3, mean: 3.67 });
  });

  it("requests.approveExternal: only an admin who does not read the report vouches, before opening", async () => {
    const manager = h.as(a, "manager");
    const admin = h.as(a, "admin");
    const { id: requestId } = await manager.requests.create({
      subjectId: id("subject"),
      deadline: inDays(7),
      raters: [...peers("p1", "p2"), { email: "bea@elsewhere.test", group: "other" }],
      open: false,
    });
    await expect(
      manager.requests.approveExternal({ requestId, email: "bea@elsewhere.test" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      admin.requests.approveExternal({ requestId, email: "nobody@elsewhere.test" }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // Where admins read reports, every admin is a reader and may not vouch for its raters.
    await admin.settings.update({ adminsReadReports: true });
    await expect(
      admin.requests.approveExternal({ requestId, email: "bea@elsewhere.test" }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
      message: expect.stringContaining("cannot vouch"),
    });
    await admin.settings.update({ adminsReadReports: false });
    expect(await admin.requests.approveExternal({ requestId, email: " BEA@elsewhere.test" })).toEqual({
      approved: true,
      warnings: [],
    });
    expect(await manager.requests.open({ requestId })).toEqual({ state: "open", warnings: [] });
    const [invitation] = await h.database.db
      .select({ counts: schema.invitations.counts })
      .from(schema.invitations)
      .where(
        and(eq(schema.invitations.requestId, requestId), eq(schema.invitations.email, "bea@elsewhere.test")),
      );
    expect(invitation?.counts).toBe(true);
    await expect(
      admin.requests.approveExternal({ requestId, email: "bea@elsewhere.test" }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
  });

  it("one unvouched external keeps its whole group from counting: no response carries a mark of its own", async () => {
    const admin = h.as(a, "admin");
    const { id: requestId } = await h.as(a, "manager").requests.create({
      subjectId: id("subject"),
      deadline: inDays(7),
      raters: [
        ...peers("p1", "p2", "p3"),
        { email: "vouched@elsewhere.test", group: "other" },
        { email: "unknown@elsewhere.test", group: "other" },
      ],
      open: false,
    });
    const approval = await admin.requests.approveExternal({ requestId, email: "vouched@elsewhere.test" });
    const verdicts = approval.warnings.map((w) => [
      "email" in w ? w.email : null,
      w.detail.includes("another external rater in the same group"),
    ]);
    expect(verdicts.sort()).toEqual([
      ["unknown@elsewhere.test", false],
      ["vouched@elsewhere.test", true],
    ]);
    await h.as(a, "manager").requests.open({ requestId });
    const counts = await h.database.db
      .select({ counts: schema.invitations.counts })
      .from(schema.invitations)
      .where(and(eq(schema.invitations.requestId, requestId), eq(schema.invitations.group, "other")));
    expect(counts.map((c) => c.counts)).toEqual([false, false]);
  });

  it("the subject's manager reads the report, so never rates anonymously, even when an admin asked", async () => {
    await expect(
      h.as(a, "admin").requests.create({
        subjectId: id("subject"),
        deadline: inDays(7),
        raters: [...peers("p1", "p2", "p3"), { personId: id("manager"), group: "peer" }],
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("cannot also rate anonymously"),
    });
  });
});

describe(`anonymity attacks on ${testDriver()}: differencing across requests (rule 10)`, () => {
  async function released(keys: string[], score: (key: string) => number) {
    const manager = h.as(a, "manager");
    const created = await manager.requests.create({
      subjectId: id("subject"),
      deadline: inDays(7),
      raters: peers(...keys),
    });
    for (const key of keys) await submitAs(key, created.id, score(key));
    const { state } = await manager.requests.close({ requestId: created.id });
    return { ...created, state };
  }

  it("differencing attack: {p1,p2,p3} then {p1,p2,p3,p4} does not give p4's answers", async () => {
    const first = await released(["p1", "p2", "p3"], () => 3);
    expect(first.state).toBe("released");
    const second = await released(["p1", "p2", "p3", "p4"], (key) => (key === "p4" ? 5 : 3));
    // Every figure would differ from the first report by p4 alone: 4 × mean₂ − 3 × mean₁ = p4.
    expect(second.state).toBe("insufficient");
    await expect(h.as(a, "manager").reports.get({ requestId: second.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("comparing the two would have singled someone out"),
    });
    const [mail] = await h.database.db
      .select()
      .from(schema.outbox)
      .where(
        and(
          eq(schema.outbox.template, "request_insufficient"),
          sql`${schema.outbox.meta}->>'requestId' = ${second.id}`,
        ),
      );
    expect(mail?.text).toContain("nearly the same people as in an earlier report");
    // The manager was told before opening, with the facts the web writes in the reader's language.
    expect(second.warnings.map((w) => w.kind)).toEqual(["close_to_earlier_report"]);
    expect(second.warnings[0]).toMatchObject({
      groups: ["peer"],
      threshold: 3,
      releasedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
  });

  it("differencing attack through a remainder: everyone minus peers now, minus everyone before", async () => {
    const manager = h.as(a, "manager");
    const request = async (raters: Array<{ key: string; group: "peer" | "direct_report" | "other" }>) => {
      const created = await manager.requests.create({
        subjectId: id("subject"),
        deadline: inDays(7),
        raters: raters.map((rater) => ({ personId: id(rater.key), group: rater.group })),
      });
      for (const rater of raters) await submitAs(rater.key, created.id, rater.key === "p5" ? 1 : 3);
      return { id: created.id, state: (await manager.requests.close({ requestId: created.id })).state };
    };
    const first = await request([
      { key: "d1", group: "direct_report" },
      { key: "d2", group: "direct_report" },
      { key: "p4", group: "other" },
    ]);
    expect(first.state).toBe("released");
    // The same three again, three peers and one more "other" (p5): everyone (7) minus the peers (3)
    // is the four who are not peers; minus the first report's three, p5 alone.
    const second = await request([
      { key: "p1", group: "peer" },
      { key: "p2", group: "peer" },
      { key: "p3", group: "peer" },
      { key: "d1", group: "direct_report" },
      { key: "d2", group: "direct_report" },
      { key: "p4", group: "other" },
      { key: "p5", group: "other" },
    ]);
    expect(second.state).toBe("released");
    const report = await manager.reports.get({ requestId: second.id });
    const scopes = [...report.dimensions, ...report.dimensions.flatMap((d) => d.items)];
    expect(scopes.some((scope) => scope.others !== null)).toBe(true);
    for (const scope of scopes) {
      const peersShown = scope.groups.some((group) => group.group === "peer");
      expect({
        scope: "id" in scope ? scope.id : scope.key,
        both: scope.others !== null && peersShown,
      }).toMatchObject({ both: false });
    }
  });

  it("a request repeated with at least k other raters keeps its figures; no warning", async () => {
    await released(["p1", "p2", "p3"], () => 3);
    const manager = h.as(a, "manager");
    const next = await manager.requests.create({
      subjectId: id("subject"),
      deadline: inDays(7),
      raters: peers("p1", "p2", "p3", "p4", "p5", "p6"),
    });
    expect(next.warnings).toEqual([]);
    for (const key of ["p1", "p2", "p3", "p4", "p5", "p6"]) await submitAs(key, next.id, 4);
    expect((await manager.requests.close({ requestId: next.id })).state).toBe("released");
    const report = await manager.reports.get({ requestId: next.id });
    expect(report.dimensions.every((d) => d.others !== null)).toBe(true);
  });

  it("a second request on a subject while one is open or a draft is a CONFLICT naming it", async () => {
    const manager = h.as(a, "manager");
    const open = await manager.requests.create({
      subjectId: id("subject"),
      deadline: inDays(7),
      raters: peers("p1", "p2", "p3"),
    });
    for (const asked of [manager, h.as(a, "admin")]) {
      await expect(
        asked.requests.create({
          subjectId: id("subject"),
          deadline: inDays(7),
          raters: peers("p4", "p5", "p6"),
          open: false,
        }),
      ).rejects.toMatchObject({ code: "CONFLICT", message: expect.stringContaining(open.id) });
    }
  });

  it("two managers creating at once on one subject: exactly one request", async () => {
    const attempts = await Promise.allSettled(
      ["manager", "admin"].map((key) =>
        h.as(a, key).requests.create({
          subjectId: id("subject"),
          deadline: inDays(7),
          raters: peers("p1", "p2", "p3"),
        }),
      ),
    );
    expect(attempts.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(attempts.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "CONFLICT" } });
    const [active] = await h.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.feedbackRequests)
      .where(
        and(eq(schema.feedbackRequests.subjectId, id("subject")), eq(schema.feedbackRequests.state, "open")),
      );
    expect(active?.n).toBe(1);
  });

  it("outside the comparison window, the next cycle keeps its figures (the trade-off of historyWindowDays)", async () => {
    await released(["p1", "p2", "p3"], () => 3);
    const manager = h.as(a, "manager");
    const next = await manager.requests.create({
      subjectId: id("subject"),
      deadline: inDays(7),
      raters: peers("p1", "p2", "p3", "p4"),
    });
    for (const key of ["p1", "p2", "p3", "p4"]) await submitAs(key, next.id, 4);
    // Closed by the deadline job 121 days on: the earlier report is out of the window.
    const closed = await closeDueRequests({
      ctx: systemContext(h, { now: new Date(Date.now() + 121 * DAY_MS) }),
    });
    expect(closed).toContainEqual({ requestId: next.id, outcome: "released" });
  });

  it("historyWindowDays is a whole number from 0 to 730", async () => {
    const admin = h.as(a, "admin");
    await expect(admin.settings.update({ historyWindowDays: 731 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await admin.settings.update({ historyWindowDays: 30 })).toMatchObject({ historyWindowDays: 30 });
  });
});

describe(`anonymity attacks on ${testDriver()}: what changes to a request reveal (rule 8)`, () => {
  it("adding an invitee to a pooled group of an open request is refused: no count tells about its member", async () => {
    const manager = h.as(a, "manager");
    const { id: requestId } = await manager.requests.create({
      subjectId: id("subject"),
      deadline: inDays(7),
      raters: [...peers("p1", "p2", "p3"), { personId: id("d1"), group: "direct_report" }],
    });
    await submitAs("d1", requestId, 4);
    const before = await manager.requests.progress({ requestId });
    // Without the defence: d2 and d3 join, direct reports stand alone as "1 of 3", and say d1 answered.
    for (const key of ["d2", "d3"]) {
      await expect(
        h.as(a, "subject").nominations.propose({ requestId, personId: id(key), group: "direct_report" }),
      ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    }
    expect(await manager.requests.progress({ requestId })).toEqual(before);
  });

  it("erasing a rater changes no count anyone sees, and their link still works", async () => {
    const manager = h.as(a, "manager");
    const { id: requestId } = await manager.requests.create({
      subjectId: id("p6"),
      deadline: inDays(7),
      raters: peers("p1", "p2", "p3", "p4"),
    });
    await submitAs("p1", requestId, 4);
    const token = await tokenFor(a.people.p2?.email ?? "", requestId);
    const before = await manager.requests.progress({ requestId });
    await h.as(a, "admin").people.erase({ personId: id("p2") });
    // Without the defence, p2's pending invitation turned "declined": the admin learnt they had not answered.
    expect(await manager.requests.progress({ requestId })).toEqual(before);
    await h.callerFor(null).responses.submitByToken({ token, answers: fullAnswers(3) });
    const after = await manager.requests.progress({ requestId });
    expect(after.groups.find((g) => g.group === "peer")?.submitted).toBe(2);
    void itemIds;
  });
});
