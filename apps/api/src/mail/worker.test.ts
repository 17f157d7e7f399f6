// The outbox worker against a real SMTP server (smtp-server) started in the test: delivery of text
// and HTML, retries with backoff on temporary refusals, permanent failures, giving up, a mail
// claimed alone just before it goes, a crash mid-send costing no mail (sent again once its lease
// runs out, under the same Message-ID), reminders never given up while their request is open,
// stopping with the mail in hand, and two workers at once never sending a mail twice.
import type { AddressInfo } from "node:net";
import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { eq, sql } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { freePort } from "../testing/free-port";
import { createHarness, type Harness, smallOrg } from "../testing/harness";
import { enqueueMail } from "./outbox";
import { composeMail } from "./render";
import { describeSmtpUrl, isPermanentFailure, type MailTransport, smtpTransport } from "./smtp";
import {
  DEFAULT_SMTP_TIMEOUT_MS,
  deliverDueMail,
  leaseFor,
  MAX_ATTEMPTS,
  messageIdOf,
  retryDelayMs,
  startMailWorker,
} from "./worker";

interface Received {
  to: string[];
  from: string;
  raw: string;
}

let h: Harness;
let org: SeededOrganisation;
let server: SMTPServer;
let smtpUrl: string;
const received: Received[] = [];
/** Decides, per recipient address, what the server answers at RCPT TO. */
let refuse: (address: string) => { code: number; message: string } | null = () => null;

beforeAll(async () => {
  h = await createHarness();
  org = await h.seed(smallOrg("Mail", "mail.test"));
  server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      const refusal = refuse(address.address);
      if (!refusal) return callback();
      return callback(Object.assign(new Error(refusal.message), { responseCode: refusal.code }));
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        raw += chunk;
      });
      stream.on("end", () => {
        received.push({
          raw,
          to: session.envelope.rcptTo.map((r) => r.address),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  smtpUrl = `smtp://127.0.0.1:${(server.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await h?.close();
});

afterEach(async () => {
  received.length = 0;
  refuse = () => null;
  await h.database.db.delete(schema.outbox);
});

async function enqueue(to: string, subject = `Hello ${to}`) {
  await enqueueMail(h.database.db, {
    orgId: org.orgId,
    template: "test",
    to,
    meta: { requestId: "r-1", link: "/r/Tok3n_abc-DEF0123456789" },
    ...composeMail({
      subject,
      paragraphs: [
        "First paragraph with <angle> & ampersand.",
        "Or set a password: http://fivefold.test/reset-password?token=Res3tTok_abc%2D9",
        "Or answer the pulse: http://fivefold.test/pulse/Pu1seTok_xyz-0123456789",
      ],
      action: { label: "Open", url: "http://fivefold.test/r/Tok3n_abc-DEF0123456789" },
    }),
  });
}

async function rows() {
  return h.database.db.select().from(schema.outbox).orderBy(schema.outbox.toEmail);
}

const FROM = "Fivefold <no-reply@fivefold.test>";

describe(`outbox over SMTP on ${testDriver()}`, () => {
  it("delivers pending mails with text and HTML, and marks them sent", async () => {
    await enqueue("ann@mail.test");
    await enqueue("bob@mail.test");
    const transport = smtpTransport(smtpUrl);
    const report = await deliverDueMail(h.database.db, transport, { from: FROM });
    transport.close();
    expect(report).toEqual({ sent: 2, retrying: 0, failed: 0, resumed: 0 });
    expect(received.map((r) => r.to).sort()).toEqual([["ann@mail.test"], ["bob@mail.test"]]);
    const ann = received.find((r) => r.to[0] === "ann@mail.test");
    expect(ann?.from).toBe("no-reply@fivefold.test");
    expect(ann?.raw).toContain("Subject: Hello ann@mail.test");
    expect(ann?.raw).toContain("text/plain");
    expect(ann?.raw).toContain("text/html");
    expect(ann?.raw).toContain("&lt;angle&gt;");
    const stored = await rows();
    expect(stored.map((r) => [r.state, r.attempts, r.lastError])).toEqual([
      ["sent", 1, null],
      ["sent", 1, null],
    ]);
    expect(stored.every((r) => r.sentAt instanceof Date)).toBe(true);
    // The links went out; the stored copies keep none (only the token's hash is ever kept).
    expect(ann?.raw).toContain("/r/Tok3n_abc-DEF0123456789");
    for (const row of stored) {
      expect(`${row.text}${row.html}`).not.toContain("Tok3n");
      expect(`${row.text}${row.html}`).not.toContain("Res3tTok");
      expect(`${row.text}${row.html}`).not.toContain("Pu1seTok");
      expect(row.text).toContain("/r/(link removed once sent)");
      expect(row.html).toContain("/reset-password?token=(link removed once sent)");
      expect(row.meta).toEqual({ requestId: "r-1" });
    }
    expect(ann?.raw).toMatch(new RegExp(`Message-ID: <${stored[0]?.id}@fivefold>`, "i"));
    // Nothing is sent twice.
    const again = smtpTransport(smtpUrl);
    expect(await deliverDueMail(h.database.db, again, { from: FROM })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 0,
      resumed: 0,
    });
    again.close();
    expect(received).toHaveLength(2);
  });

  it("retries a temporary refusal with backoff, then delivers once", async () => {
    await enqueue("later@mail.test");
    let refusals = 1;
    refuse = () => (refusals-- > 0 ? { code: 451, message: "Greylisted, try later" } : null);
    let now = new Date("2030-01-01T10:00:00Z");
    await h.database.db.update(schema.outbox).set({ nextAttemptAt: now });
    const transport = smtpTransport(smtpUrl);
    const options = { from: FROM, now: () => now };

    expect(await deliverDueMail(h.database.db, transport, options)).toMatchObject({ sent: 0, retrying: 1 });
    const [waiting] = await rows();
    expect(waiting).toMatchObject({ state: "pending", attempts: 1 });
    expect(waiting?.lastError).toContain("Greylisted");
    expect(waiting?.nextAttemptAt.getTime()).toBe(now.getTime() + retryDelayMs(1));

    // Not before its time…
    now = new Date(now.getTime() + 30_000);
    expect(await deliverDueMail(h.database.db, transport, options)).toMatchObject({ sent: 0, retrying: 0 });
    // …then delivered.
    now = new Date(now.getTime() + 60_000);
    expect(await deliverDueMail(h.database.db, transport, options)).toMatchObject({ sent: 1 });
    transport.close();
    expect(received).toHaveLength(1);
    expect((await rows())[0]).toMatchObject({ state: "sent", attempts: 2, lastError: null });
  });

  it("fails at once when the server refuses for good (5xx)", async () => {
    await enqueue("nobody@mail.test");
    refuse = (address) => (address.startsWith("nobody") ? { code: 550, message: "No such user" } : null);
    const transport = smtpTransport(smtpUrl);
    expect(await deliverDueMail(h.database.db, transport, { from: FROM })).toMatchObject({ failed: 1 });
    transport.close();
    const [row] = await rows();
    expect(row).toMatchObject({ state: "failed", attempts: 1 });
    expect(row?.lastError).toContain("No such user");
    expect(received).toHaveLength(0);
  });

  it("gives up after the last attempt when the server cannot be reached", async () => {
    await enqueue("ann@mail.test");
    const dead = smtpTransport(`smtp://127.0.0.1:${await freePort()}`, { connectionTimeoutMs: 2_000 });
    let now = new Date("2030-01-01T10:00:00Z");
    await h.database.db.update(schema.outbox).set({ nextAttemptAt: now });
    const outcomes: string[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      const report = await deliverDueMail(h.database.db, dead, {
        from: FROM,
        now: () => now,
        maxAttempts: 3,
      });
      outcomes.push(report.failed ? "failed" : report.retrying ? "retrying" : "idle");
      now = new Date(now.getTime() + retryDelayMs(attempt));
    }
    dead.close();
    expect(outcomes).toEqual(["retrying", "retrying", "failed"]);
    const [row] = await rows();
    expect(row).toMatchObject({ state: "failed", attempts: 3 });
    expect(row?.lastError).toMatch(/ECONNREFUSED|connect/i);
  });

  it("claims each mail just before it goes: a crash mid-send leaves that mail leased, the rest pending", async () => {
    for (let i = 0; i < 5; i++) await enqueue(`c${i}@mail.test`);
    const t0 = new Date("2030-01-01T10:00:00Z");
    await h.database.db.update(schema.outbox).set({ nextAttemptAt: t0 });
    const real = smtpTransport(smtpUrl);
    let calls = 0;
    // The second mail is delivered, then the process "dies" before it can mark it sent.
    const diesOnSecond: MailTransport = {
      async send(mail) {
        calls++;
        await real.send(mail);
        if (calls === 2) await new Promise(() => {});
      },
      close() {},
    };
    void deliverDueMail(h.database.db, diesOnSecond, { from: FROM, now: () => t0, leaseMs: 60_000 });
    await expect.poll(() => received.length, { timeout: 10_000, interval: 20 }).toBe(2);
    expect((await rows()).map((r) => r.state).sort()).toEqual([
      "pending",
      "pending",
      "pending",
      "sending",
      "sent",
    ]);

    // Another process leaves the leased mail alone while its lease runs…
    const other = smtpTransport(smtpUrl);
    const during = new Date(t0.getTime() + 30_000);
    expect(
      await deliverDueMail(h.database.db, other, { from: FROM, now: () => during, leaseMs: 60_000 }),
    ).toEqual({
      sent: 3,
      retrying: 0,
      failed: 0,
      resumed: 0,
    });
    expect(received).toHaveLength(5);
    // …and sends it again once the lease ran out: once too often rather than never, same Message-ID.
    const after = new Date(t0.getTime() + 61_000);
    expect(
      await deliverDueMail(h.database.db, other, { from: FROM, now: () => after, leaseMs: 60_000 }),
    ).toEqual({
      sent: 1,
      retrying: 0,
      failed: 0,
      resumed: 1,
    });
    other.close();
    real.close();
    const stored = await rows();
    expect(stored.every((r) => r.state === "sent")).toBe(true);
    const ids = received.map((r) => /^Message-ID: (<[^>]+>)/im.exec(r.raw)?.[1]);
    expect(ids).toHaveLength(6);
    expect(new Set(ids).size).toBe(5);
    expect(new Set(ids)).toEqual(new Set(stored.map(messageIdOf)));
    const doubled = received.filter((r) => r.to[0] === received[1]?.to[0]);
    expect(doubled).toHaveLength(2);
  });

  it("gives up on a mail whose every claim ended with its process gone", async () => {
    await enqueue("poison@mail.test");
    await h.database.db
      .update(schema.outbox)
      .set({ state: "sending", attempts: MAX_ATTEMPTS, nextAttemptAt: new Date(Date.now() - 1) });
    const transport = smtpTransport(smtpUrl);
    expect(await deliverDueMail(h.database.db, transport, { from: FROM })).toEqual({
      sent: 0,
      retrying: 0,
      failed: 1,
      resumed: 1,
    });
    transport.close();
    expect(received).toHaveLength(0);
    const [row] = await rows();
    expect(row).toMatchObject({ state: "failed" });
    expect(row?.lastError).toMatch(/Interrupted while sending/);
  });

  it("never gives up on a reminder while its request is open, whatever the refusal", async () => {
    const [request] = await h.database.db
      .insert(schema.feedbackRequests)
      .values({
        orgId: org.orgId,
        subjectId: org.people.ann?.personId ?? "",
        requesterId: org.people.manager?.personId ?? "",
        deadline: new Date("2030-02-01T00:00:00Z"),
        threshold: 3,
        instrumentVersion: 1,
        state: "open",
      })
      .returning({ id: schema.feedbackRequests.id });
    const requestId = request?.id ?? "";
    await enqueueMail(h.database.db, {
      orgId: org.orgId,
      template: "reminder",
      to: "gone@mail.test",
      meta: { requestId },
      ...composeMail({ subject: "Reminder", paragraphs: ["Still time"] }),
    });
    refuse = () => ({ code: 550, message: "No such user" });
    let now = new Date("2030-01-01T10:00:00Z");
    await h.database.db.update(schema.outbox).set({ nextAttemptAt: now, attempts: MAX_ATTEMPTS });
    const transport = smtpTransport(smtpUrl);
    const options = { from: FROM, now: () => now };
    expect(await deliverDueMail(h.database.db, transport, options)).toMatchObject({ retrying: 1, failed: 0 });
    const [waiting] = await rows();
    expect(waiting).toMatchObject({ state: "pending", attempts: MAX_ATTEMPTS + 1 });
    expect(waiting?.nextAttemptAt.getTime()).toBe(now.getTime() + 60 * 60_000);

    // Once the request no longer collects answers, a reminder is pointless: given up.
    await h.database.db
      .update(schema.feedbackRequests)
      .set({ state: "closed" })
      .where(eq(schema.feedbackRequests.id, requestId));
    now = new Date(now.getTime() + 60 * 60_000);
    expect(await deliverDueMail(h.database.db, transport, options)).toMatchObject({ retrying: 0, failed: 1 });
    transport.close();
    expect((await rows())[0]).toMatchObject({ state: "failed" });
    await h.database.db.delete(schema.feedbackRequests).where(eq(schema.feedbackRequests.id, requestId));
  });

  it("sends several mails at once in one process, each once", async () => {
    for (let i = 0; i < 12; i++) await enqueue(`m${String(i).padStart(2, "0")}@mail.test`);
    const worker = startMailWorker({
      db: h.database.db,
      transport: smtpTransport(smtpUrl, { connections: 4 }),
      from: FROM,
      intervalMs: 60_000,
      concurrency: 4,
      log: { info: () => {}, error: () => {} },
    });
    await expect
      .poll(async () => (await rows()).filter((r) => r.state === "sent").length, {
        timeout: 10_000,
        interval: 50,
      })
      .toBe(12);
    await worker.stop();
    const recipients = received.map((r) => r.to[0]);
    expect(recipients).toHaveLength(12);
    expect(new Set(recipients).size).toBe(12);
  });

  it("stops with the mail in hand sent and marked, taking no other", async () => {
    for (const to of ["s1@mail.test", "s2@mail.test", "s3@mail.test"]) await enqueue(to);
    const real = smtpTransport(smtpUrl);
    let open = () => {};
    const gate = new Promise<void>((resolve) => {
      open = resolve;
    });
    let started = 0;
    const slow: MailTransport = {
      async send(mail) {
        started++;
        await gate;
        await real.send(mail);
      },
      close: () => real.close(),
    };
    const worker = startMailWorker({
      db: h.database.db,
      transport: slow,
      from: FROM,
      intervalMs: 60_000,
      concurrency: 1,
      log: { info: () => {}, error: () => {} },
    });
    await expect.poll(() => started, { timeout: 10_000, interval: 20 }).toBe(1);
    const stopped = worker.stop();
    open();
    await stopped;
    expect(started).toBe(1);
    expect(received).toHaveLength(1);
    expect((await rows()).map((r) => r.state).sort()).toEqual(["pending", "pending", "sent"]);
  });

  it("two workers at once (two API processes) send every mail exactly once", async () => {
    for (let i = 0; i < 24; i++) await enqueue(`p${String(i).padStart(2, "0")}@mail.test`);
    const one = smtpTransport(smtpUrl);
    const two = smtpTransport(smtpUrl);
    const [r1, r2] = await Promise.all([
      deliverDueMail(h.database.db, one, { from: FROM }),
      deliverDueMail(h.database.db, two, { from: FROM }),
    ]);
    one.close();
    two.close();
    expect(r1.sent + r2.sent).toBe(24);
    const recipients = received.map((r) => r.to[0]);
    expect(new Set(recipients).size).toBe(24);
    expect(recipients).toHaveLength(24);
    const [counts] = await h.database.db
      .select({ sent: sql<number>`count(*) filter (where ${schema.outbox.state} = 'sent')::int` })
      .from(schema.outbox);
    expect(counts?.sent).toBe(24);
  });

  it("runs in the background from startMailWorker and stops cleanly", async () => {
    await enqueue("background@mail.test");
    const logs: string[] = [];
    const worker = startMailWorker({
      db: h.database.db,
      transport: smtpTransport(smtpUrl),
      from: FROM,
      intervalMs: 50,
      log: { info: (msg) => logs.push(msg), error: (_err, msg) => logs.push(`error: ${msg}`) },
    });
    await expect.poll(async () => (await rows())[0]?.state, { timeout: 10_000, interval: 50 }).toBe("sent");
    await worker.stop();
    expect(received.map((r) => r.to[0])).toEqual(["background@mail.test"]);
    expect(logs).toContain("E-mail: 1 sent, 0 to retry, 0 failed");
    const [row] = await h.database.db
      .select()
      .from(schema.outbox)
      .where(eq(schema.outbox.toEmail, "background@mail.test"));
    expect(row?.attempts).toBe(1);
  });
});

describe("SMTP helpers", () => {
  it("back off exponentially up to an hour, and tell permanent refusals apart", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs(n) / 60_000)).toEqual([
      1, 2, 4, 8, 16, 32, 60, 60,
    ]);
    expect(MAX_ATTEMPTS).toBe(6);
    // A claim outlives the slowest send the transport allows (connection, greeting, 2 × socket).
    expect(leaseFor(DEFAULT_SMTP_TIMEOUT_MS)).toBeGreaterThan(4 * DEFAULT_SMTP_TIMEOUT_MS);
    expect(isPermanentFailure({ responseCode: 550 })).toBe(true);
    expect(isPermanentFailure({ responseCode: 451 })).toBe(false);
    expect(isPermanentFailure(new Error("ECONNREFUSED"))).toBe(false);
    expect(isPermanentFailure(null)).toBe(false);
    expect(describeSmtpUrl("smtp://user:secret@mail.example.com:587")).toBe("smtp://mail.example.com:587");
    expect(describeSmtpUrl("not a url")).toBe("an SMTP server");
  });
});
