// The mails' texts in English and German: the same keys and {{variables}} in both, no empty text,
// every key the templates ask for exists, and every template renders in both languages without a
// missing key (i18next's missing-key handler throws under vitest) or a raw key. The German mails
// keep the rules of the English ones: one personal link, said to be personal; nobody else named.
import { readdirSync, readFileSync } from "node:fs";
import { LANGUAGES, type Language, RATER_GROUPS } from "@fivefold/domain";
import { describe, expect, it } from "vitest";
import { raterThanksMail } from "./followups";
import {
  checkinDueMail,
  checkinOverdueMail,
  circleChangeMail,
  partnerInvitationMail,
  partnerResponseMail,
} from "./grow";
import { MAIL_TEXTS, mailT } from "./i18n";
import { pulseInvitationMail } from "./pulses";
import type { RenderedMail } from "./render";
import { invitationMail, passwordMail, reminderMail, reportReleasedMail } from "./templates";

function leaves(tree: Record<string, unknown>, prefix = ""): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value && typeof value === "object") {
      for (const [k, v] of leaves(value as Record<string, unknown>, path)) out.set(k, v);
    } else out.set(path, String(value));
  }
  return out;
}
const variables = (text: string) =>
  [...new Set([...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]))].sort();

const en = leaves(MAIL_TEXTS.en);
const de = leaves(MAIL_TEXTS.de);

describe("mail locales", () => {
  it("have the same keys and the same {{variables}} in English and German, and no empty text", () => {
    expect([...de.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of en) {
      expect(variables(de.get(key) ?? ""), key).toEqual(variables(text));
      expect(text.trim(), `en ${key}`).not.toBe("");
      expect(de.get(key)?.trim(), `de ${key}`).not.toBe("");
    }
  });

  it("hold every key the templates ask for (static keys whole, dynamic ones by their prefix)", () => {
    const sources = readdirSync(import.meta.dirname)
      .filter((file) => file.endsWith(".ts") && !file.endsWith(".test.ts"))
      .map((file) => readFileSync(`${import.meta.dirname}/${file}`, "utf8"));
    const keys = sources.flatMap((source) =>
      [...source.matchAll(/\bt\("([\w.]+)"/g)].map((m) => m[1] as string),
    );
    const prefixes = sources.flatMap((source) =>
      [...source.matchAll(/\bt\(`([\w.]+)\$\{/g)].map((m) => m[1] as string),
    );
    expect(keys.length).toBeGreaterThan(60);
    for (const key of keys) expect(en.has(key), key).toBe(true);
    for (const prefix of prefixes)
      expect(
        [...en.keys()].some((k) => k.startsWith(prefix)),
        prefix,
      ).toBe(true);
  });

  it("throw on a missing key under test, so no mail goes out with a raw key", () => {
    expect(() => mailT("de")("invitation.nothing")).toThrow(/missing key mail:invitation.nothing/);
  });
});

const LINK = "http://fivefold.test/r/tok_123";
const deadline = new Date("2026-12-31T18:00:00Z");

/** Every template, in every variant, in one language. */
function everyMail(language: Language): Array<{ name: string; mail: RenderedMail; link?: string }> {
  const l = { language };
  const mails: Array<{ name: string; mail: RenderedMail; link?: string }> = [];
  for (const group of RATER_GROUPS) {
    for (const inApp of [true, false]) {
      const input = { ...l, subjectName: "Ann Able", group, deadline, threshold: 4, link: LINK, inApp };
      mails.push({ name: `invitation ${group} ${inApp}`, mail: invitationMail(input), link: LINK });
      mails.push({ name: `reminder ${group} ${inApp}`, mail: reminderMail(input), link: LINK });
      mails.push({
        name: `reminder unnamed ${group}`,
        mail: reminderMail({ ...input, subjectName: null }),
        link: LINK,
      });
    }
  }
  for (const isSubject of [true, false]) {
    for (const subjectName of ["Ann Able", null]) {
      const input = { ...l, subjectName, isSubject, link: "http://fivefold.test/reports/1" };
      mails.push({ name: `released ${isSubject}`, mail: reportReleasedMail({ ...input, released: true }) });
      for (const reason of ["too_few_raters", "too_close_to_earlier"] as const) {
        mails.push({
          name: `insufficient ${reason}`,
          mail: reportReleasedMail({ ...input, released: false, reason }),
        });
      }
    }
  }
  for (const firstTime of [true, false]) {
    mails.push({
      name: `password ${firstTime}`,
      mail: passwordMail({
        ...l,
        name: "Ann Able",
        firstTime,
        link: "http://fivefold.test/reset-password?token=x",
      }),
      link: "http://fivefold.test/reset-password?token=x",
    });
  }
  for (const role of ["partner", "lead"] as const) {
    for (const wish of ["", "Mehr Mut"]) {
      mails.push({
        name: `partner invitation ${role}`,
        mail: partnerInvitationMail({
          ...l,
          subjectName: "Ann",
          role,
          focus: ["inspire", "risk"],
          wish,
          link: "l",
        }),
      });
    }
    for (const accepted of [true, false]) {
      mails.push({
        name: `partner response ${role} ${accepted}`,
        mail: partnerResponseMail({ ...l, partnerName: "Bob", role, accepted, link: "l" }),
      });
    }
    mails.push({
      name: `removed ${role}`,
      mail: circleChangeMail({ ...l, role, link: "l", change: "removed", ownerName: "Ann" }),
    });
    mails.push({
      name: `left ${role}`,
      mail: circleChangeMail({ ...l, role, link: "l", change: "left", memberName: "Bob" }),
    });
  }
  mails.push({ name: "checkin due", mail: checkinDueMail({ ...l, dueOn: "2026-03-04", link: "l" }) });
  for (const isSubject of [true, false]) {
    mails.push({
      name: `checkin overdue ${isSubject}`,
      mail: checkinOverdueMail({ ...l, subjectName: "Ann", isSubject, dueOn: "2026-03-04", link: "l" }),
    });
  }
  for (const subjectName of ["Ann", null]) {
    for (const inApp of [true, false]) {
      mails.push({
        name: `pulse ${inApp}`,
        mail: pulseInvitationMail({
          ...l,
          subjectName,
          since: "2026-01-05",
          deadline,
          threshold: 3,
          link: LINK,
          inApp,
        }),
        link: LINK,
      });
    }
  }
  mails.push({
    name: "thanks",
    mail: raterThanksMail({
      ...l,
      subjectName: "Ann",
      text: "Danke euch.\n\nEs hat geholfen.",
    }),
  });
  return mails;
}

describe.each(LANGUAGES)("every mail in %s", (language) => {
  const mails = everyMail(language);

  it("renders without a missing key, a raw key or an unfilled variable", () => {
    const keys = [...en.keys()].filter((key) => key.includes("."));
    for (const { name, mail } of mails) {
      const all = `${mail.subject}\n${mail.text}`;
      expect(all, name).not.toMatch(/\{\{\s*(day|name|since|threshold|role|focus|wish|text)\s*\}\}/);
      for (const key of keys) expect(all.includes(key), `${name}: ${key}`).toBe(false);
      expect(mail.subject.trim(), name).not.toBe("");
    }
  });

  it("carries each personal link exactly once in the text and once in the HTML, said to be personal", () => {
    for (const { name, mail, link } of mails.filter((m) => m.link)) {
      expect(mail.text.split(link as string).length - 1, name).toBe(1);
      expect(mail.html.split(link as string).length - 1, name).toBe(1);
    }
    const personal =
      language === "de" ? /persönlich: Bitte leiten Sie ihn nicht weiter/ : /personal: do not forward it/;
    for (const { name, mail } of mails.filter((m) => /^(invitation|reminder|pulse)/.test(m.name))) {
      expect(mail.text, name).toMatch(personal);
    }
  });

  it("writes dates in the reader's locale", () => {
    const invitation = invitationMail({
      language,
      subjectName: "Ann",
      group: "peer",
      deadline,
      threshold: 3,
      link: LINK,
      inApp: false,
    });
    expect(invitation.text).toContain(
      language === "de" ? "bis zum 31. Dezember 2026." : "by 31 December 2026.",
    );
  });
});

describe("German mails keep the English rules", () => {
  it("are German, not English with German words", () => {
    for (const { name, mail } of everyMail("de")) {
      expect(mail.text, name).not.toMatch(/\b(your|the|you|please)\b/i);
    }
  });

  it("say nothing of who answered, as the English do", () => {
    const thanks = raterThanksMail({ language: "de", subjectName: "Ann", text: "Danke." });
    expect(thanks.text).toContain("ob sie geantwortet haben oder nicht");
    expect(thanks.text).toContain("nicht mitgeteilt, wer geantwortet hat");
    const reminder = reminderMail({
      language: "de",
      subjectName: "Ann",
      group: "peer",
      deadline,
      threshold: 3,
      link: LINK,
      inApp: true,
    });
    expect(reminder.text).toContain("mindestens 3 Personen");
    expect(reminder.text).toContain("Dieser Link ersetzt den aus Ihrer ersten E-Mail");
  });

  it("keep the thank-you's own words as written, never read as a key or a variable", () => {
    const text = "Danke.\n\nEs hat {{name}} $t(thanks.subject) <b>geholfen</b>.";
    for (const language of LANGUAGES) {
      const mail = raterThanksMail({ language, subjectName: "Ann", text });
      expect(mail.text).toContain("{{name}} $t(thanks.subject) <b>geholfen</b>.");
      expect(mail.html).toContain("&lt;b&gt;geholfen&lt;/b&gt;");
    }
  });
});
