// Every e-mail in its recipient's language (issue 18), through createCaller and the jobs on the
// real schema, read back from the outbox: a person who chose German gets their invitation,
// reminder, report and thank-you mails in German with German dates; English stays for who reads
// English (their choice, or the organisation's default); an organisation's German default reaches
// its people without a choice and its external raters, and someone who chose English there gets
// English. The German mails keep the English rules: one personal link, nobody else named.
import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { sendPasswordLink } from "../services/auth/identity";
import { sendDueReminders } from "../services/mail/reminders";
import { fullAnswers } from "../testing/answers";
import { collectOrg, createHarness, type Harness, idOf, TEST_APP_URL } from "../testing/harness";

const DAY_MS = 86_400_000;
const GERMAN_MONTHS = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember";
const GERMAN_DAY = new RegExp(`\\d{1,2}\\. (${GERMAN_MONTHS}) \\d{4}`);
const ENGLISH_DAY =
  /\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/;
const EXTERNAL = "guest@partner.test";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(collectOrg("Alpha", "alpha.test"));
  b = await h.seed(collectOrg("Beta", "beta.test"));
  // Alpha reads English by default; p1 and the subject chose German.
  await h.as(a, "p1").me.setLanguage({ language: "de" });
  await h.as(a, "subject").me.setLanguage({ language: "de" });
  await h.as(a, "admin").settings.update({ reminderDays: 2 });
  // Beta reads German by default; p1 chose English.
  await h.as(b, "admin").settings.update({ language: "de" });
  await h.as(b, "p1").me.setLanguage({ language: "en" });
});
afterAll(async () => {
  await h?.close();
});

async function mailsOf(requestId: string, template: string) {
  const rows = await h.database.db
    .select()
    .from(schema.outbox)
    .where(
      and(
        eq(schema.outbox.template, template),
        eq(schema.outbox.channel, "email"),
        sql`${schema.outbox.meta}->>'requestId' = ${requestId}`,
      ),
    );
  return (email: string) => {
    const found = rows.filter((row) => row.toEmail === email);
    expect(found, `${template} to ${email}`).toHaveLength(1);
    return found[0] as (typeof rows)[number];
  };
}

async function openRequest(org: SeededOrganisation, deadline: Date) {
  const { id } = await h.as(org, "manager").requests.create({
    subjectId: idOf(org, "subject"),
    deadline: deadline.toISOString(),
    raters: [
      ...["p1", "p2", "p3", "p4"].map((key) => ({ personId: idOf(org, key), group: "peer" as const })),
      { email: EXTERNAL, group: "other" as const },
    ],
  });
  return id;
}

/** Who else is in the request: no German or English mail to one rater may name them. */
const otherRaters = (org: SeededOrganisation, except: string) =>
  ["P1", "P2", "P3", "P4"]
    .map((p) => `${p} ${org === a ? "Alpha" : "Beta"}`)
    .filter((n) => !n.startsWith(except));

const linksIn = (text: string) => text.match(/http:\/\/fivefold\.test\/r\/[\w-]+/g) ?? [];

describe(`mail in the recipient's language on ${testDriver()}`, () => {
  let requestId: string;

  beforeAll(async () => {
    requestId = await openRequest(a, new Date(Date.now() + 1.5 * DAY_MS));
  });

  it("invites who chose German in German, with a German date, and everyone else in English", async () => {
    const invitation = await mailsOf(requestId, "invitation");
    const p1 = invitation("p1@alpha.test");
    expect(p1.subject).toBe("Subject Alpha bittet Sie um Ihr Feedback");
    expect(p1.text).toContain("Sie wurden um Feedback zu Subject Alpha gebeten");
    expect(p1.text).toContain("mindestens 3 Personen");
    expect(p1.text).toMatch(new RegExp(`Bitte antworten Sie bis zum ${GERMAN_DAY.source}\\.`));
    expect(p1.text).toContain("Der Link unten ist persönlich: Bitte leiten Sie ihn nicht weiter.");
    expect(p1.text).toContain("Feedback geben: http://fivefold.test/r/");
    expect(linksIn(p1.text)).toHaveLength(1);
    expect(p1.text).not.toMatch(ENGLISH_DAY);
    for (const name of otherRaters(a, "P1")) expect(p1.text).not.toContain(name);

    const self = invitation("subject@alpha.test");
    expect(self.subject).toBe("Ihre 360-Grad-Selbsteinschätzung ist geöffnet");
    expect(self.text).toContain("Selbst einschätzen: http://fivefold.test/r/");

    for (const email of ["p2@alpha.test", EXTERNAL]) {
      const english = invitation(email);
      expect(english.subject).toBe("Subject Alpha would value your feedback");
      expect(english.text).toMatch(new RegExp(`Please answer by ${ENGLISH_DAY.source}\\.`));
    }
  });

  it("reminds who chose German in German, with a fresh link and no word of anyone else", async () => {
    await h.database.db
      .update(schema.feedbackRequests)
      .set({ openedAt: new Date(Date.now() - 2 * DAY_MS) })
      .where(eq(schema.feedbackRequests.id, requestId));
    const done = await sendDueReminders(h.database.db, { now: new Date(), appUrl: TEST_APP_URL });
    expect(done).toContainEqual({ requestId, reminded: 6 });
    const reminder = await mailsOf(requestId, "reminder");
    const invitation = await mailsOf(requestId, "invitation");

    const p1 = reminder("p1@alpha.test");
    expect(p1.subject).toMatch(
      new RegExp(`^Erinnerung: Das Feedback zu Subject Alpha endet am ${GERMAN_DAY.source}$`),
    );
    expect(p1.text).toContain("Dieser Link ersetzt den aus Ihrer ersten E-Mail. Er ist persönlich");
    expect(linksIn(p1.text)).toHaveLength(1);
    expect(linksIn(p1.text)).not.toEqual(linksIn(invitation("p1@alpha.test").text));
    for (const name of otherRaters(a, "P1")) expect(p1.text).not.toContain(name);

    expect(reminder("subject@alpha.test").subject).toMatch(
      /^Erinnerung: Ihre 360-Grad-Selbsteinschätzung endet am /,
    );
    expect(reminder("p2@alpha.test").subject).toMatch(
      new RegExp(`^Reminder: feedback on Subject Alpha closes on ${ENGLISH_DAY.source}$`),
    );
    expect(reminder(EXTERNAL).subject).toMatch(/^Reminder: feedback on Subject Alpha closes on /);
  });

  it("tells the subject who chose German of the report in German, the requester in English", async () => {
    for (const key of ["p1", "p2", "p3", "p4", "subject"]) {
      const caller = h.as(a, key);
      const invitation = (await caller.inbox.list()).find((i) => i.requestId === requestId);
      if (!invitation) throw new Error(`${key} not invited`);
      await caller.responses.submit({ invitationId: invitation.invitationId, answers: fullAnswers(4) });
    }
    expect(await h.as(a, "manager").requests.close({ requestId })).toEqual({ state: "released" });
    const released = await mailsOf(requestId, "report_released");
    const subject = released("subject@alpha.test");
    expect(subject.subject).toBe("Ihr 360-Grad-Bericht ist fertig");
    expect(subject.text).toContain(`Bericht öffnen: ${TEST_APP_URL}/reports/${requestId}`);
    expect(released("manager@alpha.test").subject).toBe("Subject Alpha's 360 report is ready");
  });

  it("passes the subject's thank-you on in each rater's language, naming none of them", async () => {
    const text = "Vielen Dank für Ihre offenen Worte, sie helfen mir sehr.";
    await h.as(a, "subject").followups.thank({ requestId, text });
    const thanks = await mailsOf(requestId, "rater_thanks");
    const german = thanks("p1@alpha.test");
    expect(german.subject).toBe("Eine Nachricht von Subject Alpha nach dem 360-Grad-Feedback");
    expect(german.text).toContain(`„${text}“`);
    expect(german.text).toContain("Fivefold hat Subject Alpha nicht mitgeteilt, wer geantwortet hat");
    const english = thanks("p2@alpha.test");
    expect(english.subject).toBe("A note from Subject Alpha after their 360 feedback");
    // The same text for every reader of a language: nothing says who answered.
    expect(thanks("p3@alpha.test").text).toBe(english.text);
    expect(thanks(EXTERNAL).text).toBe(english.text);
    for (const mail of [german, english]) {
      for (const name of otherRaters(a, "")) expect(mail.text).not.toContain(name);
    }
  });
});

describe(`an organisation's German default on ${testDriver()}`, () => {
  it("reaches its people without a choice and its external raters; who chose English gets English", async () => {
    const requestId = await openRequest(b, new Date(Date.now() + 10 * DAY_MS));
    const invitation = await mailsOf(requestId, "invitation");
    for (const email of ["p2@beta.test", EXTERNAL]) {
      const german = invitation(email);
      expect(german.subject).toBe("Subject Beta bittet Sie um Ihr Feedback");
      expect(german.text).toMatch(GERMAN_DAY);
      expect(linksIn(german.text)).toHaveLength(1);
    }
    expect(invitation("subject@beta.test").subject).toBe("Ihre 360-Grad-Selbsteinschätzung ist geöffnet");
    const english = invitation("p1@beta.test");
    expect(english.subject).toBe("Subject Beta would value your feedback");
    expect(english.text).toMatch(ENGLISH_DAY);
  });

  it("writes the password link in the person's language", async () => {
    for (const key of ["p1", "p2"]) {
      const userId = b.people[key]?.userId;
      if (!userId) throw new Error(`no user ${key}`);
      await sendPasswordLink(h.database.db, { userId, token: `token-${key}`, appUrl: TEST_APP_URL });
    }
    const password = async (email: string) =>
      h.database.db
        .select()
        .from(schema.outbox)
        .where(and(eq(schema.outbox.template, "password"), eq(schema.outbox.toEmail, email)));
    const [german] = await password("p2@beta.test");
    expect(german?.subject).toBe("Setzen Sie Ihr Fivefold-Passwort zurück");
    expect(german?.text).toContain("Hallo P2,");
    expect(german?.text).toContain("Der Link funktioniert einmal");
    const [english] = await password("p1@beta.test");
    expect(english?.subject).toBe("Reset your Fivefold password");
  });
});
