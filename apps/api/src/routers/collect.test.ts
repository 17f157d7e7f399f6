// The collect journey through createCaller on the real schema: requests, nominations,
// invitations, sealed envelopes, close and release, with every error and tenant check.
import { queryRows, schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { and, eq, type SQL, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { appRouter } from "../router";
import type { SeededOrganisation } from "../seed/organisation";
import { closeDueRequests } from "../services/collect/release";
import { openResponse } from "../services/collect/sealing";
import { hashToken } from "../services/collect/tokens";
import { fullAnswers } from "../testing/answers";
import {
  collectOrg,
  createHarness,
  type Harness,
  idOf as id,
  systemContext,
  TEST_APP_URL,
} from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  b = await h.seed(collectOrg("Beta", "beta.test"));
});
// A subject has at most one request in draft or open at a time: each test starts with none.
afterEach(async () => {
  await h?.cancelActiveRequests();
});
afterAll(async () => {
  await h?.close();
});

async function createOpenRequest(peers = ["p1", "p2", "p3", "p4"], withManager = true, subject = "subject") {
  return h.as(a, "manager").requests.create({
    subjectId: id(a, subject),
    deadline: inDays(14),
    raters: [
      ...peers.map((key) => ({ personId: id(a, key), group: "peer" as const })),
      ...(withManager ? [{ personId: id(a, "manager"), group: "manager" as const }] : []),
    ],
  });
}

async function invitationOf(requestId: string, key: string) {
  const inbox = await h.as(a, key).inbox.list();
  const item = inbox.find((i) => i.requestId === requestId);
  if (!item) throw new Error(`${key} has no invitation for ${requestId}`);
  return item;
}

async function mailsTo(email: string, requestId: string) {
  const rows = await h.database.db.select().from(schema.outbox).where(eq(schema.outbox.toEmail, email));
  return rows.filter((r) => (r.meta as { requestId?: string }).requestId === requestId);
}

async function tokenFor(email: string, requestId: string): Promise<string> {
  const [mail] = await mailsTo(email, requestId);
  const link = (mail?.meta as { link?: string } | undefined)?.link;
  if (!link) throw new Error(`no invitation mail to ${email}`);
  return link.replace("/r/", "");
}

describe(`collect on ${testDriver()}`, () => {
  it("instrument.get returns the versioned instrument", async () => {
    const instrument = await h.callerFor(null).instrument.get();
    expect(instrument.version).toBe(1);
    expect(instrument.scale).toMatchObject({ min: 1, max: 5 });
    expect(instrument.scale.labels).toHaveLength(5);
    expect(instrument.dimensions.map((d) => d.key)).toEqual([
      "inspire",
      "vision",
      "empower",
      "dream",
      "risk",
    ]);
    for (const d of instrument.dimensions) {
      expect(d.items.length).toBeGreaterThanOrEqual(3);
      expect(d.items.length).toBeLessThanOrEqual(5);
    }
    await expect(h.callerFor(null).instrument.get({ version: 99 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("creates and opens a request: invitations with hashed one-time links, mails in the outbox", async () => {
    const { id: requestId } = await createOpenRequest();
    const progress = await h.as(a, "manager").requests.progress({ requestId });
    expect(progress).toEqual({
      state: "open",
      groups: [
        { group: "self", label: "Self", invited: 1, submitted: 0, declined: 0 },
        { group: "manager", label: "Manager", invited: 1, submitted: 0, declined: 0 },
        { group: "peer", label: "Peers", invited: 4, submitted: 0, declined: 0 },
      ],
    });
    const invitations = await h.database.db
      .select()
      .from(schema.invitations)
      .where(eq(schema.invitations.requestId, requestId));
    expect(invitations).toHaveLength(6);
    const token = await tokenFor("p1@alpha.test", requestId);
    expect(token.length).toBeGreaterThanOrEqual(22); // 128 bits in base64url
    const mine = invitations.find((i) => i.personId === id(a, "p1"));
    expect(mine?.tokenHash).toBe(hashToken(token));
    expect(invitations.some((i) => i.tokenHash === token)).toBe(false);
    const [mail] = await mailsTo("p1@alpha.test", requestId);
    expect(mail?.text).toContain(`${TEST_APP_URL}/r/${token}`);
    expect(mail?.html).toContain(`${TEST_APP_URL}/r/${token}`);
    const [request] = await h.database.db
      .select()
      .from(schema.feedbackRequests)
      .where(eq(schema.feedbackRequests.id, requestId));
    expect(request).toMatchObject({ state: "open", threshold: 3, instrumentVersion: 1 });
  });

  it("ignores duplicates and accepts the subject as self and the requester as manager", async () => {
    const { id: requestId } = await h.as(a, "manager").requests.create({
      subjectId: id(a, "subject"),
      deadline: inDays(7),
      raters: [
        { personId: id(a, "subject"), group: "self" },
        { personId: id(a, "manager"), group: "manager" },
        { personId: id(a, "p1"), group: "peer" },
        { personId: id(a, "p1"), group: "peer" },
        { personId: id(a, "d1"), group: "direct_report" },
        { personId: id(a, "d2"), group: "direct_report" },
        { email: "ext@partner.test", group: "other" },
        { email: "EXT@partner.test", group: "other" },
      ],
    });
    const progress = await h.as(a, "manager").requests.progress({ requestId });
    // Groups of one or two are counted together, so no line is about one person; the external
    // (whose domain the organisation does not vouch for) is invited but does not count (rule 9).
    expect(progress.groups.map((g) => [g.group, g.invited, g.submitted])).toEqual([
      ["self", 1, 0],
      ["manager", 1, 0],
      ["pool:peer+direct_report", 3, 0],
      ["other", 1, null],
    ]);
    expect(await tokenFor("ext@partner.test", requestId)).toBeTruthy();
  });

  it("refuses bad requests with the right errors", async () => {
    const manager = h.as(a, "manager");
    const base = { subjectId: id(a, "subject"), raters: [] };
    await expect(manager.requests.create({ ...base, deadline: inDays(-1) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(manager.requests.create({ ...base, deadline: "next week" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(manager.requests.create({ ...base, deadline: "9999-12-31" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: "The deadline can be at most a year away",
    });
    await expect(
      h.as(a, "other-manager").requests.create({ ...base, deadline: inDays(7), open: false }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    // A member cannot start a 360 on themself; a manager can.
    await expect(
      h.as(a, "p1").requests.create({ subjectId: id(a, "p1"), deadline: inDays(7), raters: [], open: false }),
    ).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/ask your manager/) });
    const own = await h
      .as(a, "other-manager")
      .requests.create({ subjectId: id(a, "other-manager"), deadline: inDays(7), raters: [], open: false });
    expect(own.id).toMatch(/^[0-9a-f-]{36}$/);
    await expect(
      manager.requests.create({ subjectId: id(b, "subject"), deadline: inDays(7), raters: [] }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      manager.requests.create({
        ...base,
        deadline: inDays(7),
        raters: [
          { personId: id(a, "p1"), group: "peer" },
          { personId: id(a, "p2"), group: "peer" },
        ],
      }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("at least 3") });
    await expect(
      manager.requests.create({
        ...base,
        deadline: inDays(7),
        raters: [{ personId: id(a, "p1"), group: "self" }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      manager.requests.create({
        ...base,
        deadline: inDays(7),
        raters: [{ personId: id(b, "p1"), group: "peer" }],
        open: false,
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const tooMany = Array.from({ length: 21 }, (_, i) => ({
      email: `x${i}@ext.test`,
      group: "other" as const,
    }));
    await expect(
      manager.requests.create({ ...base, deadline: inDays(7), raters: tooMany }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("at most 20"),
    });
    // A failed create leaves nothing behind.
    const [count] = await h.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.invitations)
      .where(eq(schema.invitations.email, "x0@ext.test"));
    expect(count?.n).toBe(0);
  });

  it("keeps the report's readers out of the anonymous groups", async () => {
    const manager = h.as(a, "manager");
    const base = { subjectId: id(a, "subject"), deadline: inDays(7) };
    const peers = ["p1", "p2", "p3"].map((key) => ({ personId: id(a, key), group: "peer" as const }));
    // The requester as a peer, or the subject's coach as another colleague, could subtract
    // their own answers from "everyone but self".
    for (const reader of [
      { personId: id(a, "manager"), group: "peer" as const },
      { personId: id(a, "coach"), group: "other" as const },
    ]) {
      await expect(manager.requests.create({ ...base, raters: [...peers, reader] })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringContaining("cannot also rate anonymously"),
      });
    }
    const { id: requestId } = await manager.requests.create({ ...base, raters: peers, open: false });
    await expect(
      h.as(a, "subject").nominations.propose({ requestId, personId: id(a, "coach"), group: "peer" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await manager.requests.cancel({ requestId });
    // As the manager group they are identifiable, and welcome.
    expect(
      await manager.requests.create({
        ...base,
        raters: [...peers, { personId: id(a, "manager"), group: "manager" }],
      }),
    ).toMatchObject({ id: expect.any(String) });
  });

  it("lets the subject propose raters on a draft and the manager approve or remove them", async () => {
    const manager = h.as(a, "manager");
    const subject = h.as(a, "subject");
    const { id: requestId } = await manager.requests.create({
      subjectId: id(a, "subject"),
      deadline: inDays(10),
      raters: [{ personId: id(a, "p1"), group: "peer" }],
      open: false,
    });
    expect((await manager.requests.get({ requestId })).state).toBe("draft");
    expect(await h.as(a, "p1").inbox.list()).not.toContainEqual(expect.objectContaining({ requestId }));

    const proposals = [];
    for (const [key, group] of [
      ["d1", "direct_report"],
      ["d2", "direct_report"],
      ["p5", "peer"],
    ] as const) {
      proposals.push(
        (await subject.nominations.propose({ requestId, personId: id(a, key), group })).nominationId,
      );
    }
    await expect(
      subject.nominations.propose({ requestId, personId: id(a, "d1"), group: "direct_report" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      manager.nominations.propose({ requestId, personId: id(a, "d3"), group: "direct_report" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      subject.nominations.decide({ nominationId: proposals[0] ?? "", approve: true }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });

    const seen = await subject.requests.get({ requestId });
    expect(seen.role).toBe("subject");
    expect(seen.nominations.filter((n) => n.approved === null)).toHaveLength(3);

    await manager.nominations.decide({ nominationId: proposals[0] ?? "", approve: true });
    await manager.nominations.decide({ nominationId: proposals[1] ?? "", approve: true });
    await manager.nominations.decide({ nominationId: proposals[2] ?? "", approve: false });
    expect((await manager.requests.list()).find((r) => r.id === requestId)?.pendingNominations).toBe(0);

    await manager.requests.open({ requestId });
    const progress = await manager.requests.progress({ requestId });
    expect(progress.groups.map((g) => [g.group, g.invited])).toEqual([
      ["self", 1],
      ["pool:peer+direct_report", 3],
    ]);
    await expect(manager.requests.open({ requestId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });

    // On an open request no anonymous rater joins any more (rule 8): the counts before and after
    // would tell about the people already invited.
    await expect(
      subject.nominations.propose({ requestId, personId: id(a, "d3"), group: "direct_report" }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/before the request opens/),
    });
    // An identifiable rater may still be added, and is invited at once.
    const late = await subject.nominations.propose({
      requestId,
      personId: id(a, "manager"),
      group: "manager",
    });
    await manager.nominations.decide({ nominationId: late.nominationId, approve: true });
    expect(await invitationOf(requestId, "manager")).toMatchObject({ group: "manager", state: "pending" });
    await expect(
      manager.nominations.decide({ nominationId: late.nominationId, approve: false }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      manager.nominations.decide({ nominationId: proposals[0] ?? "", approve: false }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(
      h.as(b, "manager").nominations.decide({ nominationId: late.nominationId, approve: true }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("takes exactly one submission, sealed in an envelope that carries no rater", async () => {
    const { id: requestId } = await createOpenRequest();
    const invitation = await invitationOf(requestId, "p1");
    expect(invitation).toMatchObject({ group: "peer", state: "pending", subject: { id: id(a, "subject") } });
    const p1 = h.as(a, "p1");

    const form = await p1.responses.get({ invitationId: invitation.invitationId });
    expect(form.identifiable).toBe(false);
    expect(form.promise).toMatch(/anonymous/i);
    expect(form).not.toHaveProperty("draft");
    const selfForm = await h.as(a, "subject").responses.get({
      invitationId: (await invitationOf(requestId, "subject")).invitationId,
    });
    expect(selfForm.identifiable).toBe(true);

    const partial = fullAnswers(4).slice(0, 3);
    await expect(
      p1.responses.submit({ invitationId: invitation.invitationId, answers: partial }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("Rate every behaviour"),
    });
    await expect(
      p1.responses.submit({
        invitationId: invitation.invitationId,
        answers: fullAnswers(7),
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      p1.responses.submit({
        invitationId: invitation.invitationId,
        answers: fullAnswers(3),
        comments: [{ dimension: "vision", text: "x".repeat(2001) }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });

    await p1.responses.submit({
      invitationId: invitation.invitationId,
      answers: fullAnswers((_, i) => (i % 5 === 0 ? null : 4)),
      comments: [{ dimension: "vision", text: "  Paints a clear picture of where we are going.  " }],
    });
    await expect(
      p1.responses.submit({ invitationId: invitation.invitationId, answers: fullAnswers(2) }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(p1.responses.decline({ invitationId: invitation.invitationId })).rejects.toMatchObject({
      code: "CONFLICT",
    });

    // Until release the response exists only as ciphertext, which opens with the secret alone.
    const sealed = await h.database.db
      .select()
      .from(schema.sealedEnvelopes)
      .where(eq(schema.sealedEnvelopes.requestId, requestId));
    expect(sealed).toHaveLength(1);
    expect(sealed[0]?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(sealed[0]?.ciphertext.toString("latin1")).not.toContain("Paints a clear picture");
    expect(openResponse(h.sealingSecret, requestId, sealed[0]?.ciphertext ?? Buffer.alloc(0))).toEqual({
      group: "peer",
      answers: expect.objectContaining({ "inspire.1": null, "inspire.2": 4 }),
      comments: [{ dimension: "vision", text: "Paints a clear picture of where we are going." }],
    });
    expect(
      await h.database.db
        .select()
        .from(schema.sealedResponses)
        .where(eq(schema.sealedResponses.requestId, requestId)),
    ).toEqual([]);

    // Someone else's invitation, in my organisation or another, is not found.
    await expect(
      h.as(a, "p2").responses.get({ invitationId: invitation.invitationId }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      h.as(b, "p1").responses.get({ invitationId: invitation.invitationId }),
    ).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const progress = await h.as(a, "manager").requests.progress({ requestId });
    expect(progress.groups.find((g) => g.group === "peer")).toEqual({
      group: "peer",
      label: "Peers",
      invited: 4,
      submitted: 1,
      declined: 0,
    });
  });

  it("answers through the one-time link without signing in, once", async () => {
    const { id: requestId } = await createOpenRequest();
    const token = await tokenFor("p2@alpha.test", requestId);
    const anon = h.callerFor(null);
    const form = await anon.responses.getByToken({ token });
    expect(form).toMatchObject({ group: "peer", subject: { id: id(a, "subject") }, organisation: "Alpha" });
    await anon.responses.submitByToken({ token, answers: fullAnswers(3) });
    await expect(anon.responses.submitByToken({ token, answers: fullAnswers(3) })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(anon.responses.getByToken({ token: "not-a-real-token-at-all" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    // A link past its deadline reads as closed, and takes nothing.
    const lateToken = await tokenFor("p4@alpha.test", requestId);
    await h.database.db
      .update(schema.invitations)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(schema.invitations.tokenHash, hashToken(lateToken)));
    expect((await anon.responses.getByToken({ token: lateToken })).requestState).toBe("closed");
    await expect(
      anon.responses.submitByToken({ token: lateToken, answers: fullAnswers(3) }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const declineToken = await tokenFor("p3@alpha.test", requestId);
    await anon.responses.declineByToken({ token: declineToken });
    await expect(
      anon.responses.submitByToken({ token: declineToken, answers: fullAnswers(3) }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    expect(await h.as(a, "p2").inbox.list()).toContainEqual(
      expect.objectContaining({ requestId, state: "submitted" }),
    );
  });

  it("answers each remaining error of the rater and nomination procedures", async () => {
    const { id: requestId } = await createOpenRequest();
    const p1 = h.as(a, "p1");
    const invitation = await invitationOf(requestId, "p1");
    await expect(
      p1.responses.submit({
        invitationId: invitation.invitationId,
        answers: [...fullAnswers(3), { itemId: "nope", score: 3 }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect(await p1.responses.decline({ invitationId: invitation.invitationId })).toEqual({ declined: true });
    const self = await invitationOf(requestId, "subject");
    await expect(
      h.as(a, "subject").responses.decline({ invitationId: self.invitationId }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await expect(h.as(a, "stranger").requests.open({ requestId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      h.as(a, "subject").nominations.propose({ requestId, personId: id(a, "p5"), group: "self" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      h.as(a, "subject").nominations.propose({ requestId, personId: id(a, "p5"), group: "peer" }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const late = await h
      .as(a, "subject")
      .nominations.propose({ requestId, personId: id(a, "boss"), group: "manager" });
    await h.as(a, "manager").requests.close({ requestId });
    await expect(
      h.as(a, "manager").nominations.decide({ nominationId: late.nominationId, approve: true }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(
      h.as(a, "subject").nominations.propose({ requestId, personId: id(a, "p6"), group: "peer" }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const p2 = await invitationOf(requestId, "p2").catch(() => null);
    expect(p2).toBeNull(); // closed requests leave the inbox
  });

  it("closes and releases a frozen snapshot; after close nothing is accepted", async () => {
    const { id: requestId } = await createOpenRequest(["p1", "p2", "p3", "p4"]);
    for (const key of ["p1", "p2", "p3", "manager", "subject"]) {
      const invitation = await invitationOf(requestId, key);
      await h.as(a, key).responses.submit({ invitationId: invitation.invitationId, answers: fullAnswers(4) });
    }
    const late = await invitationOf(requestId, "p4");

    await expect(h.as(a, "stranger").requests.close({ requestId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(h.as(a, "subject").requests.close({ requestId })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(h.as(b, "manager").requests.close({ requestId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await h.as(a, "manager").requests.close({ requestId })).toEqual({ state: "released" });

    const [snapshot] = await h.database.db
      .select()
      .from(schema.reportSnapshots)
      .where(eq(schema.reportSnapshots.requestId, requestId));
    expect(snapshot?.instrumentVersion).toBe(1);
    expect(JSON.stringify(snapshot?.snapshot)).toContain('"threshold":3');
    // The envelopes are gone; the five responses are written once, in the clear, dated the day of release.
    const db = h.database.db;
    expect(
      await db.select().from(schema.sealedEnvelopes).where(eq(schema.sealedEnvelopes.requestId, requestId)),
    ).toEqual([]);
    const released = await db
      .select()
      .from(schema.sealedResponses)
      .where(eq(schema.sealedResponses.requestId, requestId));
    expect(released.map((r) => r.group).sort()).toEqual(["manager", "peer", "peer", "peer", "self"]);
    expect(new Set(released.map((r) => r.submittedOn))).toEqual(
      new Set([snapshot?.releasedAt.toISOString().slice(0, 10)]),
    );

    await expect(
      h.as(a, "p4").responses.submit({ invitationId: late.invitationId, answers: fullAnswers(2) }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await expect(h.as(a, "manager").requests.close({ requestId })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect((await h.as(a, "manager").requests.list()).find((r) => r.id === requestId)?.state).toBe(
      "released",
    );
    expect((await h.as(a, "subject").requests.list()).find((r) => r.id === requestId)).toMatchObject({
      role: "subject",
      groups: null,
    });
    expect(await mailsTo("subject@alpha.test", requestId)).toContainEqual(
      expect.objectContaining({ template: "report_released" }),
    );
  });

  it("requests.cancel: stops a request for good and discards what was answered", async () => {
    const { id: requestId } = await createOpenRequest();
    const token = await tokenFor("p3@alpha.test", requestId);
    await h.as(a, "p1").responses.submit({
      invitationId: (await invitationOf(requestId, "p1")).invitationId,
      answers: fullAnswers(4),
    });
    const p2 = (await invitationOf(requestId, "p2")).invitationId;

    for (const key of ["p1", "subject", "other-manager"]) {
      await expect(h.as(a, key).requests.cancel({ requestId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(h.as(b, "manager").requests.cancel({ requestId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await h.as(a, "manager").requests.cancel({ requestId })).toEqual({ state: "cancelled" });

    const db = h.database.db;
    const count = async (
      table: typeof schema.sealedEnvelopes | typeof schema.sealedResponses | typeof schema.outbox,
      where: SQL,
    ) => (await db.select({ n: sql<number>`count(*)::int` }).from(table).where(where))[0]?.n;
    // Deleted unread: the envelope was never opened, nothing was written in the clear.
    expect(await count(schema.sealedEnvelopes, eq(schema.sealedEnvelopes.requestId, requestId))).toBe(0);
    expect(await count(schema.sealedResponses, eq(schema.sealedResponses.requestId, requestId))).toBe(0);
    expect(
      await count(
        schema.outbox,
        and(
          eq(schema.outbox.state, "pending"),
          sql`${schema.outbox.meta}->>'requestId' = ${requestId}`,
        ) as SQL,
      ),
    ).toBe(0);

    // Nothing more is accepted, the inbox forgets it, the link is dead; the counts stay.
    expect((await h.as(a, "p2").inbox.list()).some((i) => i.requestId === requestId)).toBe(false);
    await expect(
      h.as(a, "p2").responses.submit({ invitationId: p2, answers: fullAnswers(3) }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringContaining("cancelled") });
    // A cancelled link, and a truncated one, are both simply not found.
    for (const link of [token, token.slice(0, 5)]) {
      await expect(h.callerFor(null).responses.getByToken({ token: link })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    await expect(
      h.callerFor(null).responses.submitByToken({ token, answers: fullAnswers(3) }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const progress = await h.as(a, "manager").requests.progress({ requestId });
    expect(progress.state).toBe("cancelled");
    expect(progress.groups.find((g) => g.group === "peer")).toMatchObject({ invited: 4, submitted: 1 });
    for (const procedure of ["cancel", "close", "open"] as const) {
      await expect(h.as(a, "manager").requests[procedure]({ requestId })).rejects.toMatchObject({
        code: "PRECONDITION_FAILED",
      });
    }

    // A draft can be cancelled too, by the subject's manager.
    const draft = await h.as(a, "manager").requests.create({
      subjectId: id(a, "subject"),
      deadline: inDays(7),
      raters: [],
      open: false,
    });
    expect(await h.as(a, "manager").requests.cancel({ requestId: draft.id })).toEqual({ state: "cancelled" });
  });

  it("closes as insufficient when fewer than k anonymous raters answered", async () => {
    const { id: requestId } = await createOpenRequest(["p1", "p2", "p3"]);
    for (const key of ["p1", "p2", "manager", "subject"]) {
      const invitation = await invitationOf(requestId, key);
      await h.as(a, key).responses.submit({ invitationId: invitation.invitationId, answers: fullAnswers(5) });
    }
    expect(await h.as(a, "admin").requests.close({ requestId })).toEqual({ state: "insufficient" });
    const db = h.database.db;
    const snapshots = await db
      .select()
      .from(schema.reportSnapshots)
      .where(eq(schema.reportSnapshots.requestId, requestId));
    expect(snapshots).toHaveLength(0);
    // No report, so the answers are never written out: the envelopes go unread.
    expect(
      await db.select().from(schema.sealedEnvelopes).where(eq(schema.sealedEnvelopes.requestId, requestId)),
    ).toEqual([]);
    expect(
      await db.select().from(schema.sealedResponses).where(eq(schema.sealedResponses.requestId, requestId)),
    ).toEqual([]);
  });

  it("closes requests past their deadline from the job, each once", async () => {
    const { id: requestId } = await createOpenRequest(["p1", "p2", "p3"]);
    for (const key of ["p1", "p2", "p3"]) {
      const invitation = await invitationOf(requestId, key);
      await h.as(a, key).responses.submit({ invitationId: invitation.invitationId, answers: fullAnswers(3) });
    }
    const now = new Date(Date.now() + 15 * 86_400_000);
    const [first, second] = await Promise.all([
      closeDueRequests({ ctx: systemContext(h, { now }) }),
      closeDueRequests({ ctx: systemContext(h, { now }) }),
    ]);
    const closedBoth = [...(first ?? []), ...(second ?? [])].filter((c) => c.requestId === requestId);
    expect(closedBoth).toEqual([{ requestId, outcome: "released" }]);
    expect(await closeDueRequests({ ctx: systemContext(h, { now }) })).toEqual([]);
    const [row] = await h.database.db
      .select({ state: schema.feedbackRequests.state })
      .from(schema.feedbackRequests)
      .where(eq(schema.feedbackRequests.id, requestId));
    expect(row?.state).toBe("released");
  });

  it("keeps closing other due requests when one of them fails", async () => {
    const broken = await createOpenRequest(["p1", "p2", "p3"]);
    const fine = await createOpenRequest(["p1", "p2", "p3"], true, "p4");
    // An instrument version that does not exist makes the aggregation throw for this one.
    await h.database.db
      .update(schema.feedbackRequests)
      .set({ instrumentVersion: 99 })
      .where(eq(schema.feedbackRequests.id, broken.id));
    const failures: string[] = [];
    const now = new Date(Date.now() + 15 * 86_400_000);
    const closed = await closeDueRequests({
      ctx: systemContext(h, { now }),
      input: { onError: (requestId) => failures.push(requestId) },
    });
    expect(closed).toContainEqual({ requestId: fine.id, outcome: "insufficient" });
    expect(failures).toEqual([broken.id]);
    const [row] = await h.database.db
      .select({ state: schema.feedbackRequests.state })
      .from(schema.feedbackRequests)
      .where(eq(schema.feedbackRequests.id, broken.id));
    expect(row?.state).toBe("open"); // rolled back, tried again next time
    await h.database.db.delete(schema.feedbackRequests).where(eq(schema.feedbackRequests.id, broken.id));
  });

  it("20 parallel submits of one invitation give exactly one sealed envelope", async () => {
    const { id: requestId } = await createOpenRequest();
    const invitation = await invitationOf(requestId, "p1");
    const p1 = h.as(a, "p1");
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        p1.responses.submit({ invitationId: invitation.invitationId, answers: fullAnswers(4) }),
      ),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(rejected).toHaveLength(19);
    for (const r of rejected) expect(r.reason).toMatchObject({ code: "CONFLICT" });
    const sealed = await h.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.sealedEnvelopes)
      .where(eq(schema.sealedEnvelopes.requestId, requestId));
    expect(sealed[0]?.n).toBe(1);
  });

  it("lets raters of one request submit and decline at the same time, none failing", async () => {
    const { id: requestId } = await createOpenRequest();
    const invitation = async (key: string) => (await invitationOf(requestId, key)).invitationId;
    const [p1, p2, p3, p4, self] = await Promise.all(["p1", "p2", "p3", "p4", "subject"].map(invitation));
    const work = [
      h.as(a, "p1").responses.submit({ invitationId: p1 ?? "", answers: fullAnswers(4) }),
      h.as(a, "p4").responses.submit({ invitationId: p4 ?? "", answers: fullAnswers(2) }),
      h.as(a, "subject").responses.submit({ invitationId: self ?? "", answers: fullAnswers(5) }),
      h.as(a, "p3").responses.decline({ invitationId: p3 ?? "" }),
      h.as(a, "p2").responses.submit({ invitationId: p2 ?? "", answers: fullAnswers(3) }),
    ];
    const results = await Promise.allSettled(work);
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const progress = await h.as(a, "manager").requests.progress({ requestId });
    expect(progress.groups.find((g) => g.group === "peer")).toMatchObject({ submitted: 3, declined: 1 });
  });

  it("keeps other organisations out of every request procedure", async () => {
    const { id: requestId } = await createOpenRequest();
    const outsider = h.as(b, "admin");
    await expect(outsider.requests.get({ requestId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(outsider.requests.progress({ requestId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(outsider.requests.open({ requestId })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      h.as(b, "subject").nominations.propose({ requestId, personId: id(b, "p1"), group: "peer" }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await outsider.requests.list()).some((r) => r.id === requestId)).toBe(false);
    await expect(h.as(a, "stranger").requests.get({ requestId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(h.as(a, "p1").requests.progress({ requestId })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});

describe(`the sealed envelope in the schema on ${testDriver()}`, () => {
  it("sealed responses have no column or key that links them to an invitation, person or time", async () => {
    const rows = await queryRows<{ column_name: string; data_type: string }>(
      h.database.db,
      sql`select column_name, data_type from information_schema.columns where table_name = 'sealed_responses' order by ordinal_position`,
    );
    expect(rows.map((c) => c.column_name)).toEqual([
      "id",
      "org_id",
      "request_id",
      "group",
      "answers",
      "comments",
      "submitted_on",
    ]);
    expect(rows.find((c) => c.column_name === "submitted_on")?.data_type).toBe("date");
    const keys = await queryRows<{ foreign_table: string }>(
      h.database.db,
      sql`select ccu.table_name as foreign_table
          from information_schema.table_constraints tc
          join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
          where tc.table_name = 'sealed_responses' and tc.constraint_type = 'FOREIGN KEY'`,
    );
    const foreign = keys.map((k) => k.foreign_table).sort();
    expect(foreign).toEqual(["feedback_requests", "organisations"]);
    const invitationColumns = await queryRows<{ column_name: string }>(
      h.database.db,
      sql`select column_name from information_schema.columns where table_name = 'invitations'`,
    );
    const names = invitationColumns.map((c) => c.column_name);
    expect(names.some((n) => n.includes("response") || n.includes("submitted"))).toBe(false);
    // And the invitation token is stored only as a hash.
    expect(names).toContain("token_hash");
    expect(names).not.toContain("token");
  });

  it("sealed envelopes hold ciphertext and nothing else: no group, invitation, person or time", async () => {
    const rows = await queryRows<{ column_name: string; data_type: string }>(
      h.database.db,
      sql`select column_name, data_type from information_schema.columns where table_name = 'sealed_envelopes' order by ordinal_position`,
    );
    expect(rows).toEqual([
      { column_name: "id", data_type: "uuid" },
      { column_name: "org_id", data_type: "uuid" },
      { column_name: "request_id", data_type: "uuid" },
      { column_name: "ciphertext", data_type: "bytea" },
    ]);
    const keys = await queryRows<{ foreign_table: string }>(
      h.database.db,
      sql`select ccu.table_name as foreign_table
          from information_schema.table_constraints tc
          join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
          where tc.table_name = 'sealed_envelopes' and tc.constraint_type = 'FOREIGN KEY'`,
    );
    expect(keys.map((k) => k.foreign_table).sort()).toEqual(["feedback_requests", "organisations"]);
  });

  it("keeps no draft and no decline reason next to a rater: no procedure takes one, no table holds one", async () => {
    const procedures = Object.keys(appRouter._def.procedures);
    expect(procedures).toContain("responses.submit");
    // instrument.draft and instrument.getDraft (issue 19) hold an admin's wording of the questionnaire, no answers.
    expect(procedures.filter((name) => /draft/i.test(name) && !name.startsWith("instrument."))).toEqual([]);
    const tables = await queryRows<{ table_name: string }>(
      h.database.db,
      sql`select table_name from information_schema.tables where table_schema = 'public'`,
    );
    expect(tables.map((t) => t.table_name)).not.toContain("drafts");
    const invitationColumns = await queryRows<{ column_name: string }>(
      h.database.db,
      sql`select column_name from information_schema.columns where table_name = 'invitations'`,
    );
    expect(invitationColumns.map((c) => c.column_name)).not.toContain("decline_reason");
    // A client that still sends a reason is not refused, and the reason goes nowhere.
    const { id: requestId } = await createOpenRequest();
    const declining = await invitationOf(requestId, "p2");
    await h
      .as(a, "p2")
      .responses.decline({ invitationId: declining.invitationId, reason: "DECLINE-REASON-MARKER" } as never);
    const dump = await queryRows<{ row: string }>(
      h.database.db,
      sql`select row_to_json(i)::text as row from invitations i where i.request_id = ${requestId}`,
    );
    expect(dump.some((r) => r.row.includes("declined"))).toBe(true);
    expect(dump.some((r) => r.row.includes("DECLINE-REASON-MARKER"))).toBe(false);
  });

  it("leaves no trace in the storage either: transaction stamps, ids and row order", async () => {
    const { id: requestId } = await createOpenRequest();
    const db = h.database.db;
    const stampMatches = (table: "sealed_envelopes" | "sealed_responses") =>
      queryRows<{ matches: number; invitations: number }>(
        db,
        sql`select (select count(*)::int from invitations i
                     where i.request_id = s.request_id and i.xmin = s.xmin) as matches,
                   (select count(*)::int from invitations i where i.request_id = s.request_id) as invitations
            from ${sql.identifier(table)} s where s.request_id = ${requestId}`,
      );
    for (const key of ["p1", "p2", "p3", "subject"]) {
      const caller = h.as(a, key);
      await caller.responses.submit({
        invitationId: (await invitationOf(requestId, key)).invitationId,
        answers: fullAnswers(3),
      });
      // Each envelope shares its stamp with every invitation of the request, or with none.
      const rows = await stampMatches("sealed_envelopes");
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect([0, row.invitations]).toContain(row.matches);
    }
    const before = await db
      .select({ id: schema.sealedEnvelopes.id })
      .from(schema.sealedEnvelopes)
      .where(eq(schema.sealedEnvelopes.requestId, requestId));
    expect(before).toHaveLength(4);
    await h.as(a, "manager").requests.close({ requestId });
    // Releasing writes the responses once, under fresh ids, in a random order, by a transaction
    // that touched no invitation: their stamp matches none.
    const after = await db
      .select({ id: schema.sealedResponses.id, group: schema.sealedResponses.group })
      .from(schema.sealedResponses)
      .where(eq(schema.sealedResponses.requestId, requestId));
    expect(after).toHaveLength(4);
    expect(after.map((r) => r.group).sort()).toEqual(["peer", "peer", "peer", "self"]);
    expect(after.some((r) => before.some((b) => b.id === r.id))).toBe(false);
    for (const row of await stampMatches("sealed_responses")) expect(row.matches).toBe(0);
  });
});

describe(`external rater addresses as people type them on ${testDriver()}`, () => {
  it("requests.create: takes an external address with a trailing comma or space, and names one that is not an address", async () => {
    const g = await h.seed(collectOrg("Gamma", "gamma.test"));
    const manager = h.as(g, "manager");
    const peers = ["p1", "p2", "p3"].map((key) => ({ personId: id(g, key), group: "peer" as const }));
    await expect(
      manager.requests.create({
        subjectId: id(g, "subject"),
        deadline: inDays(7),
        raters: [...peers, { email: "anna@ext", group: "other" }],
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("“anna@ext” is not an e-mail address"),
    });
    const { id: requestId } = await manager.requests.create({
      subjectId: id(g, "subject"),
      deadline: inDays(7),
      raters: [...peers, { email: " anna@partner.test, ", group: "other" }],
    });
    expect(await tokenFor("anna@partner.test", requestId)).toBeTruthy();
  });
});
