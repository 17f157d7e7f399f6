// A manager follows up an open request of their own: reminds the raters who have not answered
// (never saying who, to them or anyone) and moves the deadline later. Others may not.
import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { fullAnswers } from "../testing/answers";
import { collectOrg, createHarness, type Harness, idOf as id } from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;
let requestId: string;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  b = await h.seed(collectOrg("Beta", "beta.test"));
  ({ id: requestId } = await h.as(a, "manager").requests.create({
    subjectId: id(a, "subject"),
    deadline: inDays(10),
    raters: [
      ...["p1", "p2", "p3", "p4"].map((key) => ({ personId: id(a, key), group: "peer" as const })),
      { personId: id(a, "manager"), group: "manager" as const },
    ],
  }));
  // p1 answers; p2 declines; p3, p4, the manager and the subject have not answered.
  const p1 = h.as(a, "p1");
  const [invitation] = (await p1.inbox.list()).filter((i) => i.requestId === requestId);
  await p1.responses.submit({ invitationId: invitation?.invitationId ?? "", answers: fullAnswers(() => 4) });
  const p2 = h.as(a, "p2");
  const [declined] = (await p2.inbox.list()).filter((i) => i.requestId === requestId);
  await p2.responses.decline({ invitationId: declined?.invitationId ?? "" });
});
afterAll(async () => {
  await h?.close();
});

const reminders = async () =>
  (
    await h.database.db
      .select()
      .from(schema.outbox)
      .where(and(eq(schema.outbox.template, "reminder"), eq(schema.outbox.orgId, a.orgId)))
  ).filter((m) => (m.meta as { requestId?: string }).requestId === requestId);

describe(`following up an open request on ${testDriver()}`, () => {
  it("requests.remind: the requester reminds the raters who have not answered, never saying who", async () => {
    for (const key of ["p1", "subject", "stranger", "other-manager"]) {
      await expect(h.as(a, key).requests.remind({ requestId })).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(h.as(b, "manager").requests.remind({ requestId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    const answer = await h.as(a, "manager").requests.remind({ requestId });
    // The answer says when, nothing about whom or how many.
    expect(Object.keys(answer)).toEqual(["remindedAt"]);
    const sent = await reminders();
    expect(sent.map((m) => m.toEmail).sort()).toEqual(
      ["p3", "p4", "manager", "subject"].map((key) => `${key}@alpha.test`).sort(),
    );
    // Each mail is the rater's own: no other rater's name or address in it.
    for (const mail of sent) {
      for (const key of ["p1", "p2", "p3", "p4"].filter((k) => !mail.toEmail.startsWith(`${k}@`))) {
        expect(mail.text).not.toContain(`${key.toUpperCase()} Alpha`);
        expect(mail.text).not.toContain(`${key}@alpha.test`);
      }
    }
    const [entry] = await h.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.action, "requests.remind"), eq(schema.auditLog.targetId, requestId)));
    expect(entry).toBeDefined();
    for (const key of ["p1", "p2", "p3", "p4"]) expect(JSON.stringify(entry)).not.toContain(id(a, key));
  });

  it("requests.remind: at most once a day", async () => {
    await expect(h.as(a, "manager").requests.remind({ requestId })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringContaining("less than a day ago"),
    });
    expect(await reminders()).toHaveLength(4);
  });

  it("requests.extend: the requester moves the deadline later, within a year; others may not", async () => {
    const later = inDays(20);
    for (const key of ["p1", "subject", "stranger"]) {
      await expect(h.as(a, key).requests.extend({ requestId, deadline: later })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
    }
    await expect(
      h.as(a, "manager").requests.extend({ requestId, deadline: inDays(5) }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringContaining("later"),
    });
    await expect(
      h.as(a, "manager").requests.extend({ requestId, deadline: inDays(400) }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "The deadline can be at most a year away" });
    const extended = await h.as(a, "manager").requests.extend({ requestId, deadline: later });
    expect(extended.deadline).toBe(later);
    expect((await h.as(a, "manager").requests.get({ requestId })).deadline).toBe(later);
    const inbox = await h.as(a, "p3").inbox.list();
    expect(inbox.find((i) => i.requestId === requestId)?.deadline).toBe(later);
  });

  it("requests.remind and requests.extend: nothing to follow up once the request is closed", async () => {
    await h.as(a, "manager").requests.cancel({ requestId });
    await expect(h.as(a, "manager").requests.remind({ requestId })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    await expect(
      h.as(a, "manager").requests.extend({ requestId, deadline: inDays(30) }),
    ).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});
