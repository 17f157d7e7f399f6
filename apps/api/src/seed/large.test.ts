// The large organisation generator on a small run, through the same code as `pnpm seed:large`:
// sizes, teams and coaches, reports the real aggregation recomputes from the sealed responses,
// sign-in with the shared password, determinism, and refusing a name that exists.
import { countOrganisations, type DatabaseHandle, queryRows, schema } from "@fivefold/db";
import { createTestDatabase, testDriver } from "@fivefold/db/testing";
import {
  aggregate,
  getInstrument,
  type RaterGroup,
  type RaterResponse,
  releasePolicy,
  reportSnapshotSchema,
} from "@fivefold/domain";
import { and, asc, eq, like, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth } from "../auth";
import { createCaller } from "../router";
import { loadHistory } from "../services/collect/history";
import { createContextFor } from "../trpc/context";
import { type LargeOrganisationSummary, LargeSeedRefused, seedLargeOrganisation } from "./large";
import { planOrganisation } from "./large/people";
import { createRandom } from "./large/random";

const PEOPLE = 300;
const PASSWORD = "large-test-password";
const NOW = new Date("2026-12-01T12:00:00.000Z");
const run = (name: string, seed = 7) =>
  seedLargeOrganisation(database.db, { people: PEOPLE, cycles: 2, seed, name, password: PASSWORD, now: NOW });

let database: DatabaseHandle;
let first: LargeOrganisationSummary;

beforeAll(async () => {
  database = await createTestDatabase();
  first = await run("Large Test");
}, 120_000);
afterAll(async () => {
  await database?.close();
});

/** Map.groupBy, which Node 20 does not have. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}

/** Every person of an organisation: name, e-mail without its domain, and their manager's name. */
async function peopleOf(orgId: string) {
  const rows = await database.db
    .select({
      id: schema.people.id,
      name: schema.people.name,
      email: schema.people.email,
      managerId: schema.people.managerId,
    })
    .from(schema.people)
    .where(eq(schema.people.orgId, orgId));
  const names = new Map(rows.map((r) => [r.id, r.name]));
  return rows
    .map(
      (r) =>
        `${r.name} <${r.email.split("@")[0]}> reports to ${r.managerId ? names.get(r.managerId) : "nobody"}`,
    )
    .sort();
}

describe(`pnpm seed:large's generator on ${testDriver()}`, () => {
  it("writes the requested number of people, each with a sign-in and roles", async () => {
    const { tables } = first;
    expect(tables.people).toBe(PEOPLE);
    expect(tables.user).toBe(PEOPLE);
    expect(tables.account).toBe(PEOPLE);
    expect(tables.cycles).toBe(2);
    const roles = await database.db
      .select({ role: schema.personRoles.role, n: sql<number>`count(*)::int` })
      .from(schema.personRoles)
      .where(eq(schema.personRoles.orgId, first.orgId))
      .groupBy(schema.personRoles.role);
    const byRole = Object.fromEntries(roles.map((r) => [r.role, r.n]));
    const [managers] = await database.db
      .select({ n: sql<number>`count(distinct ${schema.people.managerId})::int` })
      .from(schema.people)
      .where(eq(schema.people.orgId, first.orgId));
    expect(byRole).toEqual({ member: PEOPLE, admin: 2, coach: PEOPLE / 50, manager: managers?.n });
    // One CEO at the top, everyone else reporting to someone; most people were rated in each cycle.
    const [ceo] = await database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(schema.people)
      .where(and(eq(schema.people.orgId, first.orgId), sql`${schema.people.managerId} is null`));
    expect(ceo?.n).toBe(1);
    for (const cycle of first.cycles) expect(cycle.released).toBeGreaterThan(PEOPLE * 0.85);
    expect(tables.coaching_plans).toBeGreaterThan(0);
    expect(tables.checkins).toBeGreaterThan(0);
  });

  it("makes teams of 5–12 people (a manager and their reports), each with a coach who never rates its members anonymously", async () => {
    const teams = await database.db
      .select({
        id: schema.teams.id,
        members: sql<number>`(select count(*)::int from ${schema.teamMembers} m where m.team_id = ${schema.teams.id})`,
        coaches: sql<number>`(select count(*)::int from ${schema.teamCoaches} c where c.team_id = ${schema.teams.id})`,
      })
      .from(schema.teams)
      .where(eq(schema.teams.orgId, first.orgId));
    expect(teams.length).toBeGreaterThan(PEOPLE / 13);
    for (const team of teams) {
      expect(team.members).toBeGreaterThanOrEqual(5);
      expect(team.members).toBeLessThanOrEqual(12);
      expect(team.coaches).toBeGreaterThanOrEqual(1);
    }
    // Rule 9: a reader of the report (the subject's manager, a coach of their team) never rates anonymously.
    const [readersRating] = await queryRows<{ n: number }>(
      database.db,
      sql`
      select count(*)::int as n from invitations i
      join feedback_requests r on r.id = i.request_id
      join people s on s.id = r.subject_id
      where r.org_id = ${first.orgId} and i."group" in ('peer', 'direct_report', 'other')
        and (i.person_id = s.manager_id or exists (
          select 1 from team_members m join team_coaches c on c.team_id = m.team_id
          where m.person_id = s.id and c.person_id = i.person_id))`,
    );
    expect(readersRating?.n).toBe(0);
  });

  it("gives every released request a snapshot the schema accepts and aggregate() recomputes from its sealed responses", async () => {
    const instrument = getInstrument();
    const [org] = await database.db
      .select()
      .from(schema.organisations)
      .where(eq(schema.organisations.id, first.orgId));
    if (!org) throw new Error("organisation missing");
    const requests = await database.db
      .select()
      .from(schema.feedbackRequests)
      .where(eq(schema.feedbackRequests.orgId, first.orgId));
    const snapshots = new Map(
      (
        await database.db
          .select()
          .from(schema.reportSnapshots)
          .where(eq(schema.reportSnapshots.orgId, first.orgId))
      ).map((s) => [s.requestId, s]),
    );
    const responses = await database.db
      .select()
      .from(schema.sealedResponses)
      .where(eq(schema.sealedResponses.orgId, first.orgId))
      .orderBy(asc(schema.sealedResponses.id));
    const invitations = await database.db
      .select()
      .from(schema.invitations)
      .where(eq(schema.invitations.orgId, first.orgId));
    const responsesOf = groupBy(responses, (r) => r.requestId);
    const invitationsOf = groupBy(invitations, (i) => i.requestId);
    expect(requests.length).toBe(first.tables.feedback_requests);

    let released = 0;
    for (const request of requests) {
      expect(request.instrumentVersion).toBe(instrument.version);
      expect(request.threshold).toBe(3);
      expect(request.cycleId).not.toBeNull();
      const sealed = responsesOf.get(request.id) ?? [];
      const invited = invitationsOf.get(request.id) ?? [];
      expect(invited.length).toBeGreaterThanOrEqual(6);
      expect(invited.length).toBeLessThanOrEqual(12);
      // One sealed response per submitted invitation, and nothing that points back at a rater.
      expect(sealed.length).toBe(invited.filter((i) => i.state === "submitted").length);
      for (const row of sealed)
        expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-/);
      const byGroup: Partial<Record<RaterGroup, number>> = {};
      for (const i of invited) if (i.counts) byGroup[i.group] = (byGroup[i.group] ?? 0) + 1;
      const recomputed = aggregate({
        instrument,
        responses: sealed.map((r) => ({
          group: r.group,
          answers: r.answers,
          comments: r.comments,
        })) as RaterResponse[],
        threshold: request.threshold,
        invited: byGroup,
        notCounted: 0,
        seed: request.id,
        policy: releasePolicy(org, request.threshold),
      });
      const snapshot = snapshots.get(request.id);
      if (request.state === "released") {
        released++;
        expect(recomputed.status).toBe("released");
        expect(snapshot).toBeDefined();
        expect(reportSnapshotSchema.safeParse(snapshot?.snapshot).success).toBe(true);
        if (recomputed.status === "released") expect(snapshot?.snapshot).toEqual(recomputed.snapshot);
        expect(snapshot?.releasedAt).toEqual(request.closedAt);
      } else {
        expect(request.state).toBe("insufficient");
        expect(snapshot).toBeUndefined();
        expect(recomputed).toMatchObject({ status: "insufficient", reason: request.insufficientReason });
      }
    }
    expect(released).toBe(first.tables.report_snapshots);
    // The cycles lie further apart than rule 10's window: the latest cycle's releases compare with no
    // earlier report (the query has no upper bound, so earlier cycles would see the later ones now).
    const latest = Math.max(...requests.map((r) => r.closedAt?.getTime() ?? 0));
    const latestRequests = requests.filter((r) => r.closedAt?.getTime() === latest);
    expect(latestRequests.length).toBeGreaterThan(PEOPLE * 0.85);
    for (const request of latestRequests.slice(0, 20)) {
      const history = await loadHistory({ db: database.db }, request, request.closedAt ?? request.deadline);
      expect(history.earlier).toEqual([]);
    }
  });

  it("lets a generated person sign in with the shared password through Better Auth", async () => {
    const auth = createAuth({
      db: database.db,
      secret: "test-secret-test-secret-test-secret",
      baseURL: "http://localhost:3000",
      trustedOrigins: ["http://localhost:3000"],
      production: false,
    });
    const signIn = (email: string, password: string) =>
      auth.handler(
        new Request("http://localhost:3000/api/auth/sign-in/email", {
          method: "POST",
          headers: { "content-type": "application/json", origin: "http://localhost:3000" },
          body: JSON.stringify({ email, password }),
        }),
      );
    const { subject, admin } = first.signIns;
    expect((await signIn(subject.email, PASSWORD)).status).toBe(200);
    expect((await signIn(admin.email, PASSWORD)).status).toBe(200);
    expect((await signIn(subject.email, "not-the-password")).status).toBe(401);

    // The suggested subject reads their released report through the product.
    const [user] = await database.db.select().from(schema.user).where(eq(schema.user.email, subject.email));
    const caller = createCaller(
      createContextFor(
        {
          ...database,
          appUrl: "http://localhost:3000",
          mailboxEnabled: true,
          sealingSecret: "large-test-sealing-secret-of-32-characters",
        },
        user?.id ?? null,
      ),
    );
    expect((await caller.me.get()).org.name).toBe("Large Test");
    const report = await caller.reports.get({ requestId: subject.requestId });
    expect(report).toBeTruthy();
  });

  it("is read by the product like real data: a coach's dashboards and a published plan", async () => {
    const callerOf = async (email: string) => {
      const [user] = await database.db.select().from(schema.user).where(eq(schema.user.email, email));
      return createCaller(
        createContextFor(
          {
            ...database,
            appUrl: "http://localhost:3000",
            mailboxEnabled: true,
            sealingSecret: "large-test-sealing-secret-of-32-characters",
          },
          user?.id ?? null,
        ),
      );
    };
    const coach = await callerOf(first.signIns.coach.email);
    const teams = await coach.dashboards.teams();
    expect(teams.length).toBe(first.signIns.coach.teams);
    const [team] = teams;
    expect(await coach.dashboards.team({ teamId: team?.id ?? "" })).toBeTruthy();

    const [plan] = await database.db
      .select({ id: schema.coachingPlans.id, email: schema.people.email })
      .from(schema.coachingPlans)
      .innerJoin(schema.people, eq(schema.people.id, schema.coachingPlans.subjectId))
      .where(and(eq(schema.coachingPlans.orgId, first.orgId), eq(schema.coachingPlans.state, "active")))
      .limit(1);
    const owner = await callerOf(plan?.email ?? "");
    expect(await owner.plans.get({ planId: plan?.id ?? "" })).toMatchObject({ state: "active" });
  });

  it("is deterministic: the same seed gives the same people, another seed other people", async () => {
    const again = await run("Large Test Again");
    expect(await peopleOf(again.orgId)).toEqual(await peopleOf(first.orgId));
    const { user, account, ...tenantTables } = again.tables;
    expect(tenantTables).toEqual((({ user, account, ...rest }) => rest)(first.tables));
    const names = (seed: number) =>
      planOrganisation(createRandom(seed, "organisation"), PEOPLE, "x.test").people.map((p) => p.name);
    expect(names(7)).toEqual(names(7));
    expect(names(8)).not.toEqual(names(7));
  }, 120_000);

  it("refuses a second run with the same name, and writes nothing", async () => {
    const before = await countOrganisations(database.db);
    await expect(run("Large Test")).rejects.toBeInstanceOf(LargeSeedRefused);
    await expect(run("Large Test")).rejects.toThrow(/An organisation named "Large Test" exists already/);
    expect(await countOrganisations(database.db)).toBe(before);
  });

  it("removes what it wrote when a run fails half-way", async () => {
    const before = await countOrganisations(database.db);
    await expect(
      seedLargeOrganisation(database.db, {
        people: 60,
        cycles: 1,
        name: "Large Test Broken",
        password: PASSWORD,
        now: NOW,
        onProgress: (p) => {
          if (p.stage !== "people") throw new Error("interrupted");
        },
      }),
    ).rejects.toThrow("interrupted");
    expect(await countOrganisations(database.db)).toBe(before);
    const users = await database.db
      .select()
      .from(schema.user)
      .where(like(schema.user.email, "%@large-test-broken.test"));
    expect(users).toEqual([]);
  });
});
