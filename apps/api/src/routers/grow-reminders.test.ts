// The check-in reminder job on the real schema: "due" to the owner on the due day, "overdue" to
// the owner and the lead after the grace period, each once per due day, also when runs overlap.
import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { addDays } from "@fivefold/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { sendCheckinReminders } from "../services/grow/reminders";
import { planWithCircle, releaseReport } from "../testing/grow";
import { collectOrg, createHarness, type Harness, TEST_APP_URL } from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;
let planId: string;
let draftPlanId: string;
let otherOrgPlanId: string;
let due: string[];

const peers = ["p1", "p2", "p3", "p4"].map((key) => ({ key, group: "peer" as const }));
const at = (day: string, hours = 9) => new Date(`${day}T${String(hours).padStart(2, "0")}:00:00Z`);
const run = (now: Date) =>
  sendCheckinReminders({ ctx: { db: h.database.db, appUrl: TEST_APP_URL, now: () => now } });

async function reminderMails() {
  const rows = await h.database.db.select().from(schema.outbox);
  return rows
    .filter((row) => row.template === "checkin_due" || row.template === "checkin_overdue")
    .map((row) => ({ ...row, meta: row.meta as { planId?: string; dueOn?: string } }));
}

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  b = await h.seed(collectOrg("Beta", "beta.test"));
  const requestId = await releaseReport(h, a, "subject", peers, (i) => 2 + (i % 3));
  planId = await planWithCircle(h, a, {
    requestId,
    owner: "subject",
    partners: ["p1", "p2", "p3"],
    lead: "p5",
  });
  await h.as(a, "subject").plans.update({ planId, cadence: "weekly" });
  await h.as(a, "subject").plans.publish({ planId });
  const draftRequest = await releaseReport(h, a, "p6", peers, () => 3);
  ({ id: draftPlanId } = await h.as(a, "p6").plans.create({ requestId: draftRequest }));
  const otherRequest = await releaseReport(h, b, "subject", peers, () => 3);
  otherOrgPlanId = await planWithCircle(h, b, {
    requestId: otherRequest,
    owner: "subject",
    partners: ["p1", "p2", "p3"],
    lead: "p4",
    publish: true,
  });
  due = (await h.as(a, "subject").plans.get({ planId })).schedule.map((entry) => entry.dueOn);
});
afterAll(async () => {
  await h?.close();
});

describe(`check-in reminders on ${testDriver()}`, () => {
  it("sends nothing before the first due day, and nothing for a check-in already made", async () => {
    expect(due).toHaveLength(12);
    const first = due[0] ?? "";
    expect(await run(at(addDays(first, -3)))).toEqual([]);
    await h.as(a, "subject").checkins.log({ planId, progress: 10, note: "Started", actions: [] });
    expect((await run(at(first))).filter((r) => r.planId === planId)).toEqual([]);
    expect((await run(at(addDays(first, 3)))).filter((r) => r.planId === planId)).toEqual([]);
  });

  it("tells the owner on the due day, once", async () => {
    const second = due[1] ?? "";
    const sent = await run(at(second));
    expect(sent.filter((r) => r.planId === planId)).toEqual([
      { planId, kind: "due", dueOn: second, to: "subject@alpha.test" },
    ]);
    expect(sent.filter((r) => r.planId === otherOrgPlanId)).toEqual([
      { planId: otherOrgPlanId, kind: "due", dueOn: second, to: "subject@beta.test" },
    ]);
    expect(sent.some((r) => r.planId === draftPlanId)).toBe(false);
    expect(await run(at(second, 18))).toEqual([]);
    const [mail] = (await reminderMails()).filter((m) => m.meta.planId === planId);
    expect(mail).toMatchObject({
      template: "checkin_due",
      toEmail: "subject@alpha.test",
      subject: "Time for your coaching plan check-in",
      meta: { planId, dueOn: second },
    });
    expect(mail?.text).toContain(`${TEST_APP_URL}/plans/${planId}`);
  });

  it("flags an overdue check-in to the owner and the lead, once each, even when runs overlap", async () => {
    const second = due[1] ?? "";
    const now = at(addDays(second, 3));
    const [first, again] = await Promise.all([run(now), run(now)]);
    const both = [...(first ?? []), ...(again ?? [])].filter((r) => r.planId === planId);
    expect(both.map((r) => [r.kind, r.to]).sort()).toEqual([
      ["overdue", "p5@alpha.test"],
      ["overdue", "subject@alpha.test"],
    ]);
    expect(await run(now)).toEqual([]);
    const mails = (await reminderMails()).filter(
      (m) => m.meta.planId === planId && m.template === "checkin_overdue",
    );
    expect(mails).toHaveLength(2);
    const lead = mails.find((m) => m.toEmail === "p5@alpha.test");
    expect(lead?.subject).toBe("Subject Alpha's check-in is overdue");
    expect(lead?.text).not.toMatch(/\d\.\d/);
    // Partners who are not the lead are not told.
    expect(mails.some((m) => ["p1@alpha.test", "p2@alpha.test", "p3@alpha.test"].includes(m.toEmail))).toBe(
      false,
    );
  });

  it("moves on to the next due day once it arrives, and stops when the plan closes", async () => {
    const third = due[2] ?? "";
    const sent = (await run(at(addDays(third, 3)))).filter((r) => r.planId === planId);
    expect(sent.map((r) => [r.kind, r.dueOn, r.to]).sort()).toEqual([
      ["overdue", third, "p5@alpha.test"],
      ["overdue", third, "subject@alpha.test"],
    ]);
    await h.as(a, "subject").plans.close({ planId, reflection: "Stopping here" });
    const later = await run(at(addDays(due[4] ?? "", 3)));
    expect(later.filter((r) => r.planId === planId)).toEqual([]);
    const [row] = await h.database.db
      .select()
      .from(schema.coachingPlans)
      .where(eq(schema.coachingPlans.id, planId));
    expect(row?.state).toBe("closed");
  });

  it("leaves a deactivated lead out of the overdue mail, and a deactivated owner gets none", async () => {
    // The other organisation's plan, at due days later than any run above.
    const days = (await h.as(b, "subject").plans.get({ planId: otherOrgPlanId })).schedule.map(
      (e) => e.dueOn,
    );
    const setActive = (email: string, active: boolean) =>
      h.database.db.update(schema.people).set({ active }).where(eq(schema.people.email, email));
    await setActive("p4@beta.test", false);
    const sent = (await run(at(addDays(days[4] ?? "", 3)))).filter((r) => r.planId === otherOrgPlanId);
    expect(sent.map((r) => r.to)).toEqual(["subject@beta.test"]);
    await setActive("p4@beta.test", true);
    await setActive("subject@beta.test", false);
    expect((await run(at(addDays(days[5] ?? "", 3)))).filter((r) => r.planId === otherOrgPlanId)).toEqual([]);
    await setActive("subject@beta.test", true);
  });
});
