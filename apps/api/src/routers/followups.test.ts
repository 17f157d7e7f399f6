// followups.thank through createCaller on the real schema: the subject's one thank-you after
// release goes to every invited rater (answered, declined, silent, external), the same mail to each,
// once; nobody else may send it, and its answer tells the subject nothing the report does not.
import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { fullAnswers } from "../testing/answers";
import { collectOrg, createHarness, type Harness, idOf as id } from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const TEXT =
  "Thank you for being asked to give me feedback. I am working on empowering others: ideas welcome.";
const GUEST = "guest@partner.test";

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  b = await h.seed(collectOrg("Beta", "beta.test"));
});

afterAll(async () => {
  await h?.close();
});

async function invitationOf(requestId: string, key: string) {
  const item = (await h.as(a, key).inbox.list()).find((i) => i.requestId === requestId);
  if (!item) throw new Error(`${key} has no invitation for ${requestId}`);
  return item.invitationId;
}

/** A released request on `subject`: `answer` submit, `decline` decline, the rest stay silent. */
async function released(input: {
  subject: string;
  peers: string[];
  answer: string[];
  decline?: string[];
  manager?: boolean;
  external?: string;
}): Promise<string> {
  const manager = h.as(a, "manager");
  const { id: requestId } = await manager.requests.create({
    subjectId: id(a, input.subject),
    deadline: inDays(7),
    raters: [
      ...input.peers.map((key) => ({ personId: id(a, key), group: "peer" as const })),
      ...(input.manager ? [{ personId: id(a, "manager"), group: "manager" as const }] : []),
      ...(input.external ? [{ email: input.external, group: "other" as const }] : []),
    ],
  });
  for (const key of [...input.answer, input.subject]) {
    await h
      .as(a, key)
      .responses.submit({ invitationId: await invitationOf(requestId, key), answers: fullAnswers(3) });
  }
  for (const key of input.decline ?? []) {
    await h.as(a, key).responses.decline({ invitationId: await invitationOf(requestId, key) });
  }
  expect(await manager.requests.close({ requestId })).toEqual({ state: "released" });
  return requestId;
}

async function thanksMails(requestId: string) {
  return h.database.db
    .select()
    .from(schema.outbox)
    .where(
      and(
        eq(schema.outbox.template, "rater_thanks"),
        sql`${schema.outbox.meta}->>'requestId' = ${requestId}`,
      ),
    );
}

const emailOf = (key: string) => `${key}@alpha.test`;

describe(`followups.thank on ${testDriver()}`, () => {
  let requestId: string;

  beforeAll(async () => {
    // p1–p3 answer, p4 declines, the manager and the external guest never answer.
    requestId = await released({
      subject: "subject",
      peers: ["p1", "p2", "p3", "p4"],
      answer: ["p1", "p2", "p3"],
      decline: ["p4"],
      manager: true,
      external: GUEST,
    });
  });

  it("offers suggestions from the report's focus, and nothing is sent yet", async () => {
    const status = await h.as(a, "subject").followups.get({ requestId });
    expect(status.thankedAt).toBeNull();
    expect(status.suggestions.length).toBeGreaterThanOrEqual(2);
    expect(status.suggestions.length).toBeLessThanOrEqual(3);
    expect(status.limits).toEqual({ min: 20, max: 1200 });
    expect(await thanksMails(requestId)).toHaveLength(0);
  });

  it("attack: hostile text (NUL, a bidi override, far too long, blank) is BAD_REQUEST and sends nothing", async () => {
    const subject = h.as(a, "subject");
    for (const text of [
      `${TEXT}\u0000`,
      `${TEXT} \u202Ereversed\u202C`,
      "x".repeat(5000),
      "     ",
      `${TEXT}\u0007`,
    ]) {
      await expect(subject.followups.thank({ requestId, text })).rejects.toMatchObject({
        code: "BAD_REQUEST",
      });
    }
    expect(await thanksMails(requestId)).toHaveLength(0);
  });

  it("refuses everyone but the subject: the manager, the coach, an admin, a rater; another organisation gets NOT_FOUND", async () => {
    for (const key of ["manager", "coach", "admin", "p1", "boss"]) {
      await expect(h.as(a, key).followups.thank({ requestId, text: TEXT })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(h.as(a, key).followups.get({ requestId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    for (const key of ["admin", "subject"]) {
      await expect(h.as(b, key).followups.thank({ requestId, text: TEXT })).rejects.toMatchObject({
        code: "NOT_FOUND",
      });
    }
    await expect(
      h.as(a, "subject").followups.thank({ requestId: "5b0f7c1e-4a8b-4c3d-9e2f-0a1b2c3d4e5f", text: TEXT }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await thanksMails(requestId)).toHaveLength(0);
  });

  it("the subject sends: one mail per invited rater, answered, declined, silent or external, never to themself", async () => {
    const { sent } = await h.as(a, "subject").followups.thank({ requestId, text: `  ${TEXT}  ` });
    const mails = await thanksMails(requestId);
    expect(mails.map((m) => m.toEmail).sort()).toEqual(
      [...["p1", "p2", "p3", "p4", "manager"].map(emailOf), GUEST].sort(),
    );
    expect(sent).toBe(6);
    expect(mails[0]?.text).toContain(TEXT);
    expect(mails[0]?.text).toContain("whether or not they answered");
  });

  it("attack: the mail reveals who answered (an answerer's, a decliner's and a silent rater's mails are identical)", async () => {
    const mails = await thanksMails(requestId);
    const contents = new Set(mails.map((m) => JSON.stringify([m.subject, m.text, m.html, m.meta])));
    expect(contents.size).toBe(1);
    // Nothing names the rater or their invitation: no name, no link, no id but the request's.
    expect(mails[0]?.meta).toEqual({ requestId });
    expect(mails[0]?.text).not.toMatch(/P1 Alpha|P4 Alpha|Manager Alpha|\/r\//);
  });

  it("attack: sent counts invitees the report does not show (it equals the report's invited counts, less the subject)", async () => {
    const report = await h.as(a, "subject").reports.get({ requestId });
    const shown =
      report.groups.filter((g) => !g.pooledFrom).reduce((n, g) => n + (g.invited ?? 0), 0) +
      report.notCounted -
      (report.groups.find((g) => g.group === "self")?.invited ?? 0);
    expect(report.notCounted).toBe(1); // the guest, whose domain no admin vouched for
    expect(shown).toBe(6);
  });

  it("a second send is CONFLICT with a sentence, writes nothing, and the page shows it as sent", async () => {
    const subject = h.as(a, "subject");
    await expect(subject.followups.thank({ requestId, text: TEXT })).rejects.toMatchObject({
      code: "CONFLICT",
      message: expect.stringContaining("already thanked"),
    });
    expect(await thanksMails(requestId)).toHaveLength(6);
    expect((await subject.followups.get({ requestId })).thankedAt).toEqual(expect.any(String));
  });

  it("is audited with the number of mails, never the text or the recipients", async () => {
    const rows = await h.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "followups.thank"), eq(schema.auditLog.targetId, requestId)));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.actorId).toBe(id(a, "subject"));
    expect(rows[0]?.details).toEqual({ mails: 6 });
    const stored = JSON.stringify(await h.database.db.select().from(schema.raterThanks));
    expect(stored).not.toContain("alpha.test");
    expect(stored).not.toContain("empowering");
  });

  it("refuses a request that is not released: open, or closed without a report", async () => {
    const manager = h.as(a, "manager");
    const { id: open } = await manager.requests.create({
      subjectId: id(a, "p6"),
      deadline: inDays(7),
      raters: ["p1", "p2", "p3"].map((key) => ({ personId: id(a, key), group: "peer" as const })),
    });
    await expect(h.as(a, "p6").followups.thank({ requestId: open, text: TEXT })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect(await manager.requests.close({ requestId: open })).toEqual({ state: "insufficient" });
    await expect(h.as(a, "p6").followups.thank({ requestId: open, text: TEXT })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    expect(await thanksMails(open)).toHaveLength(0);
  });

  it("two concurrent sends: exactly one succeeds, the other is CONFLICT, one set of mails", async () => {
    const race = await released({ subject: "p5", peers: ["p1", "p2", "p3"], answer: ["p1", "p2", "p3"] });
    const subject = h.as(a, "p5");
    const results = await Promise.allSettled([
      subject.followups.thank({ requestId: race, text: TEXT }),
      subject.followups.thank({ requestId: race, text: `${TEXT} Again.` }),
    ]);
    const fulfilled = results.filter((r) => r.status === "fulfilled");
    const rejected = results.filter((r) => r.status === "rejected");
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect((rejected[0] as PromiseRejectedResult).reason).toMatchObject({ code: "CONFLICT" });
    expect(await thanksMails(race)).toHaveLength(3);
  });

  it("attack: sent reveals an erasure: an erased rater gets nothing and sent still says what the report shows", async () => {
    const erased = await released({
      subject: "p6",
      peers: ["d1", "d2", "d3", "stranger"],
      answer: ["d1", "d2", "d3"],
    });
    await h.as(a, "admin").people.erase({ personId: id(a, "stranger") });
    const { sent } = await h.as(a, "p6").followups.thank({ requestId: erased, text: TEXT });
    expect(sent).toBe(4);
    const mails = await thanksMails(erased);
    expect(mails.map((m) => m.toEmail).sort()).toEqual(["d1", "d2", "d3"].map(emailOf).sort());
  });
});
