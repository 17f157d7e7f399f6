// mail.problems and mail.resend through createCaller on the real schema: failed, retrying and
// interrupted mails listed for admins (with or without SMTP), reminders only counted per request,
// sending again (a new link for a failed invitation, the same whether or not the rater answered),
// and every refusal: reminders, sent mails, password links, other organisations, non-admins.
import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { enqueueMail } from "../mail/outbox";
import { composeMail } from "../mail/render";
import type { MailTransport } from "../mail/smtp";
import { deliverDueMail } from "../mail/worker";
import { createCaller } from "../router";
import type { SeededOrganisation } from "../seed/organisation";
import { fullAnswers } from "../testing/answers";
import {
  collectOrg,
  createHarness,
  type Harness,
  TEST_APP_URL,
  TEST_SEALING_SECRET,
} from "../testing/harness";
import { createContextFor } from "../trpc/context";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;
let requestId: string;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const person = (org: SeededOrganisation, key: string) => {
  const found = org.people[key];
  if (!found) throw new Error(`no ${key}`);
  return found;
};

/** Refuses some addresses (or subjects) for good (550), some for now (451), and takes the rest. */
function fakeSmtp(refusals: Record<string, 550 | 451>): MailTransport & { sent: string[] } {
  const sent: string[] = [];
  return {
    sent,
    async send(mail) {
      const code = refusals[mail.to] ?? refusals[mail.subject];
      if (code) {
        throw Object.assign(
          new Error(`${code} ${code === 550 ? "No such user" : "Try later"} <${mail.to}>`),
          {
            responseCode: code,
          },
        );
      }
      sent.push(mail.to);
    },
    close() {},
  };
}

async function outboxTo(email: string) {
  return h.database.db.select().from(schema.outbox).where(eq(schema.outbox.toEmail, email));
}

async function tokenOf(email: string): Promise<string> {
  const [mail] = (await outboxTo(email)).filter((m) => m.meta.requestId === requestId);
  const link = mail?.meta.link;
  if (typeof link !== "string") throw new Error(`no link to ${email}`);
  return link.replace("/r/", "");
}

let firstTokenOfP1 = "";

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  b = await h.seed(collectOrg("Beta", "beta.test"));
  const created = await h.as(a, "manager").requests.create({
    subjectId: person(a, "subject").personId,
    deadline: inDays(14),
    raters: ["p1", "p2", "p3", "p4"].map((key) => ({
      personId: person(a, key).personId,
      group: "peer" as const,
    })),
  });
  requestId = created.id;
  firstTokenOfP1 = await tokenOf("p1@alpha.test");
  // A reminder to p3 that cannot be delivered: its recipient is someone who has not answered.
  await enqueueMail(h.database.db, {
    orgId: a.orgId,
    template: "reminder",
    to: "p3@alpha.test",
    meta: { requestId },
    ...composeMail({ subject: "Reminder", paragraphs: ["There is still time"] }),
  });
  // A report mail (no one-time link) that fails too.
  await enqueueMail(h.database.db, {
    orgId: a.orgId,
    template: "report_released",
    to: "manager@alpha.test",
    meta: { requestId },
    ...composeMail({
      subject: "The report is ready",
      paragraphs: ["Ready."],
      action: { label: "Open the report", url: `${TEST_APP_URL}/reports/${requestId}` },
    }),
  });
  const smtp = fakeSmtp({
    "p1@alpha.test": 550,
    "p4@alpha.test": 550,
    "p2@alpha.test": 451,
    Reminder: 550,
    "manager@alpha.test": 550,
  });
  await deliverDueMail(h.database.db, smtp, { from: "Fivefold <f@alpha.test>" });
  // A mail whose process died mid-send: its lease ran out.
  await h.database.db
    .update(schema.outbox)
    .set({ state: "sending", attempts: 1, nextAttemptAt: new Date(Date.now() - 1_000) })
    .where(eq(schema.outbox.toEmail, "subject@alpha.test"));
});
afterAll(async () => {
  await h?.close();
});

describe(`mail delivery for admins on ${testDriver()}`, () => {
  it("lists failed, retrying and interrupted mails, and counts undelivered reminders per request", async () => {
    const problems = await h.as(a, "admin").mail.problems();
    const byAddress = Object.fromEntries(problems.mails.map((m) => [m.to, m]));
    expect(byAddress["p1@alpha.test"]).toMatchObject({
      template: "invitation",
      state: "failed",
      attempts: 1,
      nextAttemptAt: null,
      resendRefusal: null,
    });
    expect(byAddress["p1@alpha.test"]?.lastError).toContain("No such user");
    expect(byAddress["p2@alpha.test"]).toMatchObject({ state: "retrying", resendRefusal: null });
    expect(byAddress["p2@alpha.test"]?.nextAttemptAt).not.toBeNull();
    expect(byAddress["subject@alpha.test"]).toMatchObject({ state: "interrupted" });
    expect(byAddress["manager@alpha.test"]).toMatchObject({ template: "report_released", state: "failed" });
    // Delivered mails are not problems.
    expect(problems.mails.map((m) => m.to).sort()).toEqual([
      "manager@alpha.test",
      "p1@alpha.test",
      "p2@alpha.test",
      "p4@alpha.test",
      "subject@alpha.test",
    ]);
    // The reminder: a count for its request, and nothing anywhere saying whom it was for.
    expect(problems.reminders).toEqual([
      {
        requestId,
        subject: { id: person(a, "subject").personId, name: "Subject Alpha" },
        deadline: expect.any(String),
        notDelivered: 1,
      },
    ]);
    expect(problems.mails.some((m) => m.template === "reminder")).toBe(false);
    expect(JSON.stringify(problems)).not.toContain("p3@alpha.test");
    // Another organisation sees none of it.
    expect(await h.as(b, "admin").mail.problems()).toEqual({ mails: [], reminders: [] });
  });

  it("shows mails that wait long without SMTP, but not in the demo Mailbox where waiting is normal", async () => {
    await enqueueMail(h.database.db, {
      orgId: b.orgId,
      template: "partner_invitation",
      to: "waits@beta.test",
      ...composeMail({ subject: "Support my plan", paragraphs: ["Please"] }),
    });
    await h.database.db
      .update(schema.outbox)
      .set({ nextAttemptAt: new Date(Date.now() - 16 * 60_000) })
      .where(eq(schema.outbox.toEmail, "waits@beta.test"));
    const admin = person(b, "admin").userId ?? "";
    const withoutMailbox = createCaller(
      createContextFor(
        {
          ...h.database,
          appUrl: TEST_APP_URL,
          mailboxEnabled: false,
          sealingSecret: TEST_SEALING_SECRET,
        },
        admin,
      ),
    );
    expect((await withoutMailbox.mail.problems()).mails).toMatchObject([
      { to: "waits@beta.test", state: "waiting" },
    ]);
    expect((await h.as(b, "admin").mail.problems()).mails).toEqual([]);
  });

  it("sends a failed invitation again with a new link, to the rater's current address", async () => {
    const admin = h.as(a, "admin");
    await admin.people.update({ personId: person(a, "p1").personId, email: "p1.fixed@alpha.test" });
    const [failed] = await outboxTo("p1@alpha.test");
    const result = await admin.mail.resend({ mailId: failed?.id ?? "" });
    expect(result).toMatchObject({ state: "pending", newLink: true });
    expect(result.mailId).not.toBe(failed?.id);
    expect(await outboxTo("p1@alpha.test")).toEqual([]);
    const [fresh] = await outboxTo("p1.fixed@alpha.test");
    expect(fresh).toMatchObject({ id: result.mailId, template: "invitation", state: "pending", attempts: 0 });
    expect(fresh?.meta).toMatchObject({ requestId, invitationId: expect.any(String) });
    // The new link works; the one in the lost mail does not.
    const token = await tokenOf("p1.fixed@alpha.test");
    expect(fresh?.text).toContain(`${TEST_APP_URL}/r/${token}`);
    expect(await h.callerFor(null).responses.getByToken({ token })).toMatchObject({
      requestId,
      state: "pending",
    });
    await expect(h.callerFor(null).responses.getByToken({ token: firstTokenOfP1 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const [entry] = await h.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.orgId, a.orgId), eq(schema.auditLog.action, "mail.resend")));
    expect(entry).toMatchObject({ targetType: "mail", targetId: result.mailId });
    expect(entry?.details).toEqual({ template: "invitation", replaces: failed?.id, newLink: true });
    expect(JSON.stringify(entry)).not.toContain("alpha.test");
  });

  it("answers the same whether or not the rater has answered in the meantime", async () => {
    // p4 answers in the inbox although the e-mail never reached them.
    const inbox = await h.as(a, "p4").inbox.list();
    const invitation = inbox.find((i) => i.requestId === requestId);
    await h
      .as(a, "p4")
      .responses.submit({ invitationId: invitation?.invitationId ?? "", answers: fullAnswers(4) });
    const [failed] = await outboxTo("p4@alpha.test");
    const result = await h.as(a, "admin").mail.resend({ mailId: failed?.id ?? "" });
    expect(result).toEqual({ mailId: expect.any(String), state: "pending", newLink: true });
  });

  it("tries a retrying or interrupted mail now, keeping the row", async () => {
    const admin = h.as(a, "admin");
    for (const to of ["p2@alpha.test", "subject@alpha.test"]) {
      const [mail] = await outboxTo(to);
      const before = Date.now();
      expect(await admin.mail.resend({ mailId: mail?.id ?? "" })).toEqual({
        mailId: mail?.id,
        state: "pending",
        newLink: false,
      });
      const [after] = await outboxTo(to);
      expect(after).toMatchObject({ state: "pending", attempts: mail?.attempts });
      expect(after?.nextAttemptAt.getTime()).toBeLessThanOrEqual(Date.now());
      expect(after?.nextAttemptAt.getTime()).toBeGreaterThanOrEqual(before - 1);
    }
  });

  it("sends a failed mail without a one-time link again as it was", async () => {
    const [failed] = await outboxTo("manager@alpha.test");
    const result = await h.as(a, "admin").mail.resend({ mailId: failed?.id ?? "" });
    expect(result.newLink).toBe(false);
    const [copy] = await outboxTo("manager@alpha.test");
    expect(copy).toMatchObject({
      id: result.mailId,
      template: "report_released",
      subject: failed?.subject,
      text: failed?.text,
      state: "pending",
    });
  });

  it("refuses reminders, sent mails, password links and closed requests", async () => {
    const admin = h.as(a, "admin");
    const [reminder] = (await outboxTo("p3@alpha.test")).filter((m) => m.template === "reminder");
    await expect(admin.mail.resend({ mailId: reminder?.id ?? "" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/^Reminders go only to raters who have not answered/),
    });
    const [sent] = (await outboxTo("p3@alpha.test")).filter((m) => m.template === "invitation");
    expect(sent?.state).toBe("sent");
    await expect(admin.mail.resend({ mailId: sent?.id ?? "" })).rejects.toMatchObject({ code: "CONFLICT" });

    await enqueueMail(h.database.db, {
      orgId: a.orgId,
      template: "password",
      to: "stranger@alpha.test",
      meta: { link: "/reset-password?token=abc" },
      ...composeMail({ subject: "Set your password", paragraphs: ["Link"] }),
    });
    await deliverDueMail(h.database.db, fakeSmtp({ "stranger@alpha.test": 550 }), { from: "f@alpha.test" });
    const [password] = await outboxTo("stranger@alpha.test");
    expect(password?.state).toBe("failed");
    const listed = (await admin.mail.problems()).mails.find((m) => m.id === password?.id);
    expect(listed?.resendRefusal).toMatch(/Forgot your password/);
    await expect(admin.mail.resend({ mailId: password?.id ?? "" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });

    // p2's invitation fails for good, then the request closes: nothing left to invite to.
    await h.database.db
      .update(schema.outbox)
      .set({ state: "failed" })
      .where(and(eq(schema.outbox.toEmail, "p2@alpha.test"), eq(schema.outbox.template, "invitation")));
    await h.as(a, "manager").requests.close({ requestId });
    const [p2] = await outboxTo("p2@alpha.test");
    await expect(admin.mail.resend({ mailId: p2?.id ?? "" })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/no longer collects answers/),
    });
    // The reminder count goes with the request.
    expect((await admin.mail.problems()).reminders).toEqual([]);
  });

  it("is for admins of the mail's own organisation only, with a checked input", async () => {
    const [mail] = await h.database.db
      .select({ id: schema.outbox.id })
      .from(schema.outbox)
      .where(sql`${schema.outbox.orgId} = ${a.orgId}`)
      .limit(1);
    await expect(h.as(b, "admin").mail.resend({ mailId: mail?.id ?? "" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(h.as(a, "manager").mail.problems()).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(h.as(a, "manager").mail.resend({ mailId: mail?.id ?? "" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(h.callerFor(null).mail.problems()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(h.as(a, "admin").mail.resend({ mailId: "not-an-id" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
