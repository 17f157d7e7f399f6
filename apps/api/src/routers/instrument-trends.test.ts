// A team dashboard's trend across cycles whose reports used different instrument versions (issue
// 19): it compares only the behaviours kept under the same key, and says so; on one version it says
// nothing and reads as before.
import { testDriver } from "@fivefold/db/testing";
import { builtInItems, DAY_MS, isoDay } from "@fivefold/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { collectOrg, createHarness, type Harness } from "../testing/harness";
import { releasedInCycle } from "../testing/released-request";

let h: Harness;
let a: SeededOrganisation;
const day = (days: number) => isoDay(new Date(Date.now() + days * DAY_MS));
const calendar = () => ({ nominationsCloseOn: day(7), answersDueOn: day(21), releaseOn: day(28) });
const SUBJECTS = ["subject", "p1", "p2"];

async function cycleOfReports(name: string, score: number) {
  const { id: cycleId } = await h
    .as(a, "admin")
    .cycles.create({ name, population: { everyone: true }, ...calendar() });
  for (const subject of SUBJECTS) {
    await releasedInCycle(h, a, { subject, raters: ["p4", "p5", "p6"], score, cycleId });
  }
  return cycleId;
}

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  // The same raters twice: this test is about versions, not rule 10's comparison window.
  await h.as(a, "admin").settings.update({ historyWindowDays: 0 });
});
afterAll(async () => {
  await h?.close();
});

describe(`team trends across instrument versions on ${testDriver()}`, { timeout: 120_000 }, () => {
  it("says nothing on one version, and names the versions and the kept behaviours across two", async () => {
    const teamId = a.teams.Core ?? "";
    await cycleOfReports("Spring", 3);
    await cycleOfReports("Summer", 4);
    const same = await h.as(a, "coach").dashboards.team({ teamId });
    expect(same.trendNote).toBeNull();

    // Version 2 rewords one behaviour: every key is kept, and the trend says it compares them.
    const admin = h.as(a, "admin");
    await admin.instrument.draft({
      items: builtInItems().map((item) =>
        item.key === "dream.3"
          ? { ...item, text: { ...item.text, en: "Seeks out experienced people early" } }
          : item,
      ),
    });
    await admin.instrument.publish();
    await cycleOfReports("Autumn", 5);
    const across = await h.as(a, "coach").dashboards.team({ teamId });
    expect(across.trendNote).toMatch(
      /different versions of the questionnaire \(1, 2\).*only the 20 behaviours/,
    );
    const points = across.trend.filter((t) => t.means.inspire !== null);
    // (The three cycles share a calendar, so their order is not the point here.)
    expect(Object.fromEntries(points.map((t) => [t.name, t.means.inspire?.mean]))).toEqual({
      Spring: 3,
      Summer: 4,
      Autumn: 5,
    });
    expect(points.every((t) => t.means.inspire?.people === 3)).toBe(true);
  });
});
