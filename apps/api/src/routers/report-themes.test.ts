// Themes of a report's comments (issue 19) through reports.get: each attack on them is a test named
// after it. Themes are read from the shown comments at release with the language library in this
// process, decided by the domain at the comment threshold, and frozen in the snapshot.
import { testDriver } from "@fivefold/db/testing";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { reportCache } from "../services/reports/cache";
import { fullAnswers } from "../testing/answers";
import { collectOrg, createHarness, type Harness, idOf } from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  // Several reports on one subject here; comparing them is rule 10's (anonymity-attacks.test.ts).
  await h.as(a, "admin").settings.update({ historyWindowDays: 0 });
}, 60_000);
afterEach(async () => {
  await h?.cancelActiveRequests();
});
afterAll(async () => {
  await h?.close();
});

type Comments = Array<{ dimension: "vision" | "risk" | "inspire"; text: string }>;

/** Peers answer with these comments (one list per peer), the subject too; the manager closes. */
async function release(peerComments: Comments[], first = 1): Promise<string> {
  const peers = peerComments.map((_, i) => `p${i + first}`);
  const manager = h.as(a, "manager");
  const { id: requestId } = await manager.requests.create({
    subjectId: idOf(a, "subject"),
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    raters: peers.map((key) => ({ personId: idOf(a, key), group: "peer" as const })),
  });
  const answering: Array<[string, Comments]> = [
    ...peers.map((key, i) => [key, peerComments[i] ?? []] as [string, Comments]),
    ["subject", [{ dimension: "vision", text: "I keep a clear roadmap and clear goals, says the subject." }]],
  ];
  for (const [key, comments] of answering) {
    const caller = h.as(a, key);
    const invitation = (await caller.inbox.list()).find((i) => i.requestId === requestId);
    if (!invitation) throw new Error(`${key} was not invited`);
    await caller.responses.submit({
      invitationId: invitation.invitationId,
      answers: fullAnswers(4),
      comments,
    });
  }
  expect(await manager.requests.close({ requestId })).toEqual({ state: "released" });
  return requestId;
}

const labels = (themes: Array<{ label: string }>) => themes.map((t) => t.label);

describe(`reports.get themes on ${testDriver()}`, () => {
  it("a reader who asks for a report where one rater wrote a unique phrase does not see it as a theme", async () => {
    const requestId = await release([
      [{ dimension: "vision", text: "She sets clear goals for every quarter." }],
      [{ dimension: "vision", text: "Clear goals, always written down." }],
      [{ dimension: "vision", text: "We get clear goals and the reasons behind them." }],
      [{ dimension: "vision", text: "Clear goals, though the skunkworks migration surprised us." }],
    ]);
    const report = await h.as(a, "subject").reports.get({ requestId });
    expect(report.themes.vision).toEqual([{ label: "clear goals", responses: 4 }]);
    expect(JSON.stringify(report.themes)).not.toMatch(/skunkworks|migration|quarter|reason/);
    // The other readers of the report are shown the same themes, and no more.
    for (const reader of ["manager", "coach"] as const) {
      expect((await h.as(a, reader).reports.get({ requestId })).themes).toEqual(report.themes);
    }
  }, 60_000);

  it("a theme that k − 1 responses share is hidden, and one that k share is shown", async () => {
    const requestId = await release([
      [{ dimension: "risk", text: "Bold decisions, and a steady hand." }],
      [{ dimension: "risk", text: "He makes bold decisions early." }],
      [{ dimension: "risk", text: "Weekly retrospectives keep us honest." }],
      [{ dimension: "risk", text: "Weekly retrospectives are where risks get named." }],
      [{ dimension: "risk", text: "I like the weekly retrospectives." }],
    ]);
    const { themes } = await h.as(a, "subject").reports.get({ requestId });
    expect(labels(themes.risk)).toContain("weekly retrospectives");
    expect(themes.risk.find((t) => t.label === "weekly retrospectives")?.responses).toBe(3);
    expect(labels(themes.risk).join(" ")).not.toMatch(/bold|decision|hand/);
    // Nothing in another dimension, and the self comment (identifiable) never makes a theme.
    expect(themes.inspire).toEqual([]);
    expect(themes.vision).toEqual([]);
  }, 60_000);

  it("themes are frozen: a later erasure of a rater or a raised comment threshold does not alter them", async () => {
    const requestId = await release([
      [{ dimension: "inspire", text: "Honest feedback every week." }],
      [{ dimension: "inspire", text: "Gives honest feedback." }],
      [{ dimension: "inspire", text: "Honest feedback, kindly." }],
    ]);
    const before = (await h.as(a, "subject").reports.get({ requestId })).themes;
    expect(before.inspire).toEqual([{ label: "honest feedback", responses: 3 }]);
    await h.as(a, "admin").settings.update({ commentThreshold: 6 });
    await h.as(a, "admin").people.erase({ personId: idOf(a, "p1") });
    // Read again from the database, not from this process's cache of derived reports.
    reportCache.forgetSubject(a.orgId, idOf(a, "subject"));
    expect((await h.as(a, "subject").reports.get({ requestId })).themes).toEqual(before);
    await h.as(a, "admin").settings.update({ commentThreshold: 3 });
  }, 60_000);
});

describe(`the behaviour-first report layout on ${testDriver()}`, () => {
  it("opens as the organisation chose (scores by default), and a change reaches readers at once", async () => {
    // Peers p2–p4: p1 was erased above.
    const requestId = await release([[], [], []], 2);
    const subject = h.as(a, "subject");
    const first = await subject.reports.get({ requestId });
    expect(first.defaultMode).toBe("scores");
    expect(await h.as(a, "admin").settings.update({ reportMode: "behaviours" })).toMatchObject({
      reportMode: "behaviours",
    });
    const second = await subject.reports.get({ requestId });
    expect(second.defaultMode).toBe("behaviours");
    // Behaviours to keep and to work on, with suggested actions, and no score among them.
    expect(second.behaviours.keep.length).toBeGreaterThan(0);
    expect(second.behaviours.workOn.every((b) => b.actions.length > 0)).toBe(true);
    expect(JSON.stringify(second.behaviours)).not.toMatch(/"mean"|"n"|"score"/);
    await expect(h.as(a, "manager").settings.update({ reportMode: "scores" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(
      h.as(a, "admin").settings.update({ reportMode: "numbers" as "scores" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await h.as(a, "admin").settings.update({ reportMode: "scores" });
  }, 60_000);
});
