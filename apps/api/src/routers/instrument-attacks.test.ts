// Attacks on anonymity through an organisation's own instrument (issue 19), mounted through the API
// on the real schema. Each test is named after its attack and fails without its defence: a request
// freezes its version (forms and answers follow it), and rule 10 compares across versions.
import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { builtInItems, DAY_MS, type VersionItem } from "@fivefold/domain";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { fullAnswers } from "../testing/answers";
import { collectOrg, createHarness, type Harness, idOf } from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();
const peers = (...keys: string[]) => keys.map((key) => ({ personId: idOf(a, key), group: "peer" as const }));

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
});
// Each attack starts from an organisation on the built-in version, without requests.
afterEach(async () => {
  await h?.database.db.delete(schema.feedbackRequests).where(eq(schema.feedbackRequests.orgId, a.orgId));
  await h?.database.db.delete(schema.instrumentVersions).where(eq(schema.instrumentVersions.orgId, a.orgId));
});
afterAll(async () => {
  await h?.close();
});

async function publish(items: VersionItem[]) {
  const admin = h.as(a, "admin");
  await admin.instrument.draft({ items });
  return admin.instrument.publish();
}

/** The one-time link in the invitation mail to this address. */
async function tokenFor(email: string, requestId: string): Promise<string> {
  const mails = await h.database.db.select().from(schema.outbox).where(eq(schema.outbox.toEmail, email));
  const mail = mails.find((m) => (m.meta as { requestId?: string }).requestId === requestId);
  const link = (mail?.meta as { link?: string } | undefined)?.link;
  if (!link) throw new Error(`no invitation mail to ${email}`);
  return link.replace("/r/", "");
}

async function submitAs(key: string, requestId: string, answers: ReturnType<typeof fullAnswers>) {
  const caller = h.as(a, key);
  const invitation = (await caller.inbox.list()).find((i) => i.requestId === requestId);
  if (!invitation) throw new Error(`${key} is not invited to ${requestId}`);
  await caller.responses.submit({ invitationId: invitation.invitationId, answers });
}

describe(`instrument attacks on ${testDriver()}`, { timeout: 90_000 }, () => {
  it("publishing mid-request to split raters: the open request keeps its questionnaire and its raters stay one group", async () => {
    const manager = h.as(a, "manager");
    const request = await manager.requests.create({
      subjectId: idOf(a, "subject"),
      deadline: inDays(7),
      raters: peers("p1", "p2", "p3", "p4"),
    });
    await submitAs("p1", request.id, fullAnswers(2));
    await submitAs("p2", request.id, fullAnswers(2));
    // The admin retires a behaviour and adds one while the request collects.
    await publish([
      ...builtInItems().map((item) => (item.key === "inspire.2" ? { ...item, retired: true } : item)),
      {
        key: "inspire.fresh",
        dimension: "inspire",
        text: { en: "A behaviour added mid-request", de: "Ein neues Verhalten mitten in der Anfrage" },
        retired: false,
      },
    ]);
    // The later raters are asked what the earlier ones were, by link and in the app.
    const token = await tokenFor("p3@alpha.test", request.id);
    const byLink = await h.callerFor(null).responses.getByToken({ token });
    expect(byLink.instrument.version).toBe(1);
    expect(byLink.instrument.dimensions[0]?.items.map((i) => i.id)).toContain("inspire.2");
    await expect(
      h.callerFor(null).responses.submitByToken({
        token,
        answers: [...fullAnswers(4), { itemId: "inspire.fresh", score: 4 }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await h.callerFor(null).responses.submitByToken({ token, answers: fullAnswers(4) });
    await submitAs("p4", request.id, fullAnswers(4));

    expect((await manager.requests.close({ requestId: request.id })).state).toBe("released");
    const report = await manager.reports.get({ requestId: request.id });
    expect(report.instrumentVersion).toBe(1);
    const retired = report.dimensions.flatMap((d) => d.items).find((i) => i.id === "inspire.2");
    // One figure on all four raters: none split into groups of two under k.
    expect(retired?.others).toMatchObject({ n: 4, mean: 3 });
    expect(report.dimensions.flatMap((d) => d.items).some((i) => i.id === "inspire.fresh")).toBe(false);
  });

  it("a new version as an escape from rule 10: {p1,p2,p3} on v1, then {p1,p2,p3,p4} on v2 does not give p4's answers", async () => {
    const manager = h.as(a, "manager");
    const first = await manager.requests.create({
      subjectId: idOf(a, "subject"),
      deadline: inDays(7),
      raters: peers("p1", "p2", "p3"),
    });
    for (const key of ["p1", "p2", "p3"]) await submitAs(key, first.id, fullAnswers(3));
    expect((await manager.requests.close({ requestId: first.id })).state).toBe("released");
    // Same keys, one behaviour reworded: the same questions under a new version number.
    await publish(
      builtInItems().map((item) =>
        item.key === "vision.4"
          ? { ...item, text: { ...item.text, en: "Offers help early when someone is stuck" } }
          : item,
      ),
    );
    const second = await manager.requests.create({
      subjectId: idOf(a, "subject"),
      deadline: inDays(7),
      raters: peers("p1", "p2", "p3", "p4"),
    });
    expect((await manager.requests.get({ requestId: second.id })).instrumentVersion).toBe(2);
    // The manager is warned before opening, as on one version.
    expect(second.warnings.map((w) => w.kind)).toEqual(["close_to_earlier_report"]);
    for (const key of ["p1", "p2", "p3"]) await submitAs(key, second.id, fullAnswers(3));
    await submitAs("p4", second.id, fullAnswers(5));
    // Every figure would differ from the first report by p4 alone.
    expect((await manager.requests.close({ requestId: second.id })).state).toBe("insufficient");
  });
});
