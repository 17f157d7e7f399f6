// notifications.* through createCaller on the real schema (issue 18): the bell lists what needs the
// caller (an invitation to answer, nominations to approve, a released report), an entry leaves when
// it is done, a read mark sticks, and nothing in anyone's bell says who answered.
import { schema } from "@fivefold/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { fullAnswers } from "../testing/answers";
import { collectOrg, createHarness, type Harness, idOf as id } from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
});

afterAll(async () => {
  await h?.close();
});

const bell = (key: string) => h.as(a, key).notifications.list();
/** The subject's released request, from the second test. */
let releasedId = "";

async function invitationOf(requestId: string, key: string) {
  const item = (await h.as(a, key).inbox.list()).find((i) => i.requestId === requestId);
  if (!item) throw new Error(`${key} has no invitation for ${requestId}`);
  return item.invitationId;
}

describe("notifications", () => {
  it("lists a nomination to approve for the manager, and drops it once decided", async () => {
    const { id: requestId } = await h.as(a, "manager").requests.create({
      subjectId: id(a, "p1"),
      deadline: inDays(7),
      raters: [],
      open: false,
    });
    await h.as(a, "p1").nominations.propose({ requestId, personId: id(a, "p5"), group: "peer" });
    const before = await bell("manager");
    const entry = before.items.find((n) => n.kind === "nominations");
    expect(entry).toMatchObject({ href: `/requests/${requestId}`, read: false });
    expect(entry?.text).toBe("P1 Alpha proposed a rater for you to approve.");
    const nomination = (await h.as(a, "manager").requests.get({ requestId })).nominations[0];
    await h.as(a, "manager").nominations.decide({ nominationId: nomination?.id ?? "", approve: true });
    expect((await bell("manager")).items.some((n) => n.kind === "nominations")).toBe(false);
    await h.as(a, "manager").requests.cancel({ requestId });
  }, 60_000);

  it("lists the invitation until answered, then the released report until read", async () => {
    const peers = ["p2", "p3", "p4"];
    const { id: requestId } = await h.as(a, "manager").requests.create({
      subjectId: id(a, "subject"),
      deadline: inDays(7),
      raters: peers.map((key) => ({ personId: id(a, key), group: "peer" as const })),
    });
    const invited = await bell("p2");
    expect(invited.items.map((n) => n.text)).toContain("Give feedback on Subject Alpha.");
    expect(invited.unread).toBeGreaterThan(0);
    for (const key of [...peers, "subject"]) {
      await h
        .as(a, key)
        .responses.submit({ invitationId: await invitationOf(requestId, key), answers: fullAnswers(4) });
    }
    expect((await bell("p2")).items.some((n) => n.kind === "invitation")).toBe(false);
    await h.as(a, "manager").requests.close({ requestId });
    releasedId = requestId;

    const released = await bell("subject");
    const report = released.items.find((n) => n.key === `report:${requestId}`);
    expect(report).toMatchObject({ kind: "report", href: `/reports/${requestId}`, read: false });
    expect(await h.as(a, "subject").notifications.markRead({ keys: [`report:${requestId}`] })).toEqual({
      marked: 1,
    });
    const after = await bell("subject");
    expect(after.items.find((n) => n.key === `report:${requestId}`)?.read).toBe(true);
    expect(after.unread).toBe(released.unread - 1);
  }, 90_000);

  it("says who answered in nobody's bell", async () => {
    for (const key of ["manager", "subject", "boss", "coach"]) {
      const text = JSON.stringify(await bell(key));
      for (const rater of ["P2 Alpha", "P3 Alpha", "P4 Alpha"]) expect(text).not.toContain(rater);
    }
  }, 60_000);

  it("marking another person's notification read writes nothing", async () => {
    const own = (await bell("subject")).items.map((n) => n.key);
    expect(own.length).toBeGreaterThan(0);
    const result = await h.as(a, "stranger").notifications.markRead({ keys: [...own, "report:made-up"] });
    expect(result).toEqual({ marked: 0 });
    const rows = await h.database.db
      .select()
      .from(schema.notificationReads)
      .where(eq(schema.notificationReads.personId, id(a, "stranger")));
    expect(rows).toEqual([]);
  }, 60_000);

  it("lists an invitation to support a plan until it is answered", async () => {
    const { id: planId } = await h.as(a, "subject").plans.create({ requestId: releasedId });
    const { partnershipId } = await h
      .as(a, "subject")
      .plans.invitePartner({ planId, personId: id(a, "p5"), role: "partner" });
    const entry = (await bell("p5")).items.find((n) => n.kind === "partner");
    expect(entry).toMatchObject({
      text: "Subject Alpha asks you to support their coaching plan.",
      read: false,
    });
    await h.as(a, "p5").partners.respond({ partnershipId, accept: true });
    expect((await bell("p5")).items.some((n) => n.kind === "partner")).toBe(false);
  }, 60_000);

  it("erasing a person deletes their read marks", async () => {
    const marks = () =>
      h.database.db
        .select()
        .from(schema.notificationReads)
        .where(eq(schema.notificationReads.personId, id(a, "subject")));
    expect((await marks()).length).toBeGreaterThan(0);
    await h.as(a, "admin").people.erase({ personId: id(a, "subject") });
    expect(await marks()).toEqual([]);
  }, 60_000);
});
