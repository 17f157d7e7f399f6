// instrument.* through createCaller on the real schema (issue 19): admins draft and publish their
// organisation's own versions (reworded, added, retired, in English and German), versions are per
// organisation, a request freezes the version it opens with, and reports record and explain theirs.
import { testDriver } from "@fivefold/db/testing";
import { builtInItems, DAY_MS, type VersionItem } from "@fivefold/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { collectOrg, createHarness, type Harness, idOf, smallOrg } from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;
const inDays = (days: number) => new Date(Date.now() + days * DAY_MS).toISOString();

const added: VersionItem = {
  key: "inspire.listen-first",
  dimension: "inspire",
  text: {
    en: "Listens to the whole team before proposing a way forward",
    de: "Hört dem ganzen Team zu, bevor ein Weg vorgeschlagen wird",
  },
  retired: false,
};
/** One reworded, one added and one retired behaviour. */
const customItems = (): VersionItem[] => [
  ...builtInItems().map((item) =>
    item.key === "vision.4"
      ? { ...item, text: { ...item.text, en: "Offers help early when someone is stuck" } }
      : item.key === "risk.2"
        ? { ...item, retired: true }
        : item,
  ),
  added,
];

/** Every behaviour the form asks, scored alike. */
const answersFor = (instrument: { dimensions: { items: { id: string }[] }[] }, score: number) =>
  instrument.dimensions.flatMap((d) => d.items.map((item) => ({ itemId: item.id, score })));

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  b = await h.seed(smallOrg("Beta", "beta.test"));
});
afterAll(async () => {
  await h?.close();
});

describe(`instrument versions on ${testDriver()}`, { timeout: 60_000 }, () => {
  it("starts on the built-in version 1, in English and German, with no draft", async () => {
    const admin = h.as(a, "admin");
    const versions = await admin.instrument.list();
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, publishedAt: null });
    expect(versions[0]?.items).toHaveLength(20);
    expect(versions[0]?.items[0]?.text.de).toMatch(/Team/);
    expect(await admin.instrument.getDraft()).toBeNull();
    expect((await h.as(a, "p1").instrument.get()).version).toBe(1);
  });

  it("refuses a draft that drops a key, moves one or retires a whole dimension, in sentences", async () => {
    const admin = h.as(a, "admin");
    const dropped = builtInItems().filter((item) => item.key !== "dream.3");
    await expect(admin.instrument.draft({ items: dropped })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message:
        'The behaviour "dream.3" of the published version is missing: retire it instead, so its key stays',
    });
    const emptied = builtInItems().map((item) =>
      item.dimension === "risk" ? { ...item, retired: true } : item,
    );
    await expect(admin.instrument.draft({ items: emptied })).rejects.toMatchObject({
      message: "Take risks needs at least one behaviour that is not retired",
    });
    const noGerman = builtInItems().map((item, i) =>
      i === 0 ? { ...item, text: { en: item.text.en, de: "" } } : item,
    );
    await expect(admin.instrument.draft({ items: noGerman })).rejects.toMatchObject({
      code: "BAD_REQUEST",
      message: expect.stringMatching(/German text/),
    });
    await expect(admin.instrument.publish()).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "There is no draft to publish: save a draft first",
    });
    expect(await admin.instrument.getDraft()).toBeNull();
  });

  it("refuses to publish a draft that changes nothing", async () => {
    const admin = h.as(a, "admin");
    expect(await admin.instrument.draft({ items: builtInItems() })).toMatchObject({
      version: 2,
      changes: false,
    });
    await expect(admin.instrument.publish()).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
      message: "The draft is the same as version 1: change a behaviour before publishing",
    });
  });

  it("non-admins neither read nor change the instrument's versions", async () => {
    for (const key of ["manager", "p1", "coach"]) {
      await expect(h.as(a, key).instrument.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(h.as(a, key).instrument.draft({ items: customItems() })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(h.as(a, key).instrument.publish()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
  });

  it("freezes the version a request opens with: publishing later changes neither its form nor its report", async () => {
    const manager = h.as(a, "manager");
    const before = await manager.requests.create({
      subjectId: idOf(a, "subject"),
      deadline: inDays(7),
      raters: ["p1", "p2", "p3"].map((key) => ({ personId: idOf(a, key), group: "peer" as const })),
    });
    const admin = h.as(a, "admin");
    const draft = await admin.instrument.draft({ items: customItems() });
    expect(draft).toMatchObject({ version: 2, changes: true });
    expect(draft.items.find((i) => i.key === "inspire.listen-first")?.text.de).toMatch(/Team/);
    expect(await admin.instrument.publish()).toMatchObject({ version: 2 });
    expect(await admin.instrument.getDraft()).toBeNull();

    for (const key of ["p1", "p2", "p3", "subject"]) {
      const caller = h.as(a, key);
      const invitation = (await caller.inbox.list()).find((i) => i.requestId === before.id);
      const form = await caller.responses.get({ invitationId: invitation?.invitationId ?? "" });
      expect(form.instrumentVersion).toBe(1);
      expect(form.instrument.version).toBe(1);
      await caller.responses.submit({
        invitationId: form.invitationId,
        answers: answersFor(form.instrument, 4),
      });
    }
    await manager.requests.close({ requestId: before.id });
    const report = await manager.reports.get({ requestId: before.id });
    expect(report.instrumentVersion).toBe(1);
    expect(report.dimensions.flatMap((d) => d.items.map((i) => i.id))).toContain("risk.2");
  });

  it("serves version 2 to Alpha's people, version 1 to Beta's, and lists versions per organisation", async () => {
    const current = await h.as(a, "p4").instrument.get();
    expect(current.version).toBe(2);
    const inspire = current.dimensions.find((d) => d.key === "inspire");
    expect(inspire?.items.map((i) => i.id)).toContain("inspire.listen-first");
    expect(current.dimensions.find((d) => d.key === "risk")?.items.map((i) => i.id)).not.toContain("risk.2");
    expect(
      current.dimensions.find((d) => d.key === "vision")?.items.find((i) => i.id === "vision.4")?.text,
    ).toBe("Offers help early when someone is stuck");
    expect((await h.as(a, "p4").instrument.get({ version: 1 })).version).toBe(1);
    expect((await h.as(b, "ann").instrument.get()).version).toBe(1);
    await expect(h.as(b, "ann").instrument.get({ version: 2 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(h.callerFor(null).instrument.get({ version: 2 })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await h.as(a, "admin").instrument.list()).map((v) => v.version)).toEqual([1, 2]);
    expect((await h.as(b, "admin").instrument.list()).map((v) => v.version)).toEqual([1]);
    const log = await h.as(a, "admin").audit.list({ limit: 200 });
    expect(log.items.map((i) => i.action)).toContain("instrument.publish");
  });

  it("asks a new request version 2, refuses a retired behaviour's answer, and its report says it trends on kept keys", async () => {
    const manager = h.as(a, "manager");
    const next = await manager.requests.create({
      subjectId: idOf(a, "subject"),
      deadline: inDays(7),
      raters: ["p4", "p5", "p6"].map((key) => ({ personId: idOf(a, key), group: "peer" as const })),
    });
    expect((await manager.requests.get({ requestId: next.id })).instrumentVersion).toBe(2);
    const p4 = h.as(a, "p4");
    const invitation = (await p4.inbox.list()).find((i) => i.requestId === next.id);
    const form = await p4.responses.get({ invitationId: invitation?.invitationId ?? "" });
    expect(form.instrument.version).toBe(2);
    await expect(
      p4.responses.submit({
        invitationId: form.invitationId,
        answers: [...answersFor(form.instrument, 3), { itemId: "risk.2", score: 3 }],
      }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    for (const key of ["p4", "p5", "p6", "subject"]) {
      const caller = h.as(a, key);
      const mine = (await caller.inbox.list()).find((i) => i.requestId === next.id);
      // The organisation's own behaviour is the one rated lowest.
      const answers = answersFor(form.instrument, 2).map((x) =>
        x.itemId === added.key && key !== "subject" ? { ...x, score: 1 } : x,
      );
      await caller.responses.submit({ invitationId: mine?.invitationId ?? "", answers });
    }
    expect((await manager.requests.close({ requestId: next.id })).state).toBe("released");
    const report = await h.as(a, "subject").reports.get({ requestId: next.id });
    expect(report.instrumentVersion).toBe(2);
    const items = report.dimensions.flatMap((d) => d.items);
    expect(items.find((i) => i.id === "inspire.listen-first")?.text).toBe(added.text.en);
    expect(report.trend.inspire).toHaveLength(2);
    expect(report.trendNote).toMatch(
      /versions of the questionnaire \(1, 2\).*compares only the 19 behaviours/,
    );
    // The trend's inspire points are the kept behaviours' means (the new one, at 1, left out).
    expect(report.trend.inspire.map((p) => p.mean)).toEqual([4, 2]);
    expect(report.dimensions.find((d) => d.key === "inspire")?.others?.mean).toBeLessThan(2);

    // A plan from it suggests the general action, since no catalogue action knows that behaviour.
    const plan = await h.as(a, "subject").plans.create({ requestId: next.id });
    expect(plan.focus[0]).toBe("inspire");
    expect(plan.actions[0]).toMatchObject({ id: "inspire.own-behaviour", dimension: "inspire" });
  });
});
