// Which reports of a frozen cycle the organisation view's reader knows one by one is decided from
// one set-based query (`organisationViewAccess(ctx, { frozenCycleId })`); it must decide exactly
// what the report policy decides report by report (`organisationViewAccess(ctx, reports)`) for
// every relation: subject, requester, coach of the subject's team (with and without the coach role,
// and one who rated the report anonymously), reading admin, manager, stranger, an erased subject.
import { findMembershipByUserId, listFrozenReportRefs, schema } from "@fivefold/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { organisationViewAccess } from "../services/access";
import type { MemberServiceContext } from "../services/context";
import { fullAnswers } from "../testing/answers";
import { collectOrg, createHarness, type Harness, idOf as id, TEST_APP_URL } from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;
let cycleId: string;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A released report on the subject, requested by `requester`, rated by three peers, in the cycle. */
async function released(requester: string, subjectKey: string, raters: string[]) {
  const { id: requestId } = await h.as(a, requester).requests.create({
    subjectId: id(a, subjectKey),
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    raters: raters.map((key) => ({ personId: id(a, key), group: "peer" as const })),
  });
  for (const key of [subjectKey, ...raters]) {
    const caller = h.as(a, key);
    const invitation = (await caller.inbox.list()).find((i) => i.requestId === requestId);
    if (!invitation) throw new Error(`${key} not invited`);
    await caller.responses.submit({ invitationId: invitation.invitationId, answers: fullAnswers(4) });
  }
  await h.as(a, requester).requests.close({ requestId });
  await h.database.db
    .update(schema.feedbackRequests)
    .set({ cycleId })
    .where(eq(schema.feedbackRequests.id, requestId));
  return requestId;
}

async function contextOf(key: string): Promise<MemberServiceContext> {
  const membership = await findMembershipByUserId(h.database.db, a.people[key]?.userId ?? "");
  if (!membership) throw new Error(`${key} has no membership`);
  return {
    db: h.database.db,
    driver: h.database.driver,
    appUrl: TEST_APP_URL,
    mailboxEnabled: true,
    sealingSecret: h.sealingSecret,
    memo: new Map(),
    person: membership.person,
    org: membership.org,
    roles: membership.roles,
  };
}

/** Both answers for one reader: report by report over every frozen report, and set-based. */
async function bothFor(key: string) {
  const refs = (await listFrozenReportRefs(h.database.db, a.orgId, cycleId)).flatMap((ref) =>
    ref.subjectId
      ? [{ requestId: ref.requestId, subjectId: ref.subjectId, requesterId: ref.requesterId ?? "" }]
      : [],
  );
  const perReport = (await organisationViewAccess(await contextOf(key), refs)).knownReports;
  const setBased = (await organisationViewAccess(await contextOf(key), { frozenCycleId: cycleId }))
    .knownReports;
  return { perReport: [...perReport].sort(), setBased: [...setBased].sort() };
}

const role = (key: string, value: "analyst" | "coach" | "admin") =>
  h.database.db.insert(schema.personRoles).values({ orgId: a.orgId, personId: id(a, key), role: value });

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  cycleId = (
    await h.as(a, "admin").cycles.create({
      name: "Known",
      population: { everyone: true },
      nominationsCloseOn: day(7),
      answersDueOn: day(21),
      releaseOn: day(28),
    })
  ).id;
  await released("admin", "subject", ["p4", "p5", "p6"]);
  await released("manager", "p1", ["p4", "p5", "p6"]);
  const p2 = await released("admin", "p2", ["p4", "p5", "p6"]);
  await released("subject", "d1", ["d2", "d3", "p6"]);
  await released("admin", "p3", ["p4", "p5", "p6"]);
  await released("admin", "p4", ["p1", "p2", "p3"]);
  // The coach was invited as an anonymous peer on p2's report: then it is not theirs to read.
  await h.database.db.insert(schema.invitations).values({
    orgId: a.orgId,
    requestId: p2,
    personId: id(a, "coach"),
    email: "coach@alpha.test",
    group: "peer",
    tokenHash: `coach-peer-${p2}`,
    expiresAt: new Date(Date.now() + 30 * 86_400_000),
    state: "declined",
  });
  // Coach links without the coach role: "boss" is linked to Core but is not a coach.
  await h.database.db
    .insert(schema.teamCoaches)
    .values({ orgId: a.orgId, teamId: a.teams.Core ?? "", personId: id(a, "boss") });
  for (const key of Object.keys(a.people)) await role(key, "analyst");
  await h.database.db.update(schema.cycles).set({ phase: "closed" }).where(eq(schema.cycles.id, cycleId));
  await h.as(a, "admin").cycles.release({ cycleId });
  await h.as(a, "admin").people.erase({ personId: id(a, "p3") });
});
afterAll(async () => {
  await h?.close();
});

describe("the organisation view's known reports, set-based", () => {
  it("decides for every person of the organisation exactly as the per-report policy", async () => {
    const decided: Record<string, number> = {};
    for (const key of Object.keys(a.people)) {
      if (key === "p3") continue; // erased: no sign-in left
      const { perReport, setBased } = await bothFor(key);
      expect(setBased, key).toEqual(perReport);
      decided[key] = setBased.length;
    }
    // The relations the comparison covers: requester of four (one now erased, so nobody's),
    // requester of one, subject, coach of Core but for the report they rated, links without the
    // role, and no relation.
    expect(decided).toMatchObject({
      admin: 3,
      manager: 1,
      subject: 2,
      d1: 1,
      coach: 2,
      boss: 0,
      stranger: 0,
    });
  });

  it("decides alike for a reading admin, and for a reader who just became a coach (nothing cached)", async () => {
    await h.database.db
      .insert(schema.teamCoaches)
      .values({ orgId: a.orgId, teamId: a.teams.Core ?? "", personId: id(a, "stranger") });
    expect((await bothFor("stranger")).setBased).toEqual([]);
    await role("stranger", "coach");
    const now = await bothFor("stranger");
    expect(now.setBased).toEqual(now.perReport);
    expect(now.setBased.length).toBe(3); // subject, p1, p2 (p3 erased)
    await h.database.db
      .update(schema.organisations)
      .set({ adminsReadReports: true })
      .where(eq(schema.organisations.id, a.orgId));
    const admin = await bothFor("admin");
    expect(admin).toEqual({ perReport: [], setBased: [] });
  });
});
