// Cycles and the organisation view through createCaller: an admin creates, pre-flights and launches
// a cycle for a team; the pre-flight writes nothing and names what blocks; the launch makes one
// draft request per subject with the manager's and direct reports' nominations; HR reads a k-safe
// organisation view of released reports.
import { schema } from "@fivefold/db";
import { and, count, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { advanceCycles } from "../services/cycles/advance";
import { fullAnswers } from "../testing/answers";
import { collectOrg, createHarness, type Harness, idOf as id, systemContext } from "../testing/harness";
import { releasedInCycle } from "../testing/released-request";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const calendar = () => ({ nominationsCloseOn: day(7), answersDueOn: day(21), releaseOn: day(28) });
const core = () => a.teams.Core ?? "";

async function requestCount(cycleId?: string) {
  const [row] = await h.database.db
    .select({ n: count() })
    .from(schema.feedbackRequests)
    .where(cycleId ? eq(schema.feedbackRequests.cycleId, cycleId) : undefined);
  return row?.n ?? 0;
}

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  b = await h.seed(collectOrg("Beta", "beta.test"));
});
afterAll(async () => {
  await h?.close();
});

describe("cycles.create", () => {
  it("creates a draft cycle with the rules' defaults", async () => {
    const { id: cycleId } = await h
      .as(a, "admin")
      .cycles.create({ name: "Winter", population: { teamIds: [core()] }, ...calendar() });
    const cycle = await h.as(a, "admin").cycles.get({ cycleId });
    expect(cycle).toMatchObject({ name: "Winter", phase: "draft", counts: { requests: 0 } });
    expect(cycle.rules).toEqual({
      self: true,
      manager: true,
      directReports: "all",
      peers: { min: 3, max: 8 },
      others: false,
      raterCap: 6,
    });
  });

  it("refuses an unknown key, days out of order, another organisation's team and a taken name", async () => {
    const admin = h.as(a, "admin");
    await expect(
      admin.cycles.create({
        name: "X",
        population: { everyone: true },
        ...calendar(),
        rules: { peerz: 1 },
      } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(
      admin.cycles.create({
        name: "X",
        population: { everyone: true },
        ...calendar(),
        answersDueOn: day(3),
      }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/after nominations close/),
    });
    await expect(
      admin.cycles.create({ name: "X", population: { teamIds: [b.teams.Core ?? ""] }, ...calendar() }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/No team of your organisation/),
    });
    await expect(
      admin.cycles.create({ name: "Winter", population: { everyone: true }, ...calendar() }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("leaves one-off requests outside cycles: requests.create refuses a cycleId instead of dropping it", async () => {
    await expect(
      h.as(a, "manager").requests.create({
        subjectId: id(a, "p1"),
        deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        cycleId: a.orgId,
      } as never),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/cycleId/) });
  });

  it("is for admins only", async () => {
    await expect(
      h.as(a, "manager").cycles.create({ name: "Mine", population: { everyone: true }, ...calendar() }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(h.as(b, "admin").cycles.list()).resolves.toEqual([]);
  });
});

describe("cycles.preflight and cycles.launch", () => {
  it("pre-flights without writing, names the blocking problem, and launches around an excluded person", async () => {
    const admin = h.as(a, "admin");
    const { id: cycleId } = await admin.cycles.create({
      name: "Launch",
      population: { teamIds: [core()] },
      ...calendar(),
    });
    // p1 already has a request collecting answers: a second one at once would break rule 10.
    const { id: oneOffId } = await h.as(a, "manager").requests.create({
      subjectId: id(a, "p1"),
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      raters: ["p2", "p3", "p4"].map((key) => ({ personId: id(a, key), group: "peer" as const })),
    });
    const before = await requestCount();
    const flight = await admin.cycles.preflight({ cycleId });
    expect(await requestCount()).toBe(before);
    expect(flight.subjects).toBe(5);
    expect(flight.problems).toContainEqual(
      expect.objectContaining({ personId: id(a, "p1"), kind: "open_request", blocking: true }),
    );
    expect(flight.ready).toBe(4);

    await expect(admin.cycles.launch({ cycleId })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: expect.stringMatching(/blocking problem/),
    });
    expect(await requestCount(cycleId)).toBe(0);

    const launched = await admin.cycles.launch({ cycleId, exclude: [id(a, "p1")] });
    expect(launched).toEqual({ requests: 4 });
    const cycle = await admin.cycles.get({ cycleId });
    expect(cycle.phase).toBe("nominations");
    expect(cycle.counts.byState).toEqual({ draft: 4 });

    // The subject's request carries the manager's and every direct report's approved nominations.
    const [request] = await h.database.db
      .select()
      .from(schema.feedbackRequests)
      .where(
        and(
          eq(schema.feedbackRequests.cycleId, cycleId),
          eq(schema.feedbackRequests.subjectId, id(a, "subject")),
        ),
      );
    const nominated = await h.database.db
      .select({
        personId: schema.nominations.personId,
        group: schema.nominations.group,
        approved: schema.nominations.approved,
      })
      .from(schema.nominations)
      .where(eq(schema.nominations.requestId, request?.id ?? ""));
    expect(nominated.sort((x, y) => (x.personId ?? "").localeCompare(y.personId ?? ""))).toEqual(
      [
        { personId: id(a, "manager"), group: "manager", approved: true },
        ...["d1", "d2", "d3"].map((key) => ({
          personId: id(a, key),
          group: "direct_report",
          approved: true,
        })),
      ].sort((x, y) => x.personId.localeCompare(y.personId)),
    );
    expect(request?.deadline.toISOString()).toBe(`${calendar().answersDueOn}T23:59:59.999Z`);

    // requests.* tell a cycle's request from a one-off: the cycle's drafts carry its id, p1's none.
    const manager = h.as(a, "manager");
    const listed = await manager.requests.list();
    expect(listed.find((r) => r.id === request?.id)?.cycleId).toBe(cycleId);
    expect(listed.find((r) => r.id === oneOffId)?.cycleId).toBeNull();
    expect((await manager.requests.get({ requestId: request?.id ?? "" })).cycleId).toBe(cycleId);
    expect((await manager.requests.get({ requestId: oneOffId })).cycleId).toBeNull();
    expect((await h.as(a, "subject").requests.get({ requestId: request?.id ?? "" })).cycleId).toBe(cycleId);

    await expect(admin.cycles.launch({ cycleId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    await h.cancelActiveRequests();
  });

  it("shows participation only for teams of at least k people, and extends answering for every request", async () => {
    const admin = h.as(a, "admin");
    const { id: cycleId } = await admin.cycles.create({
      name: "Follow",
      population: { teamIds: [core()] },
      ...calendar(),
    });
    await admin.cycles.launch({ cycleId });
    const progress = await admin.cycles.progress({ cycleId });
    expect(progress.phase).toBe("nominations");
    expect(progress.teams.find((team) => team.teamId === core())).toMatchObject({
      people: 5,
      invited: 0,
      answered: 0,
    });

    const later = day(25);
    const extended = await admin.cycles.extend({ cycleId, phase: "answering", on: later });
    expect(extended.answersDueOn).toBe(later);
    const deadlines = await h.database.db
      .selectDistinct({ deadline: schema.feedbackRequests.deadline })
      .from(schema.feedbackRequests)
      .where(eq(schema.feedbackRequests.cycleId, cycleId));
    expect(deadlines.map((row) => row.deadline.toISOString())).toEqual([`${later}T23:59:59.999Z`]);
    await expect(admin.cycles.extend({ cycleId, phase: "answering", on: day(10) })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await h.cancelActiveRequests();
  });
});

describe("cycles.progress while raters answer", () => {
  it("counts answers live for a team of at least k subjects, and never an uncounted rater's (the attack of subtracting each request's own progress from the team's)", async () => {
    await h.cancelActiveRequests();
    const admin = h.as(a, "admin");
    const { id: cycleId } = await admin.cycles.create({
      name: "Live",
      population: { teamIds: [core()] },
      ...calendar(),
    });
    await admin.cycles.launch({ cycleId });
    // Nominations close: the requests of the two people with direct reports open (subject, manager).
    const opened = await advanceCycles({
      ctx: systemContext(h, { now: new Date(Date.now() + 8 * 86_400_000) }),
    });
    expect(opened.find((m) => m.cycleId === cycleId)?.tally.outcomes).toMatchObject({ opened: 2 });
    const coreOf = async () =>
      (await admin.cycles.progress({ cycleId })).teams.find((team) => team.teamId === core());
    const before = await coreOf();
    expect(before).toMatchObject({ people: 5, answered: 0 });
    expect(before?.invited).toBeGreaterThan(0);

    // One direct report answers: the team's figure moves at once, with nothing else said.
    const d1 = h.as(a, "d1");
    const invitation = (await d1.inbox.list()).find((i) => i.group === "direct_report");
    if (!invitation) throw new Error("d1 not invited");
    await d1.responses.submit({ invitationId: invitation.invitationId, answers: fullAnswers(4) });
    expect(await coreOf()).toMatchObject({ answered: 1, invited: before?.invited });

    // An external rater who does not count towards k answered too: each request's progress hides
    // whether they did, so the team's sum must not show it either (else: team − Σ requests).
    await h.database.db.insert(schema.invitations).values({
      orgId: a.orgId,
      requestId: invitation.requestId,
      cycleId, // as the app writes it
      email: "outsider@elsewhere.test",
      group: "other",
      tokenHash: `uncounted-${cycleId}`,
      expiresAt: new Date(Date.now() + 30 * 86_400_000),
      state: "submitted",
      counts: false,
    });
    const after = await coreOf();
    expect(after).toMatchObject({ answered: 1, invited: before?.invited });
    const requests = await h.database.db
      .select({ id: schema.feedbackRequests.id })
      .from(schema.feedbackRequests)
      .where(and(eq(schema.feedbackRequests.cycleId, cycleId), eq(schema.feedbackRequests.state, "open")));
    let counted = 0;
    for (const request of requests) {
      for (const line of (await admin.requests.progress({ requestId: request.id })).groups) {
        counted += line.submitted ?? 0;
      }
    }
    expect(after?.answered).toBe(counted);
    await h.cancelActiveRequests();
  });
});

describe("the cycle journey", () => {
  it("subjects propose peers within the rules, the manager approves on one page, the calendar opens, holds and releases", async () => {
    await h.cancelActiveRequests();
    const admin = h.as(a, "admin");
    const { id: cycleId } = await admin.cycles.create({
      name: "Journey",
      population: { personIds: [id(a, "subject"), id(a, "p1")] },
      ...calendar(),
      rules: { peers: { min: 2, max: 3 }, raterCap: 1 },
    });
    expect(await admin.cycles.launch({ cycleId })).toEqual({ requests: 2 });
    const requestOf = async (key: string) => {
      const [row] = await h.database.db
        .select({ id: schema.feedbackRequests.id })
        .from(schema.feedbackRequests)
        .where(
          and(
            eq(schema.feedbackRequests.cycleId, cycleId),
            eq(schema.feedbackRequests.subjectId, id(a, key)),
          ),
        );
      return row?.id ?? "";
    };
    const subjectRequest = await requestOf("subject");
    const p1Request = await requestOf("p1");

    // The subject proposes peers; a manager-group proposal and a fourth peer are refused.
    const subject = h.as(a, "subject");
    for (const key of ["p4", "p5", "p6"]) {
      await subject.nominations.propose({ requestId: subjectRequest, personId: id(a, key), group: "peer" });
    }
    await expect(
      subject.nominations.propose({ requestId: subjectRequest, personId: id(a, "p2"), group: "peer" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: expect.stringMatching(/at most 3 peers/) });
    await expect(
      subject.nominations.propose({ requestId: subjectRequest, personId: id(a, "boss"), group: "manager" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    // p4 is asked once already: the cap of 1 keeps p1 from asking them too.
    await expect(
      h.as(a, "p1").nominations.propose({ requestId: p1Request, personId: id(a, "p4"), group: "peer" }),
    ).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/already asked to rate 1 people/),
    });
    for (const key of ["p2", "p3"]) {
      await h.as(a, "p1").nominations.propose({ requestId: p1Request, personId: id(a, key), group: "peer" });
    }

    // The manager approves every pending nomination of both reports on one page.
    const page = await h.as(a, "manager").nominations.forManager({ cycleId });
    expect(page.requests.map((r) => r.subject.name).sort()).toEqual(["P1 Alpha", "Subject Alpha"]);
    const pending = page.requests.flatMap((r) => r.nominations.filter((n) => n.approved === null));
    expect(pending).toHaveLength(5);
    await h.as(a, "manager").nominations.decideMany({
      decisions: pending.map((n) => ({ nominationId: n.nominationId, approve: true })),
    });
    await expect(h.as(a, "p1").nominations.forManager({ cycleId })).resolves.toMatchObject({ requests: [] });

    // Nominations close: the subject's request opens (3 direct reports and 3 peers); p1's, with two
    // peers only, cannot reach k and stays a draft.
    const at = (offset: number) => systemContext(h, { now: new Date(Date.now() + offset * 86_400_000) });
    const opened = await advanceCycles({ ctx: at(8) });
    expect(opened.find((m) => m.cycleId === cycleId)?.tally.outcomes).toEqual({ opened: 1, not_opened: 1 });
    expect((await admin.cycles.get({ cycleId })).phase).toBe("answering");

    for (const key of ["subject", "d1", "d2", "d3", "p4", "p5", "p6"]) {
      const caller = h.as(a, key);
      const invitation = (await caller.inbox.list()).find((i) => i.requestId === subjectRequest);
      if (!invitation) throw new Error(`${key} not invited`);
      await caller.responses.submit({ invitationId: invitation.invitationId, answers: fullAnswers(4) });
    }
    // A team an admin makes around one rater (p4) with two people who rate nothing: its counts would
    // tell whether p4 answered; they are counted by the subjects' teams, and it has none.
    const [probe] = await h.database.db
      .insert(schema.teams)
      .values({ orgId: a.orgId, name: "Probe" })
      .returning();
    await h.database.db.insert(schema.teamMembers).values(
      ["p4", "boss", "stranger"].map((key) => ({
        orgId: a.orgId,
        teamId: probe?.id ?? "",
        personId: id(a, key),
      })),
    );
    const probed = (await admin.cycles.progress({ cycleId })).teams.find((team) => team.teamId === probe?.id);
    expect(probed).toMatchObject({ people: 3, invited: null, answered: null });

    // Answers are due: the subject's request is held sealed, p1's draft is cancelled; nothing released yet.
    const held = await advanceCycles({ ctx: at(22) });
    expect(held.find((m) => m.cycleId === cycleId)?.tally.outcomes).toEqual({ closed: 1, cancelled: 1 });
    expect((await admin.cycles.get({ cycleId })).counts.byState).toEqual({ closed: 1, cancelled: 1 });
    await expect(subject.reports.get({ requestId: subjectRequest })).rejects.toBeTruthy();

    // The release day: every held report is released at once.
    const released = await advanceCycles({ ctx: at(29) });
    expect(released.find((m) => m.cycleId === cycleId)?.tally.outcomes).toEqual({ released: 1 });
    const cycle = await admin.cycles.get({ cycleId });
    expect(cycle.phase).toBe("released");
    expect(cycle.releasedAt).not.toBeNull();
    const report = await subject.reports.get({ requestId: subjectRequest });
    expect(report).toBeTruthy();
  });

  it("lets the admin release a cycle early once answering is under way, and only then", async () => {
    await h.cancelActiveRequests();
    const admin = h.as(a, "admin");
    const { id: cycleId } = await admin.cycles.create({
      name: "Early",
      population: { personIds: [id(a, "p3")] },
      ...calendar(),
    });
    await admin.cycles.launch({ cycleId });
    await expect(admin.cycles.release({ cycleId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
    const [request] = await h.database.db
      .select({ id: schema.feedbackRequests.id })
      .from(schema.feedbackRequests)
      .where(eq(schema.feedbackRequests.cycleId, cycleId));
    for (const key of ["p4", "p5", "p6", "p1"]) {
      await h
        .as(a, "p3")
        .nominations.propose({ requestId: request?.id ?? "", personId: id(a, key), group: "peer" });
    }
    // p1 becomes a coach of p3's team after being proposed: a reader of the report, who must not
    // rate it anonymously (rule 9), so the close of nominations drops them.
    await h.database.db
      .insert(schema.teamCoaches)
      .values({ orgId: a.orgId, teamId: core(), personId: id(a, "p1") });
    await h.database.db
      .insert(schema.personRoles)
      .values({ orgId: a.orgId, personId: id(a, "p1"), role: "coach" });
    await advanceCycles({ ctx: systemContext(h, { now: new Date(Date.now() + 8 * 86_400_000) }) });
    expect((await h.as(a, "p1").inbox.list()).find((i) => i.requestId === request?.id)).toBeUndefined();
    await h.database.db.delete(schema.teamCoaches).where(eq(schema.teamCoaches.personId, id(a, "p1")));
    // Self, the manager and three peers (p4, p5, p6): each gets a mail of their own.
    expect(await admin.cycles.remind({ cycleId })).toEqual({ reminded: 5 });
    // Nobody answered: the release finds the request insufficient, and says so.
    expect(await admin.cycles.release({ cycleId })).toEqual({ released: 0, insufficient: 1 });
    await expect(admin.cycles.release({ cycleId })).rejects.toMatchObject({ code: "PRECONDITION_FAILED" });
  });
});

describe("analytics.org", () => {
  let cycleId: string;

  /** A released report on the subject, rated by peers, joined to the cycle. */
  const released = (subject: string, raters: string[], score: number) =>
    releasedInCycle(h, a, { subject, raters, score, cycleId });

  beforeAll(async () => {
    await h.cancelActiveRequests();
    const created = await h
      .as(a, "admin")
      .cycles.create({ name: "Released", population: { everyone: true }, ...calendar() });
    cycleId = created.id;
    await released("subject", ["p4", "p5", "p6"], 4);
    await released("p1", ["p4", "p5", "p6"], 3);
    await released("p2", ["p4", "p5", "p6"], 2);
    await released("p3", ["p4", "p5", "p6"], 5);
    await h.database.db
      .insert(schema.personRoles)
      .values({ orgId: a.orgId, personId: id(a, "stranger"), role: "analyst" });
  });

  it("is for analysts, and for admins only where admins read reports", async () => {
    await expect(h.as(a, "admin").analytics.org({ cycleId, by: "team" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(h.as(a, "manager").analytics.org({ cycleId, by: "team" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(h.as(b, "admin").analytics.org({ cycleId, by: "team" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("gives the team the mean of its people's released reports, with k people behind it", async () => {
    const view = await h.as(a, "stranger").analytics.org({ cycleId, by: "team" });
    const team = view.cells.find((cell) => cell.key === core());
    // Four released reports in the team (subject 4, p1 3, p2 2, p3 5); the manager has none.
    expect(team?.people).toBe(4);
    expect(team?.dimensions?.inspire).toEqual({ mean: 3.5, people: 4 });
    expect(view.total.dimensions?.vision).toEqual({ mean: 3.5, people: 4 });
    expect(view.participation).toMatchObject({ invited: 16, answered: 16, rate: 1 });
  });

  it("hides the team from a reader who requested its people's reports (the attack of a requester turned analyst)", async () => {
    // The admin requested the four reports, so reads each one by one as their requester: with
    // those known, the team's cell and the total would stand on nobody unknown.
    await h.database.db
      .insert(schema.personRoles)
      .values({ orgId: a.orgId, personId: id(a, "admin"), role: "analyst" });
    const view = await h.as(a, "admin").analytics.org({ cycleId, by: "team" });
    expect(view.cells.find((cell) => cell.key === core())?.dimensions).toBeNull();
    expect(view.total.dimensions).toBeNull();
    expect(view.distribution.inspire).toEqual([null, null, null, null]);
    // A manager of those people who did not request them knows none of them one by one.
    await h.database.db
      .insert(schema.personRoles)
      .values({ orgId: a.orgId, personId: id(a, "manager"), role: "analyst" });
    const asManager = await h.as(a, "manager").analytics.org({ cycleId, by: "team" });
    expect(asManager.cells.find((cell) => cell.key === core())?.dimensions).not.toBeNull();
  });
});

describe("analytics.org across groupings", () => {
  let cycleId: string;

  async function released(subjectKey: string, raters: string[]) {
    const { id: requestId } = await h.as(b, "admin").requests.create({
      subjectId: id(b, subjectKey),
      deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      raters: raters.map((key) => ({ personId: id(b, key), group: "peer" as const })),
    });
    for (const key of [subjectKey, ...raters]) {
      const caller = h.as(b, key);
      const invitation = (await caller.inbox.list()).find((i) => i.requestId === requestId);
      if (!invitation) throw new Error(`${key} not invited`);
      await caller.responses.submit({ invitationId: invitation.invitationId, answers: fullAnswers(3) });
    }
    await h.as(b, "admin").requests.close({ requestId });
    await h.database.db
      .update(schema.feedbackRequests)
      .set({ cycleId })
      .where(eq(schema.feedbackRequests.id, requestId));
  }

  beforeAll(async () => {
    const created = await h
      .as(b, "admin")
      .cycles.create({ name: "Groupings", population: { everyone: true }, ...calendar() });
    cycleId = created.id;
    for (const key of ["subject", "p1", "p2", "p3"]) await released(key, ["p4", "p5", "p6"]);
    for (const key of ["p4", "p5", "p6", "d1"]) await released(key, ["p1", "p2", "p3"]);
    // Sales is the Core team (four reports) and p4: on its own page each cell is safe, but Sales
    // minus Core would be p4's figures.
    for (const key of ["manager", "subject", "p1", "p2", "p3", "p4"]) {
      await h.database.db
        .update(schema.people)
        .set({ department: "Sales" })
        .where(eq(schema.people.id, id(b, key)));
    }
    await h.database.db
      .insert(schema.personRoles)
      .values({ orgId: b.orgId, personId: id(b, "stranger"), role: "analyst" });
  });

  it("stops the team-then-department subtraction: Core and Sales are never both shown", async () => {
    const analyst = h.as(b, "stranger");
    const byTeam = await analyst.analytics.org({ cycleId, by: "team" });
    const byDepartment = await analyst.analytics.org({ cycleId, by: "department" });
    const core = byTeam.cells.find((cell) => cell.key === b.teams.Core)?.dimensions?.inspire ?? null;
    const sales = byDepartment.cells.find((cell) => cell.key === "Sales")?.dimensions?.inspire ?? null;
    expect(byTeam.total.dimensions?.inspire?.people).toBe(8);
    expect(core === null || sales === null).toBe(true);
    expect(core !== null || sales !== null).toBe(true);
  });
});
