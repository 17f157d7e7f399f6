// Chat notices end to end: an admin connects Slack, people choose e-mail, chat or both through the
// real procedures, a request's invitations go through the outbox, and the chat worker sends them
// with the real Slack client to a local server speaking Slack's Web API. Checked: the payloads and
// the bot token, that personal notices only ever reach a direct-message conversation, retries on
// 429 and 5xx without doubling, the fall-back to e-mail, and the channel carrying announcements only.
import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { collectOrg, createHarness, type Harness, idOf } from "../testing/harness";
import { releasedRequest } from "../testing/released-request";
import { type FakeSlack, startFakeSlack } from "../testing/slack-server";
import { deliverDueChat } from "./worker";

let h: Harness;
let a: SeededOrganisation;
let slack: FakeSlack;
const WEBHOOK = "https://hooks.slack.com/services/T0ALPHA/B0ALPHA/secretpart";

const deliver = (now?: Date) =>
  deliverDueChat(h.database.db, {
    sealingSecret: h.sealingSecret,
    slack: { apiUrl: slack.apiUrl, retry: { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 20 } },
    ...(now ? { now: () => now } : {}),
  });

const address = (key: string) => a.people[key]?.email ?? "";

async function rowsTo(key: string) {
  return h.database.db
    .select()
    .from(schema.outbox)
    .where(and(eq(schema.outbox.orgId, a.orgId), eq(schema.outbox.toEmail, address(key))));
}

/** The manager asks about `subject` from four peers: each peer gets an invitation with a link. */
async function inviteFrom(peers: string[], subject = "subject") {
  await h.cancelActiveRequests();
  await h.as(a, "manager").requests.create({
    subjectId: idOf(a, subject),
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    raters: peers.map((key) => ({ personId: idOf(a, key), group: "peer" as const })),
  });
}

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  slack = await startFakeSlack();
  await h.as(a, "admin").chat.update({ slackBotToken: slack.token, announcementWebhook: WEBHOOK });
  slack.users.set(address("p1"), "U0P1");
  slack.users.set(address("p2"), "U0P2");
  slack.users.set(address("p3"), "U0P3");
  await h.as(a, "p1").chat.setPreference({ notifyBy: "chat" });
  await h.as(a, "p2").chat.setPreference({ notifyBy: "both" });
  // p4 chose chat only but has no Slack account; p3 has one but keeps e-mail.
  await h.as(a, "p4").chat.setPreference({ notifyBy: "chat" });
}, 120_000);
afterAll(async () => {
  await slack?.close();
  await h?.close();
});
beforeEach(async () => {
  await h.database.db.delete(schema.outbox);
  slack.calls.length = 0;
  slack.posts.length = 0;
  slack.webhookPosts.length = 0;
  slack.conversationFor = (userId) => `D${userId.slice(1)}`;
});

describe(`Chat notices through the outbox on ${testDriver()}`, () => {
  it("sends invitations as direct messages by each person's choice, with the bot token, and the rest by e-mail", async () => {
    await inviteFrom(["p1", "p2", "p3", "p5"]);
    const report = await deliver();
    expect(report).toMatchObject({ sent: 2, failed: 0, fellBack: 0 });

    // p1 (chat only): one row, a direct message. p2 (both): the e-mail stays for SMTP, plus a DM.
    expect((await rowsTo("p1")).map((r) => [r.channel, r.state])).toEqual([["slack_dm", "sent"]]);
    expect((await rowsTo("p2")).map((r) => [r.channel, r.state]).sort()).toEqual([
      ["email", "pending"],
      ["slack_dm", "sent"],
    ]);
    for (const key of ["p3", "p5"]) {
      expect((await rowsTo(key)).map((r) => r.channel)).toEqual(["email"]);
    }

    expect(slack.calls.length).toBeGreaterThan(0);
    for (const call of slack.calls) {
      expect(call.authorization).toBe(`Bearer ${slack.token}`);
      expect(call.contentType).toMatch(/application\/x-www-form-urlencoded/);
    }
    expect(
      slack.calls
        .filter((c) => c.method === "users.lookupByEmail")
        .map((c) => c.body.email)
        .sort(),
    ).toEqual([address("p1"), address("p2")].sort());
    expect(slack.posts.map((p) => p.dmWith).sort()).toEqual(["U0P1", "U0P2"]);
    for (const post of slack.posts) {
      expect(post.channel).toMatch(/^D/);
      // The personal link travels in the direct message only, and the stored copy loses it once sent.
      expect(post.text).toMatch(/\/r\/[A-Za-z0-9_-]{20,}/);
      expect(post.metadata).toMatchObject({ event_type: "fivefold_notice" });
    }
    const [p1Row] = await rowsTo("p1");
    expect(p1Row?.text).not.toMatch(/\/r\/[A-Za-z0-9_-]{20,}/);
    expect(slack.posts.find((p) => p.dmWith === "U0P2")?.metadata).toMatchObject({
      event_payload: { dedupe_key: expect.stringMatching(/^chat:/) },
    });
  });

  it("retries 429 and 5xx answers inside an attempt, and later attempts, without posting twice", async () => {
    await inviteFrom(["p1", "p3", "p5", "p6"]);
    slack.failNext("users.lookupByEmail", { status: 429, retryAfter: 0 });
    slack.failNext("chat.postMessage", { status: 503 });
    expect(await deliver()).toMatchObject({ sent: 1, retrying: 0 });
    expect(slack.posts).toHaveLength(1);

    // Every try of one attempt fails: the row waits with backoff, then goes once.
    await inviteFrom(["p1", "p2", "p5", "p6"], "p3");
    await h.database.db.delete(schema.outbox).where(eq(schema.outbox.toEmail, address("p2")));
    slack.failNext("chat.postMessage", { status: 500 }, { status: 500 }, { status: 500 });
    expect(await deliver()).toMatchObject({ sent: 0, retrying: 1 });
    expect(slack.posts).toHaveLength(1);
    expect(await deliver(new Date(Date.now() + 10 * 60_000))).toMatchObject({ sent: 1 });
    expect(slack.posts).toHaveLength(2);
    expect(await deliver(new Date(Date.now() + 120 * 60_000))).toMatchObject({ sent: 0, retrying: 0 });
    expect(slack.posts).toHaveLength(2);
  });

  it("sends a person without a Slack account the e-mail instead", async () => {
    await inviteFrom(["p3", "p4", "p5", "p6"]);
    expect(await deliver()).toMatchObject({ sent: 0, fellBack: 1 });
    expect(slack.posts).toHaveLength(0);
    const [row] = await rowsTo("p4");
    expect(row).toMatchObject({ channel: "email", state: "pending", attempts: 0 });
    // The e-mail still carries its link: it has not been sent yet.
    expect(row?.text).toMatch(/\/r\/[A-Za-z0-9_-]{20,}/);
  });

  it("attack: a personal notice with a one-time link written for the channel is never posted there", async () => {
    await inviteFrom(["p3", "p4", "p5", "p6"]);
    const [invitation] = await rowsTo("p3");
    if (!invitation) throw new Error("no invitation was written");
    // A bug elsewhere writes the invitation, link and all, for the channel; or an announcement
    // whose text carries a link.
    await h.database.db.insert(schema.outbox).values([
      { ...invitation, id: crypto.randomUUID(), channel: "slack_channel", dedupeKey: "leak-1" },
      {
        ...invitation,
        id: crypto.randomUUID(),
        channel: "slack_channel",
        template: "cycle_announcement",
        dedupeKey: "leak-2",
      },
    ]);
    const report = await deliver();
    expect(report).toMatchObject({ sent: 0, failed: 2 });
    expect(slack.webhookPosts).toEqual([]);
    expect(slack.posts).toEqual([]);
  });

  it("attack: Slack answering a channel for a person's conversation gets no post (chat-only people get the e-mail)", async () => {
    slack.conversationFor = () => "C0GENERAL";
    await inviteFrom(["p1", "p2", "p5", "p6"]);
    expect(await deliver()).toMatchObject({ sent: 0, failed: 1, fellBack: 1 });
    expect(slack.calls.filter((c) => c.method === "chat.postMessage")).toEqual([]);
    expect((await rowsTo("p1")).map((r) => r.channel)).toEqual(["email"]);
    // p2's failed chat copy is no problem for an admin to fix: their e-mail stands.
    expect((await rowsTo("p2")).map((r) => [r.channel, r.state]).sort()).toEqual([
      ["email", "pending"],
      ["slack_dm", "failed"],
    ]);
    const problems = await h.as(a, "admin").mail.problems();
    expect(problems.mails.filter((m) => m.to === address("p1") || m.to === address("p2"))).toEqual([]);
  });

  it("tells a subject who chose chat that their report is ready, by direct message, through the release", async () => {
    await h.cancelActiveRequests();
    slack.users.set(address("d1"), "U0D1");
    await h.as(a, "d1").chat.setPreference({ notifyBy: "chat" });
    await releasedRequest(h, a, { manager: "subject", subject: "d1", peers: ["p4", "p5", "p6"] });
    await h.database.db.delete(schema.outbox).where(eq(schema.outbox.template, "invitation"));
    await deliver();
    const [ready] = (await rowsTo("d1")).filter((r) => r.template === "report_released");
    expect(ready).toMatchObject({ channel: "slack_dm", state: "sent" });
    expect(slack.posts.filter((p) => p.dmWith === "U0D1")).toHaveLength(1);
  });

  it("announces a launched cycle on the channel by its name only, once", async () => {
    await h.cancelActiveRequests();
    const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
    const admin = h.as(a, "admin");
    const { id: cycleId } = await admin.cycles.create({
      name: "Spring",
      population: { teamIds: [a.teams.Core ?? ""] },
      nominationsCloseOn: day(7),
      answersDueOn: day(14),
      releaseOn: day(21),
    });
    await admin.cycles.launch({ cycleId });
    expect(await deliver()).toMatchObject({ sent: 1 });
    expect(slack.webhookPosts).toEqual([
      {
        path: "/services/T0ALPHA/B0ALPHA/secretpart",
        body: { text: "The Spring feedback cycle opens today. Invitations arrive personally." },
      },
    ]);
    expect(await deliver()).toMatchObject({ sent: 0 });
  });
});

describe(`Slack settings on ${testDriver()}`, () => {
  it("keeps the bot token and the webhook write-only and sealed", async () => {
    const admin = h.as(a, "admin");
    const settings = await admin.chat.get();
    expect(settings).toEqual({ configured: true, hasBotToken: true, hasAnnouncementWebhook: true });
    expect(JSON.stringify(settings)).not.toContain(slack.token);
    const [row] = await h.database.db
      .select()
      .from(schema.chatSettings)
      .where(eq(schema.chatSettings.orgId, a.orgId));
    expect(JSON.stringify(row)).not.toContain(slack.token);
    expect(JSON.stringify(row)).not.toContain("secretpart");
    const audit = await admin.audit.list({ limit: 200 });
    expect(JSON.stringify(audit)).not.toContain(slack.token);
    expect(await h.as(a, "p5").chat.preference()).toEqual({ notifyBy: "email", chatAvailable: true });
  });

  it("attack: an admin cannot point the announcement webhook at another host", async () => {
    const admin = h.as(a, "admin");
    for (const announcementWebhook of [
      "http://127.0.0.1:5432/services/x",
      "https://hooks.slack.com.evil.test/services/x",
      "https://evil.test/services/T0/B0/x",
    ]) {
      await expect(admin.chat.update({ announcementWebhook })).rejects.toMatchObject({
        code: "BAD_REQUEST",
        message: expect.stringMatching(/hooks\.slack\.com/),
      });
    }
    await expect(admin.chat.update({ slackBotToken: "xoxp-user-token" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });
});
