// The language of a form opened with a one-time link, through createCaller on the real schema: the
// invitee's own choice, else their organisation's default (an external's is the organisation's);
// every behaviour carries its German wording under the same key; and a submit records no language.
import { queryRows, schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { INSTRUMENT_V1_GERMAN } from "@fivefold/domain";
import { eq, sql } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
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
afterEach(async () => {
  await h?.cancelActiveRequests();
  await h?.as(a, "admin").settings.update({ language: "en" });
});
afterAll(async () => {
  await h?.close();
});

async function openRequest() {
  const { id: requestId } = await h.as(a, "manager").requests.create({
    subjectId: id(a, "subject"),
    deadline: inDays(14),
    raters: [
      ...["p1", "p2", "p3"].map((key) => ({ personId: id(a, key), group: "peer" as const })),
      { email: "ext@partner.test", group: "other" as const },
    ],
  });
  return requestId;
}

async function tokenFor(email: string, requestId: string): Promise<string> {
  const rows = await h.database.db.select().from(schema.outbox).where(eq(schema.outbox.toEmail, email));
  const mail = rows.find((r) => (r.meta as { requestId?: string }).requestId === requestId);
  const link = (mail?.meta as { link?: string } | undefined)?.link;
  if (!link) throw new Error(`no invitation mail to ${email}`);
  return link.replace("/r/", "");
}

describe(`a one-time link's language on ${testDriver()}`, () => {
  it("speaks the invitee's choice, else the organisation's default; an external reads the organisation's", async () => {
    const requestId = await openRequest();
    const anon = h.callerFor(null);
    const form = (email: string) =>
      tokenFor(email, requestId).then((token) => anon.responses.getByToken({ token }));

    expect((await form("p1@alpha.test")).language).toBe("en");
    await h.as(a, "p1").me.setLanguage({ language: "de" });
    expect((await form("p1@alpha.test")).language).toBe("de");
    // p2 follows the organisation, and so does the external rater.
    expect((await form("p2@alpha.test")).language).toBe("en");
    expect((await form("ext@partner.test")).language).toBe("en");

    await h.as(a, "admin").settings.update({ language: "de" });
    expect((await form("p2@alpha.test")).language).toBe("de");
    expect((await form("ext@partner.test")).language).toBe("de");
    // A person's own choice stands over the organisation's.
    await h.as(a, "p3").me.setLanguage({ language: "en" });
    expect((await form("p3@alpha.test")).language).toBe("en");
    await h.as(a, "p1").me.setLanguage({ language: null });
    await h.as(a, "p3").me.setLanguage({ language: null });
  });

  it("every behaviour keeps its key and carries its German wording; the promise's facts come along", async () => {
    const requestId = await openRequest();
    const form = await h
      .callerFor(null)
      .responses.getByToken({ token: await tokenFor("p1@alpha.test", requestId) });
    const items = form.instrument.dimensions.flatMap((d) => d.items);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item.texts.en).toBe(item.text);
      expect(item.texts.de).toBe(INSTRUMENT_V1_GERMAN[item.id]);
    }
    expect(form).toMatchObject({ group: "peer", threshold: 3, counts: true, identifiable: false });
    // The signed-in form says the same.
    const inbox = await h.as(a, "p1").inbox.list();
    const invitationId = inbox.find((i) => i.requestId === requestId)?.invitationId ?? "";
    const signedIn = await h.as(a, "p1").responses.get({ invitationId });
    expect(signedIn.instrument).toEqual(form.instrument);
    expect(signedIn.language).toBe("en");
  });

  it("a German rater's submit records no language: the sealed rows have no column for it", async () => {
    const requestId = await openRequest();
    await h.as(a, "p1").me.setLanguage({ language: "de" });
    const token = await tokenFor("p1@alpha.test", requestId);
    // The submit's contract has no language, and the rows it writes have no place for one.
    expect(await h.callerFor(null).responses.submitByToken({ token, answers: fullAnswers(4) })).toEqual({
      submitted: true,
    });
    const columns = await queryRows<{ table_name: string; column_name: string }>(
      h.database.db,
      sql`select table_name, column_name from information_schema.columns
          where table_name in ('sealed_responses', 'sealed_envelopes', 'invitations') order by table_name, column_name`,
    );
    expect(columns.length).toBeGreaterThan(0);
    expect(columns.filter((c) => /lang|locale/i.test(c.column_name))).toEqual([]);
    await h.as(a, "p1").me.setLanguage({ language: null });
  });
});
