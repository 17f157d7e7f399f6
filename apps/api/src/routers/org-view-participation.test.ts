// The organisation view's participation counts only invitations that count towards k, live and
// frozen at release. Each request's own progress hides whether a rater who does not count (an
// external address, say) answered; were the organisation's figure to count them, subtracting the
// requests' progress from it would tell exactly that.
import { schema } from "@fivefold/db";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { forgetCachedViews } from "../services/analytics/org";
import { advanceCycles } from "../services/cycles/advance";
import { fullAnswers } from "../testing/answers";
import { collectOrg, createHarness, type Harness, idOf as id, systemContext } from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;
let cycleId: string;
/** What the requests' own progress shows answered, summed over the cycle's open requests. */
let shownByRequests = 0;

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  await h.database.db
    .insert(schema.personRoles)
    .values({ orgId: a.orgId, personId: id(a, "stranger"), role: "analyst" });
  const admin = h.as(a, "admin");
  const created = await admin.cycles.create({
    name: "Participation",
    population: { teamIds: [a.teams.Core ?? ""] },
    nominationsCloseOn: day(7),
    answersDueOn: day(21),
    releaseOn: day(28),
  });
  cycleId = created.id;
  await admin.cycles.launch({ cycleId });
  await advanceCycles({ ctx: systemContext(h, { now: new Date(Date.now() + 8 * 86_400_000) }) });
  const d1 = h.as(a, "d1");
  const invitation = (await d1.inbox.list()).find((i) => i.group === "direct_report");
  if (!invitation) throw new Error("d1 not invited");
  await d1.responses.submit({ invitationId: invitation.invitationId, answers: fullAnswers(4) });
  // An external rater who does not count towards k answered on the same request.
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
  const requests = await h.database.db
    .select({ id: schema.feedbackRequests.id })
    .from(schema.feedbackRequests)
    .where(and(eq(schema.feedbackRequests.cycleId, cycleId), eq(schema.feedbackRequests.state, "open")));
  for (const request of requests) {
    for (const line of (await admin.requests.progress({ requestId: request.id })).groups) {
      shownByRequests += line.submitted ?? 0;
    }
  }
  expect(shownByRequests).toBe(1);
});
afterAll(async () => {
  await h?.close();
});

describe("the organisation view's participation", () => {
  it("subtracting the requests' own progress from the organisation's participation tells nothing of a rater who does not count (live)", async () => {
    forgetCachedViews();
    const view = await h.as(a, "stranger").analytics.org({ cycleId, by: "team" });
    expect(view.participation.answered - shownByRequests).toBe(0);
    expect(view.participation.answered).toBe(1);
  });

  it("subtracting the requests' own progress from the organisation's participation tells nothing of a rater who does not count (frozen at release)", async () => {
    await h.database.db.update(schema.cycles).set({ phase: "closed" }).where(eq(schema.cycles.id, cycleId));
    await h.as(a, "admin").cycles.release({ cycleId });
    const [cycle] = await h.database.db
      .select({ phase: schema.cycles.phase })
      .from(schema.cycles)
      .where(eq(schema.cycles.id, cycleId));
    expect(cycle?.phase).toBe("released");
    const [frozen] = await h.database.db
      .select({ participation: schema.cycleViewCells.participation })
      .from(schema.cycleViewCells)
      .where(and(eq(schema.cycleViewCells.cycleId, cycleId), eq(schema.cycleViewCells.key, "all")));
    expect(frozen?.participation).toMatchObject({ answered: 1 });
    const view = await h.as(a, "stranger").analytics.org({ cycleId, by: "team" });
    expect(view.participation.answered - shownByRequests).toBe(0);
  });
});
