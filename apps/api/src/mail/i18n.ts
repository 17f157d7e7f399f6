// The e-mails' languages (issue 18): one i18next instance of the server's own, its texts in
// locales/<language>.json (one namespace, "mail"). Each mail is written in its recipient's
// language when it is enqueued (the outbox stores the text), so a template takes the language and
// asks `mailT(language)` for its sentences. A key missing in both languages throws in tests and is
// logged elsewhere (the mail then shows the key); one missing in German only falls back to English.
import { type Executor, findMailLanguages } from "@fivefold/db";
import {
  type DateDisplay,
  formatDay,
  LANGUAGES,
  type Language,
  LOCALE_OF,
  resolveLanguage,
} from "@fivefold/domain";
import { createInstance } from "i18next";
import de from "./locales/de.json" with { type: "json" };
import en from "./locales/en.json" with { type: "json" };

export const MAIL_NAMESPACE = "mail";
export const MAIL_TEXTS: Readonly<Record<Language, Record<string, unknown>>> = { en, de };

const strict = Boolean(process.env.VITEST);

const i18n = createInstance();
void i18n.init({
  lng: "en",
  fallbackLng: "en",
  supportedLngs: [...LANGUAGES],
  ns: [MAIL_NAMESPACE],
  defaultNS: MAIL_NAMESPACE,
  resources: { en: { [MAIL_NAMESPACE]: en }, de: { [MAIL_NAMESPACE]: de } },
  initAsync: false,
  // composeMail escapes the HTML itself; the text part must stay as written.
  interpolation: { escapeValue: false },
  returnNull: false,
  saveMissing: true,
  missingKeyHandler: (languages, ns, key) => {
    const message = `i18n: missing key ${ns}:${key} in ${languages.join(", ")}`;
    if (strict) throw new Error(message);
    console.error(message);
  },
});

/** A mail's sentences in one language: `t("invitation.subject.other", { name })`. */
export type MailT = (key: string, values?: Record<string, unknown>) => string;

export function mailT(language: Language): MailT {
  const t = i18n.getFixedT(language, MAIL_NAMESPACE);
  return (key, values) => String(t(key, values ?? {}));
}

/**
 * A day as e-mails write it, in the reader's locale (31 December 2026, 31. Dezember 2026), UTC
 * unless the caller has the organisation's time zone.
 */
export function mailDay(
  language: Language,
  date: Date | string,
  display: Pick<DateDisplay, "timeZone"> = {},
): string {
  return formatDay(date, { ...display, locale: LOCALE_OF[language], month: "long" });
}

/** Which language each address reads its mail in (its person's choice, else the organisation's). */
export type LanguageOf = (address: string) => Language;

/** One query for a batch of recipients of one organisation. */
export async function mailLanguagesOf(
  db: Executor,
  orgId: string,
  addresses: readonly string[],
): Promise<LanguageOf> {
  const found = await findMailLanguages(db, orgId, addresses);
  return (address) =>
    resolveLanguage({
      person: found.chosen.get(address.trim().toLowerCase()) ?? null,
      organisation: found.organisation,
    });
}

/** The language of one recipient. */
export async function mailLanguageOf(db: Executor, orgId: string, address: string): Promise<Language> {
  return (await mailLanguagesOf(db, orgId, [address]))(address);
}
