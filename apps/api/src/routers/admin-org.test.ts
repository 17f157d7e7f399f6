// Teams, settings, the audit log, the mailbox and the reminder job through createCaller on the real
// schema: roles, tenant isolation, thresholds applying to requests opened afterwards, the comment
// policy at release, audit paging and filters, and an audit log that never holds answers or tokens.
import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { DAY_MS } from "@fivefold/domain";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter, createCaller } from "../router";
import type { SeededOrganisation } from "../seed/organisation";
import { cleanAuditDetails } from "../services/audit/record";
import { hashToken } from "../services/collect/tokens";
import { sendDueReminders } from "../services/mail/reminders";
import { fullAnswers } from "../testing/answers";
import {
  collectOrg,
  createHarness,
  type Harness,
  TEST_APP_URL,
  TEST_SEALING_SECRET,
} from "../testing/harness";
import { idOf, releasedRequest } from "../testing/released-request";
import { createContextFor } from "../trpc/context";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;
const SECRET_COMMENT = "AUDIT-CANARY-COMMENT";

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  b = await h.seed(collectOrg("Beta", "beta.test"));
});
afterAll(async () => {
  await h?.close();
});

/** Mutations called in this file, and the audit action each must leave (see the last test). */
const audited = new Map<string, string>();
async function auditedCall<T>(path: string, action: string, call: () => Promise<T>): Promise<T> {
  const [before] = await h.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(schema.auditLog)
    .where(eq(schema.auditLog.action, action));
  const result = await call();
  const [after] = await h.database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(schema.auditLog)
    .where(eq(schema.auditLog.action, action));
  expect((after?.n ?? 0) - (before?.n ?? 0), `${path} writes ${action}`).toBeGreaterThan(0);
  audited.set(path, action);
  return result;
}

describe(`teams on ${testDriver()}`, () => {
  it("any member lists the teams of their organisation, with members and coaches", async () => {
    const teams = await h.as(a, "p1").teams.list();
    expect(teams).toEqual([
      {
        id: a.teams.Core,
        name: "Core",
        createdAt: expect.any(String),
        members: expect.arrayContaining([{ id: idOf(a, "p1"), name: "P1 Alpha" }]),
        coaches: [{ id: idOf(a, "coach"), name: "Coach Alpha" }],
      },
    ]);
    expect(teams[0]?.members).toHaveLength(5);
    await expect(h.callerFor(null).teams.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("admins create a team with members and coaches; coaches get the coach role", async () => {
    const team = await auditedCall("teams.upsert", "teams.create", () =>
      h.as(a, "admin").teams.upsert({
        name: " Growth ",
        memberIds: [idOf(a, "p4"), idOf(a, "p5"), idOf(a, "p4")],
        coachIds: [idOf(a, "boss")],
      }),
    );
    expect(team).toMatchObject({
      name: "Growth",
      members: [
        { id: idOf(a, "p4"), name: "P4 Alpha" },
        { id: idOf(a, "p5"), name: "P5 Alpha" },
      ],
      coaches: [{ id: idOf(a, "boss"), name: "Boss Alpha" }],
    });
    expect((await h.as(a, "boss").me.get()).roles).toContain("coach");
    const [entry] = await h.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "teams.create"), eq(schema.auditLog.targetId, team.id)));
    expect(entry?.details).toEqual({
      members: { added: 2, removed: 0 },
      coaches: { added: 1, removed: 0 },
      coachRoleGranted: [idOf(a, "boss")],
    });
  });

  it("admins rename a team and replace its members; names stay unique", async () => {
    const admin = h.as(a, "admin");
    const growth = (await admin.teams.list()).find((t) => t.name === "Growth");
    const renamed = await auditedCall("teams.upsert", "teams.update", () =>
      admin.teams.upsert({
        id: growth?.id,
        name: "Growth & Sales",
        memberIds: [idOf(a, "p5"), idOf(a, "p6")],
      }),
    );
    expect(renamed.members.map((m) => m.name)).toEqual(["P5 Alpha", "P6 Alpha"]);
    expect(renamed.coaches).toHaveLength(1); // coaches untouched when not given
    await expect(admin.teams.upsert({ name: "Core" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(admin.teams.upsert({ name: "core" })).rejects.toMatchObject({
      code: "CONFLICT",
      message: "There is already a team called Core",
    });
    await expect(admin.teams.upsert({ id: renamed.id, name: "Core" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await expect(admin.teams.upsert({ name: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("refuses managers and members, other organisations' teams and people", async () => {
    for (const key of ["manager", "coach", "p1"]) {
      await expect(h.as(a, key).teams.upsert({ name: "Mine" })).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(h.as(a, key).teams.remove({ teamId: a.teams.Core as string })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    const admin = h.as(a, "admin");
    await expect(admin.teams.upsert({ id: b.teams.Core, name: "Taken over" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(admin.teams.upsert({ name: "Mixed", memberIds: [idOf(b, "p1")] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(admin.teams.remove({ teamId: b.teams.Core as string })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await h.as(b, "p1").teams.list()).map((t) => t.name)).toEqual(["Core"]);
  });

  it("admins remove a team (its people stay)", async () => {
    const admin = h.as(a, "admin");
    const team = await admin.teams.upsert({ name: "Temporary", memberIds: [idOf(a, "p6")] });
    expect(
      await auditedCall("teams.remove", "teams.remove", () => admin.teams.remove({ teamId: team.id })),
    ).toEqual({
      removed: true,
    });
    expect((await admin.teams.list()).some((t) => t.id === team.id)).toBe(false);
    expect((await admin.people.directory()).some((p) => p.id === idOf(a, "p6"))).toBe(true);
  });
});

describe(`settings on ${testDriver()}`, () => {
  it("are read and changed by admins only", async () => {
    expect(await h.as(a, "admin").settings.get()).toEqual({
      anonymityThreshold: 3,
      commentThreshold: 3,
      showManagerApart: true,
      adminsReadReports: false,
      reminderDays: 3,
      externalRaterDomains: [],
      historyWindowDays: 120,
      reportMode: "scores",
      language: "en",
      emailDelivery: "mailbox",
    });
    for (const key of ["manager", "coach", "p1"]) {
      await expect(h.as(a, key).settings.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(h.as(a, key).settings.update({ reminderDays: 5 })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
  });

  it("refuses a threshold below 3 and a comment threshold below the threshold, with the field", async () => {
    const admin = h.as(a, "admin");
    await expect(admin.settings.update({ anonymityThreshold: 2 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(admin.settings.update({ anonymityThreshold: 5, commentThreshold: 4 })).rejects.toMatchObject(
      {
        code: "BAD_REQUEST",
        cause: { fields: { commentThreshold: "At least 5, the anonymity threshold" } },
      },
    );
    await expect(admin.settings.update({ reminderDays: 61 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    expect((await admin.settings.get()).anonymityThreshold).toBe(3);
  });

  it("a new threshold applies to requests opened afterwards; open requests keep theirs", async () => {
    const manager = h.as(a, "manager");
    const raters = ["p1", "p2", "p3"].map((key) => ({ personId: idOf(a, key), group: "peer" as const }));
    const deadline = new Date(Date.now() + 7 * DAY_MS).toISOString();
    const before = await manager.requests.create({ subjectId: idOf(a, "subject"), deadline, raters });
    const draft = await manager.requests.create({ subjectId: idOf(a, "p6"), deadline, raters, open: false });

    const updated = await auditedCall("settings.update", "settings.update", () =>
      h.as(a, "admin").settings.update({ anonymityThreshold: 4, commentThreshold: 4 }),
    );
    expect(updated).toMatchObject({ anonymityThreshold: 4, commentThreshold: 4 });
    const [entry] = await h.database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, "settings.update"));
    expect(entry?.details).toEqual({
      changes: [
        { key: "anonymityThreshold", from: 3, to: 4 },
        { key: "commentThreshold", from: 3, to: 4 },
      ],
    });
    // Each HTTP request loads the organisation afresh: so does a new caller.
    const managerNow = h.as(a, "manager");
    expect((await managerNow.requests.get({ requestId: before.id })).threshold).toBe(3);
    // Three anonymous raters were enough before; now opening needs four.
    await expect(managerNow.requests.open({ requestId: draft.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("at least 4"),
    });
    await expect(
      managerNow.requests.create({ subjectId: idOf(a, "p5"), deadline, raters }),
    ).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect((await h.as(b, "admin").settings.get()).anonymityThreshold).toBe(3);
    await manager.requests.close({ requestId: before.id });
    await h.as(a, "admin").settings.update({ anonymityThreshold: 3, commentThreshold: 3 });
  });

  it("the comment threshold and manager display in force at release shape the report", async () => {
    await h.as(a, "admin").settings.update({ commentThreshold: 5, showManagerApart: false });
    const requestId = await releasedRequest(h, a, {
      manager: "manager",
      subject: "p2",
      peers: ["p1", "p3", "p4", "p5"],
      comment: SECRET_COMMENT,
    });
    const [row] = await h.database.db
      .select()
      .from(schema.reportSnapshots)
      .where(eq(schema.reportSnapshots.requestId, requestId));
    const snapshot = row?.snapshot as { commentThreshold: number; comments: unknown[] };
    expect(snapshot.commentThreshold).toBe(5);
    expect(snapshot.comments).toEqual([]); // four anonymous comments are under five
    await h.as(a, "admin").settings.update({ commentThreshold: 3, showManagerApart: true });
    const again = await releasedRequest(h, a, {
      manager: "manager",
      subject: "p3",
      peers: ["p1", "p2", "p4", "p5"],
      comment: SECRET_COMMENT,
    });
    const [row2] = await h.database.db
      .select()
      .from(schema.reportSnapshots)
      .where(eq(schema.reportSnapshots.requestId, again));
    const snapshot2 = row2?.snapshot as { comments: unknown[] } | undefined;
    expect(snapshot2?.comments).toHaveLength(4);
  });
});

describe(`mailbox on ${testDriver()}`, () => {
  it("shows admins their organisation's outbox without SMTP, and nothing with SMTP", async () => {
    const mails = await h.as(a, "admin").mailbox.list();
    expect(mails.length).toBeGreaterThan(0);
    expect(mails.every((m) => m.to.endsWith("@alpha.test"))).toBe(true);
    await expect(h.as(a, "manager").mailbox.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    const smtp = createCaller(
      createContextFor(
        { ...h.database, appUrl: TEST_APP_URL, mailboxEnabled: false, sealingSecret: TEST_SEALING_SECRET },
        a.people.admin?.userId ?? null,
      ),
    );
    await expect(smtp.mailbox.list()).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    expect(await smtp.settings.get()).toMatchObject({ emailDelivery: "smtp" });
  });
});

describe(`reminders on ${testDriver()}`, () => {
  it("reminds each non-responder once, N days before the deadline, with a fresh link, telling nobody else", async () => {
    await h.as(a, "admin").settings.update({ reminderDays: 2 });
    const manager = h.as(a, "subject"); // d1 and d2 report to the subject
    const raters = ["p1", "p4", "p5", "p6"].map((key) => ({
      personId: idOf(a, key),
      group: "peer" as const,
    }));
    const soon = await manager.requests.create({
      subjectId: idOf(a, "d1"),
      deadline: new Date(Date.now() + 1.5 * DAY_MS).toISOString(),
      raters: [...raters, { email: "outside@partner.test", group: "other" }],
    });
    const later = await manager.requests.create({
      subjectId: idOf(a, "d2"),
      deadline: new Date(Date.now() + 10 * DAY_MS).toISOString(),
      raters,
    });
    // Opened two days ago (the job waits a day after opening).
    await h.database.db
      .update(schema.feedbackRequests)
      .set({ openedAt: new Date(Date.now() - 2 * DAY_MS) })
      .where(sql`${schema.feedbackRequests.id} in (${soon.id}, ${later.id})`);
    // p1 answers, p4 declines: they are not reminded.
    for (const [key, action] of [
      ["p1", "submit"],
      ["p4", "decline"],
    ] as const) {
      const caller = h.as(a, key);
      const invitation = (await caller.inbox.list()).find((i) => i.requestId === soon.id);
      if (!invitation) throw new Error(`${key} not invited`);
      if (action === "submit") {
        await caller.responses.submit({ invitationId: invitation.invitationId, answers: fullAnswers(4) });
      } else {
        await caller.responses.decline({ invitationId: invitation.invitationId });
      }
    }
    const [oldMail] = await h.database.db
      .select()
      .from(schema.outbox)
      .where(
        and(eq(schema.outbox.toEmail, "outside@partner.test"), eq(schema.outbox.template, "invitation")),
      );
    const oldToken = /\/r\/([\w-]+)/.exec(oldMail?.text ?? "")?.[1] as string;
    const progressBefore = await manager.requests.progress({ requestId: soon.id });

    // Two runs at once (two API processes): one reminder each, no more.
    const [first, second] = await Promise.all([
      sendDueReminders(h.database.db, { now: new Date(), appUrl: TEST_APP_URL }),
      sendDueReminders(h.database.db, { now: new Date(), appUrl: TEST_APP_URL }),
    ]);
    expect([...first, ...second]).toEqual([{ requestId: soon.id, reminded: 4 }]);
    expect(await sendDueReminders(h.database.db, { now: new Date(), appUrl: TEST_APP_URL })).toEqual([]);

    const reminders = await h.database.db
      .select()
      .from(schema.outbox)
      .where(
        and(eq(schema.outbox.template, "reminder"), sql`${schema.outbox.meta}->>'requestId' = ${soon.id}`),
      );
    expect(reminders.map((m) => m.toEmail).sort()).toEqual([
      "d1@alpha.test",
      "outside@partner.test",
      "p5@alpha.test",
      "p6@alpha.test",
    ]);
    const external = reminders.find((m) => m.toEmail === "outside@partner.test");
    expect(external?.subject).toMatch(/^Reminder: feedback on D1 Alpha closes on/);
    expect(external?.html).toContain(`${TEST_APP_URL}/r/`);
    // The new link works, the old one stops; nobody else learns who was reminded.
    const newToken = /\/r\/([\w-]+)/.exec(external?.text ?? "")?.[1] as string;
    expect(newToken).not.toBe(oldToken);
    expect(await h.callerFor(null).responses.getByToken({ token: newToken })).toMatchObject({
      requestId: soon.id,
    });
    await expect(h.callerFor(null).responses.getByToken({ token: oldToken })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect(await manager.requests.progress({ requestId: soon.id })).toEqual(progressBefore);
    // Not even the demo Mailbox names them.
    const inMailbox = (await h.as(a, "admin").mailbox.list()).filter((m) => m.template === "reminder");
    expect(inMailbox.length).toBeGreaterThanOrEqual(4);
    expect(inMailbox.every((m) => m.to === "a rater who has not answered yet (hidden)")).toBe(true);
    const [entry] = await h.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "requests.remind"), eq(schema.auditLog.targetId, soon.id)));
    expect(entry).toMatchObject({ actorId: null, details: {} });
    const [stored] = await h.database.db
      .select()
      .from(schema.invitations)
      .where(eq(schema.invitations.email, "outside@partner.test"));
    expect(stored?.tokenHash).toBe(hashToken(newToken));
  });

  it("never reminds with 0 reminder days", async () => {
    await h.as(a, "admin").settings.update({ reminderDays: 0 });
    await h.database.db.update(schema.feedbackRequests).set({ remindedAt: null });
    expect(
      await sendDueReminders(h.database.db, { now: new Date(Date.now() + 9 * DAY_MS), appUrl: TEST_APP_URL }),
    ).toEqual([]);
    await h.as(a, "admin").settings.update({ reminderDays: 3 });
  });
});

describe(`audit on ${testDriver()}`, () => {
  it("is for admins, and shows only my organisation", async () => {
    for (const key of ["manager", "coach", "p1"]) {
      await expect(h.as(a, key).audit.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const mine = await h.as(a, "admin").audit.list({ limit: 200 });
    const theirs = await h.as(b, "admin").audit.list({ limit: 200 });
    expect(mine.items.length).toBeGreaterThan(5);
    const ids = new Set(mine.items.map((i) => i.id));
    expect(theirs.items.some((i) => ids.has(i.id))).toBe(false);
  });

  it("records manager actions: requests created, opened, closed, nominations decided", async () => {
    const manager = h.as(a, "manager");
    const { id: requestId } = await manager.requests.create({
      subjectId: idOf(a, "p1"),
      deadline: new Date(Date.now() + 7 * DAY_MS).toISOString(),
      raters: ["p2", "p3", "p4"].map((key) => ({ personId: idOf(a, key), group: "peer" as const })),
      open: false,
    });
    const { nominationId } = await h.as(a, "p1").nominations.propose({
      requestId,
      personId: idOf(a, "p5"),
      group: "peer",
    });
    await manager.nominations.decide({ nominationId, approve: true });
    await manager.requests.open({ requestId });
    await manager.requests.close({ requestId });
    const log = await h.as(a, "admin").audit.list({ targetId: requestId });
    expect(log.items.map((i) => i.action)).toEqual(["requests.close", "requests.open", "requests.create"]);
    expect(log.items.every((i) => i.actor?.id === idOf(a, "manager"))).toBe(true);
    expect(log.items[0]?.details).toEqual({ outcome: "insufficient" });
    const decided = await h.as(a, "admin").audit.list({ action: "nominations.decide" });
    expect(decided.items[0]).toMatchObject({
      targetType: "nomination",
      targetId: nominationId,
      details: { approve: true, group: "peer" },
      actor: { id: idOf(a, "manager"), name: "Manager Alpha" },
    });
  });

  it("filters by action, actor, target and time, and pages without gaps or repeats", async () => {
    const admin = h.as(a, "admin");
    const all = await admin.audit.list({ limit: 200 });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await admin.audit.list({ limit: 3, ...(cursor ? { cursor } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((i) => i.id));
    const times = all.items.map((i) => i.createdAt);
    expect([...times].sort().reverse()).toEqual(times);

    const byActor = await admin.audit.list({ actorId: idOf(a, "admin"), limit: 200 });
    expect(byActor.items.every((i) => i.actor?.id === idOf(a, "admin"))).toBe(true);
    const settings = await admin.audit.list({ action: "settings.update", targetType: "organisation" });
    expect(settings.items.length).toBeGreaterThan(0);
    expect(settings.items.every((i) => i.action === "settings.update")).toBe(true);
    const future = await admin.audit.list({ from: new Date(Date.now() + DAY_MS).toISOString() });
    expect(future.items).toEqual([]);
    const past = await admin.audit.list({ to: new Date(Date.now() - DAY_MS).toISOString() });
    expect(past).toEqual({ items: [], nextCursor: null });
    await expect(admin.audit.list({ cursor: "not-a-cursor" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    const forged = Buffer.from(
      JSON.stringify({ at: "garbage", id: "00000000-0000-4000-8000-000000000000" }),
    ).toString("base64url");
    await expect(admin.audit.list({ cursor: forged })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("never holds answers, comments, tokens or their hashes", async () => {
    const rows = await h.database.db.select().from(schema.auditLog);
    const text = JSON.stringify(rows);
    expect(text).not.toContain(SECRET_COMMENT);
    for (const key of ['"answers"', '"comments"', '"token"', '"tokenHash"', '"password"']) {
      expect(text).not.toContain(key);
    }
    const hashes = await h.database.db
      .select({ hash: schema.invitations.tokenHash })
      .from(schema.invitations);
    for (const { hash } of hashes) expect(text).not.toContain(hash);
    const mails = await h.database.db.select({ text: schema.outbox.text }).from(schema.outbox);
    for (const mail of mails) {
      const token = /\/r\/([\w-]+)/.exec(mail.text)?.[1];
      if (token) expect(text).not.toContain(token);
    }
    // And whatever a caller passes, the helper drops keys that could hold them.
    expect(
      cleanAuditDetails({
        answers: { x: 1 },
        comments: ["x"],
        token: "t",
        tokenHash: "h",
        password: "p",
        nested: [{ link: "l", commentThreshold: 5, kept: true }],
      }),
    ).toEqual({ nested: [{ commentThreshold: 5, kept: true }] });
  });

  it("every admin mutation of people, teams and settings is audited (and tested above)", async () => {
    const admin = h.as(a, "admin");
    const created = await auditedCall("people.create", "people.create", () =>
      admin.people.create({ name: "Audit Me", email: "audit.me@alpha.test" }),
    );
    await auditedCall("people.update", "people.update", () =>
      admin.people.update({ personId: created.id, name: "Audit Me Too" }),
    );
    await auditedCall("people.setRoles", "people.roles", () =>
      admin.people.setRoles({ personId: created.id, roles: ["coach"] }),
    );
    await auditedCall("people.export", "people.export", () => admin.people.export({ personId: created.id }));
    await auditedCall("people.import", "people.import", () =>
      admin.people.import({ dryRun: false, csv: "name,email\nImported One,imported.one@alpha.test" }),
    );
    await auditedCall("people.erase", "people.erase", () => admin.people.erase({ personId: created.id }));

    const procedures = appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>;
    const mutations = Object.entries(procedures)
      .filter(
        ([path, procedure]) => /^(people|teams|settings)\./.test(path) && procedure._def.type === "mutation",
      )
      .map(([path]) => path)
      .sort();
    expect(mutations).toEqual([...audited.keys()].sort());
  });
});
