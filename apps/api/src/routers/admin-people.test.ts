// People by hand, erasure and export through createCaller on the real schema: admins only (and
// export of oneself), tenant isolation, reporting loops, sign-in and sessions, and a proof of what
// erasure removes and what it keeps.
import { queryRows, schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { ERASED_NAME, erasedEmail } from "../services/admin/erase";
import { collectOrg, createHarness, type Harness } from "../testing/harness";
import { idOf, releasedRequest } from "../testing/released-request";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  b = await h.seed(collectOrg("Beta", "beta.test"));
});
afterAll(async () => {
  await h?.close();
});

async function addSession(userId: string, id: string) {
  await h.database.db.insert(schema.session).values({
    id,
    token: `${id}-token`,
    userId,
    expiresAt: new Date(Date.now() + 86_400_000),
    ipAddress: "203.0.113.7",
    userAgent: "test-agent",
  });
}

async function auditActions(targetId: string) {
  const rows = await h.database.db
    .select({ action: schema.auditLog.action, actorId: schema.auditLog.actorId })
    .from(schema.auditLog)
    .where(eq(schema.auditLog.targetId, targetId))
    .orderBy(schema.auditLog.createdAt);
  return rows.map((r) => r.action);
}

describe(`people administration on ${testDriver()}`, () => {
  it("directory, create, update and setRoles are for admins; list stays for every member", async () => {
    const someone = { personId: idOf(a, "p1") };
    for (const key of ["manager", "coach", "p1"]) {
      const caller = h.as(a, key);
      await expect(caller.people.directory()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(caller.people.create({ name: "X", email: "x@alpha.test" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(caller.people.update({ ...someone, name: "X" })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(caller.people.setRoles({ ...someone, roles: ["admin"] })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(caller.people.erase(someone)).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    expect((await h.as(a, "p1").people.list()).people.length).toBeGreaterThan(5);
    await expect(h.callerFor(null).people.directory()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("the directory shows everyone of my organisation with roles, teams and sign-in, nobody else", async () => {
    const directory = await h.as(a, "admin").people.directory();
    expect(directory.every((p) => p.email.endsWith("@alpha.test"))).toBe(true);
    expect(directory.find((p) => p.id === idOf(a, "manager"))).toMatchObject({
      roles: ["manager", "member"],
      teams: [{ id: a.teams.Core, name: "Core" }],
      hasSignIn: true,
      active: true,
    });
  });

  it("creates a person by hand, with roles and teams, refusing duplicates and foreign managers", async () => {
    const admin = h.as(a, "admin");
    const created = await admin.people.create({
      name: "  Nia   New ",
      email: "NIA@alpha.test",
      managerId: idOf(a, "manager"),
      roles: ["coach"],
      teamIds: [a.teams.Core as string],
    });
    expect(created).toMatchObject({
      name: "Nia New",
      email: "nia@alpha.test",
      managerId: idOf(a, "manager"),
      roles: ["coach", "member"],
      teams: [{ name: "Core" }],
      hasSignIn: false,
    });
    await expect(admin.people.create({ name: "Nia Two", email: "nia@alpha.test" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(
      admin.people.create({ name: "X", email: "x@alpha.test", managerId: idOf(b, "manager") }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      cause: { fields: { managerId: "Pick an active colleague" } },
    });
    await expect(admin.people.create({ name: "X", email: "not an address" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    expect(await auditActions(created.id)).toEqual(["people.create"]);
  });

  it("edits name, e-mail (the person lets go of the old address's sign-in), manager and teams", async () => {
    const admin = h.as(a, "admin");
    const p2 = idOf(a, "p2");
    const updated = await admin.people.update({
      personId: p2,
      name: "Pat Two",
      email: "pat.two@alpha.test",
      managerId: idOf(a, "other-manager"),
      teamIds: [],
    });
    expect(updated).toMatchObject({
      name: "Pat Two",
      email: "pat.two@alpha.test",
      managerId: idOf(a, "other-manager"),
      teams: [],
      hasSignIn: false,
    });
    // A password set through the old mailbox never opens the new one: the old address's sign-in,
    // held by nobody else, is gone; the new address gets one on its first password link.
    const users = await h.database.db
      .select()
      .from(schema.user)
      .where(eq(schema.user.id, a.people.p2?.userId as string));
    expect(users).toEqual([]);
    expect(await auditActions(p2)).toEqual(["people.update"]);
    const [entry] = await h.database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.targetId, p2));
    expect(entry?.details).toEqual({ changed: ["name", "email", "manager", "teams"] });
    // No change, no audit entry.
    await admin.people.update({ personId: p2, name: "Pat Two" });
    expect(await auditActions(p2)).toEqual(["people.update"]);
  });

  it("refuses reporting loops, oneself as manager, taken addresses and other organisations", async () => {
    const admin = h.as(a, "admin");
    // boss → manager → subject → d1: making boss report to d1 closes a loop.
    await expect(
      admin.people.update({ personId: idOf(a, "boss"), managerId: idOf(a, "d1") }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: `That would make a reporting loop: Boss Alpha → D1 Alpha → Subject Alpha → Manager Alpha → Boss Alpha`,
    });
    await expect(
      admin.people.update({ personId: idOf(a, "boss"), managerId: idOf(a, "boss") }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      admin.people.update({ personId: idOf(a, "p3"), email: "p4@alpha.test" }),
    ).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(admin.people.update({ personId: idOf(b, "p3"), name: "Hijack" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      admin.people.update({ personId: idOf(a, "p3"), teamIds: [b.teams.Core as string] }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("deactivates (signing the person out) and reactivates; never oneself", async () => {
    const admin = h.as(a, "admin");
    const p3 = a.people.p3;
    await addSession(p3?.userId as string, "p3-session");
    expect(await h.as(a, "p3").me.get()).toMatchObject({ person: { id: p3?.personId } });
    await admin.people.update({ personId: p3?.personId as string, active: false });
    await expect(h.as(a, "p3").me.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(
      await h.database.db
        .select()
        .from(schema.session)
        .where(eq(schema.session.userId, p3?.userId as string)),
    ).toEqual([]);
    expect((await admin.people.directory()).find((p) => p.id === p3?.personId)?.active).toBe(false);
    expect((await admin.people.list()).people.some((p) => p.id === p3?.personId)).toBe(false);
    await admin.people.update({ personId: p3?.personId as string, active: true });
    expect(await h.as(a, "p3").me.get()).toMatchObject({ person: { id: p3?.personId } });
    expect(await auditActions(p3?.personId as string)).toEqual(["people.deactivate", "people.reactivate"]);
    await expect(admin.people.update({ personId: idOf(a, "admin"), active: false })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("sets roles (member always), audits from and to, and never drops one's own admin role", async () => {
    const admin = h.as(a, "admin");
    const p4 = idOf(a, "p4");
    expect(await admin.people.setRoles({ personId: p4, roles: ["manager", "coach", "manager"] })).toEqual({
      roles: ["manager", "coach", "member"],
    });
    expect((await h.as(a, "p4").me.get()).roles).toEqual(["coach", "manager", "member"]);
    const [entry] = await h.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.targetId, p4), eq(schema.auditLog.action, "people.roles")));
    expect(entry?.details).toEqual({ from: ["member"], to: ["manager", "coach", "member"] });
    await expect(
      admin.people.setRoles({ personId: idOf(a, "admin"), roles: ["manager"] }),
    ).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(admin.people.setRoles({ personId: idOf(b, "p4"), roles: [] })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe(`people.export on ${testDriver()}`, () => {
  let requestId: string;
  beforeAll(async () => {
    requestId = await releasedRequest(h, a, {
      manager: "manager",
      subject: "subject",
      peers: ["p1", "p5", "p6"],
      comment: "Export-secret-comment",
    });
    await addSession(a.people.subject?.userId as string, "subject-session");
  });

  it("gives the person everything held about them, their report included", async () => {
    const data = await h.as(a, "subject").people.export({ personId: idOf(a, "subject") });
    expect(data.person).toMatchObject({
      id: idOf(a, "subject"),
      name: "Subject Alpha",
      email: "subject@alpha.test",
      manager: { id: idOf(a, "manager"), name: "Manager Alpha" },
      roles: expect.arrayContaining(["manager", "member"]),
      teams: [{ id: a.teams.Core, name: "Core" }],
    });
    expect(data.person.directReports.map((r) => r.name)).toEqual(["D1 Alpha", "D2 Alpha", "D3 Alpha"]);
    expect(data.signIn?.sessions).toEqual([
      expect.objectContaining({ ipAddress: "203.0.113.7", userAgent: "test-agent" }),
    ]);
    expect(data.feedbackAboutThem).toHaveLength(1);
    expect(data.feedbackAboutThem[0]).toMatchObject({
      requestId,
      state: "released",
      requester: { name: "Manager Alpha" },
    });
    expect(data.feedbackAboutThem[0]?.report?.snapshot).toBeTruthy();
    expect(data.invitationsToRate).toEqual([
      expect.objectContaining({ requestId, group: "self", state: "submitted", subjectName: "Subject Alpha" }),
    ]);
    expect(data.emails.map((m) => m.template)).toEqual(
      expect.arrayContaining(["invitation", "report_released"]),
    );
    expect(data.notes[0]).toMatch(/sealed/);
    // Never a token, a token hash, a session token or a mail body.
    const text = JSON.stringify(data);
    const hashes = await h.database.db
      .select({ hash: schema.invitations.tokenHash })
      .from(schema.invitations);
    for (const { hash } of hashes) expect(text).not.toContain(hash);
    expect(text).not.toContain("subject-session-token");
    expect(text).not.toContain("/r/");
  });

  it("lets an admin export anyone, without report figures unless admins may read reports", async () => {
    const admin = h.as(a, "admin");
    const data = await admin.people.export({ personId: idOf(a, "subject") });
    expect(data.feedbackAboutThem[0]?.report).toBeNull();
    expect(data.notes).toHaveLength(2);
    await admin.settings.update({ adminsReadReports: true });
    const allowed = await admin.people.export({ personId: idOf(a, "subject") });
    expect(allowed.feedbackAboutThem[0]?.report?.snapshot).toBeTruthy();
    await admin.settings.update({ adminsReadReports: false });
    // A rater's export lists the invitation, never their answers or comments.
    // An admin's export does not say whether they answered (DESIGN §4 rules 1 and 8); their own does.
    const rater = await admin.people.export({ personId: idOf(a, "p1") });
    expect(rater.invitationsToRate).toEqual([expect.objectContaining({ requestId, group: "peer" })]);
    expect(rater.invitationsToRate[0]).not.toHaveProperty("state");
    const own = await h.as(a, "p1").people.export({ personId: idOf(a, "p1") });
    expect(own.invitationsToRate).toEqual([expect.objectContaining({ requestId, state: "submitted" })]);
    expect(JSON.stringify(rater)).not.toContain("Export-secret-comment");
    // Reminders go only to those who have not answered: only their own export shows them.
    await h.database.db.insert(schema.outbox).values({
      orgId: a.orgId,
      template: "reminder",
      toEmail: "p5@alpha.test",
      subject: "Reminder: feedback on Subject Alpha",
      text: "…",
      html: "…",
      meta: { requestId },
    });
    const p5ByAdmin = await admin.people.export({ personId: idOf(a, "p5") });
    expect(p5ByAdmin.emails.map((m) => m.template)).not.toContain("reminder");
    const p5Own = await h.as(a, "p5").people.export({ personId: idOf(a, "p5") });
    expect(p5Own.emails.map((m) => m.template)).toContain("reminder");
    expect(await auditActions(idOf(a, "subject"))).toEqual(expect.arrayContaining(["people.export"]));
  });

  it("is refused for someone else's data unless admin, and across organisations", async () => {
    await expect(h.as(a, "manager").people.export({ personId: idOf(a, "subject") })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(h.as(a, "admin").people.export({ personId: idOf(b, "subject") })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe(`people.erase on ${testDriver()}`, () => {
  let aboutSubject: string;
  let requestedBySubject: string;
  let ratedBySubject: string;
  let openOnOther: string;
  beforeAll(async () => {
    aboutSubject = (await h.as(a, "subject").requests.list()).find((r) => r.subject.id === idOf(a, "subject"))
      ?.id as string;
    // The subject asked for feedback on d2 (as their manager), rated p6 as a peer, and is invited on p4.
    requestedBySubject = await releasedRequest(h, a, {
      manager: "subject",
      subject: "d2",
      peers: ["d1", "d3", "p6"],
    });
    ratedBySubject = await releasedRequest(h, a, {
      manager: "manager",
      subject: "p6",
      peers: ["subject", "p5", "d3"],
    });
    const { id } = await h.as(a, "manager").requests.create({
      subjectId: idOf(a, "p4"),
      deadline: new Date(Date.now() + 5 * 86_400_000).toISOString(),
      raters: ["subject", "p5", "p6"].map((key) => ({ personId: idOf(a, key), group: "peer" as const })),
    });
    openOnOther = id;
    // p6 turns that report into a plan and asks the subject to be a partner; the subject accepts, so
    // p6 gets a mail that names them.
    const plan = await h.as(a, "p6").plans.create({ requestId: ratedBySubject });
    const { partnershipId } = await h
      .as(a, "p6")
      .plans.invitePartner({ planId: plan.id, personId: idOf(a, "subject"), role: "partner" });
    await h.as(a, "subject").partners.respond({ partnershipId, accept: true });
  });

  it("is for admins, never on oneself, never across organisations", async () => {
    await expect(h.as(a, "admin").people.erase({ personId: idOf(a, "admin") })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(h.as(a, "admin").people.erase({ personId: idOf(b, "subject") })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("keeps the sealed responses a person gave: erasing a rater changes no report", async () => {
    const db = h.database.db;
    const count = async () =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(schema.sealedResponses)
          .where(eq(schema.sealedResponses.requestId, aboutSubject))
      )[0]?.n;
    const before = await count();
    const [snapshotBefore] = await db
      .select()
      .from(schema.reportSnapshots)
      .where(eq(schema.reportSnapshots.requestId, aboutSubject));
    await h.as(a, "admin").people.erase({ personId: idOf(a, "p1") });
    expect(await count()).toBe(before);
    expect(before).toBe(4); // three peers and the self-assessment
    const [snapshotAfter] = await db
      .select()
      .from(schema.reportSnapshots)
      .where(eq(schema.reportSnapshots.requestId, aboutSubject));
    expect(snapshotAfter?.snapshot).toEqual(snapshotBefore?.snapshot);
  });

  it("removes name, e-mail and sign-in, deletes reports about them, and keeps what they answered for others", async () => {
    const db = h.database.db;
    const subject = a.people.subject;
    const subjectId = subject?.personId as string;
    const userId = subject?.userId as string;
    const responsesOn = async (requestId: string) =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(schema.sealedResponses)
          .where(eq(schema.sealedResponses.requestId, requestId))
      )[0]?.n;
    const givenBefore = await responsesOn(ratedBySubject);
    expect(givenBefore).toBe(4);

    const result = await h.as(a, "admin").people.erase({ personId: subjectId });
    expect(result).toEqual({
      erased: true,
      deleted: { requests: 1, reports: 1, plans: 0, mails: expect.any(Number) },
    });

    // Name, e-mail and sign-in: gone.
    const [row] = await db.select().from(schema.people).where(eq(schema.people.id, subjectId));
    expect(row).toMatchObject({
      name: ERASED_NAME,
      email: erasedEmail(subjectId),
      userId: null,
      active: false,
      managerId: null,
    });
    expect(row?.erasedAt).toBeInstanceOf(Date);
    expect(await db.select().from(schema.user).where(eq(schema.user.id, userId))).toEqual([]);
    expect(await db.select().from(schema.account).where(eq(schema.account.userId, userId))).toEqual([]);
    expect(await db.select().from(schema.session).where(eq(schema.session.userId, userId))).toEqual([]);
    await expect(h.callerFor(userId).me.get()).rejects.toMatchObject({ code: "FORBIDDEN" });

    // Reports about them: the request, its snapshot, its sealed responses and invitations are gone.
    expect(
      await db.select().from(schema.feedbackRequests).where(eq(schema.feedbackRequests.id, aboutSubject)),
    ).toEqual([]);
    expect(
      await db
        .select()
        .from(schema.reportSnapshots)
        .where(eq(schema.reportSnapshots.requestId, aboutSubject)),
    ).toEqual([]);
    expect(
      await db
        .select()
        .from(schema.sealedResponses)
        .where(eq(schema.sealedResponses.requestId, aboutSubject)),
    ).toEqual([]);

    // What they gave as a rater stays, sealed; the reports they helped release or asked for stand.
    expect(await responsesOn(ratedBySubject)).toBe(givenBefore);
    for (const requestId of [ratedBySubject, requestedBySubject]) {
      expect(
        await db.select().from(schema.reportSnapshots).where(eq(schema.reportSnapshots.requestId, requestId)),
      ).toHaveLength(1);
    }
    const [asked] = await db
      .select({ requesterId: schema.feedbackRequests.requesterId })
      .from(schema.feedbackRequests)
      .where(eq(schema.feedbackRequests.id, requestedBySubject));
    expect(asked?.requesterId).toBe(subjectId);

    // An open invitation stays as it was (rule 8: "declined" would say they had not answered), and
    // its link keeps working until the deadline; their reports no longer report to anyone.
    const [invitation] = await db
      .select()
      .from(schema.invitations)
      .where(and(eq(schema.invitations.requestId, openOnOther), eq(schema.invitations.personId, subjectId)));
    expect(invitation?.state).toBe("pending");
    const d1 = (await h.as(a, "admin").people.directory()).find((p) => p.id === idOf(a, "d1"));
    expect(d1?.managerId).toBeNull();
    expect((await h.as(a, "admin").people.directory()).some((p) => p.id === subjectId)).toBe(false);

    // The mail that told p6 about their answer stays, without their name.
    const [answer] = await db
      .select()
      .from(schema.outbox)
      .where(and(eq(schema.outbox.template, "partner_response"), eq(schema.outbox.toEmail, "p6@alpha.test")));
    expect(answer?.text).toContain(ERASED_NAME);
    expect(answer?.html).toContain(ERASED_NAME);

    // Nothing left anywhere carries their name or address.
    for (const table of [
      "people",
      "user",
      "outbox",
      "audit_log",
      "invitations",
      "nominations",
      "verification",
    ]) {
      const hits = await queryRows<{ n: number }>(
        db,
        sql`select count(*)::int as n from ${sql.identifier(table)} t where t::text ilike ${"%subject@alpha.test%"} or t::text ilike ${"%Subject Alpha%"}`,
      );
      expect({ table, n: hits[0]?.n }).toEqual({ table, n: 0 });
    }
    expect(await auditActions(subjectId)).toEqual(expect.arrayContaining(["people.erase"]));
    // Erasing twice is harmless.
    expect(await h.as(a, "admin").people.erase({ personId: subjectId })).toMatchObject({ erased: true });
  });
});
