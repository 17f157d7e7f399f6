// requests.addRater through createCaller on the real schema (issue 18): the manager adds raters to a
// draft in any group, and to an open request only in the manager group; the attacks on rules 8 and 9
// (a late anonymous joiner singled out by the counts, a reader rating anonymously) are refused and
// write nothing.
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

const manager = () => h.as(a, "manager");

async function openOn(subject: string, peers: string[]) {
  const { id: requestId } = await manager().requests.create({
    subjectId: id(a, subject),
    deadline: inDays(7),
    raters: peers.map((key) => ({ personId: id(a, key), group: "peer" as const })),
  });
  return requestId;
}

async function invitationsOf(requestId: string) {
  return h.database.db
    .select({ group: schema.invitations.group, personId: schema.invitations.personId })
    .from(schema.invitations)
    .where(eq(schema.invitations.requestId, requestId));
}

async function nominationsOf(requestId: string) {
  return h.database.db.select().from(schema.nominations).where(eq(schema.nominations.requestId, requestId));
}

describe("requests.addRater", () => {
  it("invites a manager-group rater to an open request at once", async () => {
    const requestId = await openOn("subject", ["p1", "p2", "p3"]);
    const added = await manager().requests.addRater({
      requestId,
      personId: id(a, "other-manager"),
      group: "manager",
    });
    expect(added.invited).toBe(true);
    const inbox = await h.as(a, "other-manager").inbox.list();
    expect(inbox.find((i) => i.requestId === requestId)).toMatchObject({
      group: "manager",
      state: "pending",
    });
    const progress = await manager().requests.progress({ requestId });
    expect(progress.groups.find((g) => g.group === "manager")).toMatchObject({ invited: 1 });
    // The audit log names the request in words, not by its id, and never the rater.
    const { items } = await h.as(a, "admin").audit.list({ action: "requests.addRater", limit: 10 });
    expect(items[0]).toMatchObject({
      targetLabel: "Feedback on Subject Alpha",
      details: { group: "manager" },
    });
    expect(JSON.stringify(items[0])).not.toContain("Other-manager");
  }, 60_000);

  it("an anonymous rater joining an open request could be singled out by the counts: refused, nothing written", async () => {
    const requestId = await openOn("p4", ["p1", "p2", "p3"]);
    await h.as(a, "p1").responses.submit({
      invitationId:
        (await h.as(a, "p1").inbox.list()).find((i) => i.requestId === requestId)?.invitationId ?? "",
      answers: fullAnswers(4),
    });
    const before = {
      invitations: await invitationsOf(requestId),
      nominations: await nominationsOf(requestId),
    };
    for (const group of ["peer", "direct_report", "other"] as const) {
      await expect(
        manager().requests.addRater({ requestId, personId: id(a, "p5"), group }),
      ).rejects.toMatchObject({ code: "PRECONDITION_FAILED", message: expect.stringMatching(/singled out/) });
    }
    expect(await invitationsOf(requestId)).toEqual(before.invitations);
    expect(await nominationsOf(requestId)).toEqual(before.nominations);
    expect((await h.as(a, "p5").inbox.list()).some((i) => i.requestId === requestId)).toBe(false);
  }, 60_000);

  it("a reader of the report added as an anonymous rater would see through the others: refused", async () => {
    const { id: requestId } = await manager().requests.create({
      subjectId: id(a, "p2"),
      deadline: inDays(7),
      raters: [],
      open: false,
    });
    // The coach of the subject's team reads the report (Core: coach), and so does the requester.
    for (const key of ["coach", "manager"]) {
      await expect(
        manager().requests.addRater({ requestId, personId: id(a, key), group: "peer" }),
      ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    }
    expect(await nominationsOf(requestId)).toEqual([]);
    await manager().requests.cancel({ requestId });
  }, 60_000);

  it("adds any group to a draft as approved, invited when the request opens", async () => {
    const { id: requestId } = await manager().requests.create({
      subjectId: id(a, "p5"),
      deadline: inDays(7),
      raters: [],
      open: false,
    });
    for (const key of ["d1", "d2", "d3"]) {
      const added = await manager().requests.addRater({ requestId, personId: id(a, key), group: "peer" });
      expect(added.invited).toBe(false);
    }
    await expect(
      manager().requests.addRater({ requestId, personId: id(a, "d1"), group: "peer" }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await invitationsOf(requestId)).length).toBe(0);
    await manager().requests.open({ requestId });
    const peers = (await invitationsOf(requestId)).filter((i) => i.group === "peer");
    expect(peers.map((i) => i.personId).sort()).toEqual(["d1", "d2", "d3"].map((k) => id(a, k)).sort());
    await manager().requests.cancel({ requestId });
  }, 60_000);

  it("the subject cannot add raters themself", async () => {
    // d1 reports to "subject", who asks for feedback on them.
    const { id: requestId } = await h.as(a, "subject").requests.create({
      subjectId: id(a, "d1"),
      deadline: inDays(7),
      raters: [],
      open: false,
    });
    await expect(
      h.as(a, "d1").requests.addRater({ requestId, personId: id(a, "p1"), group: "peer" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  }, 60_000);
});
