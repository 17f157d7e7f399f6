// Better Auth's refusals as the sign-in and password pages show them: in the page's language, never
// Better Auth's English message.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { BASE_ERROR_CODES } from "better-auth";
import i18next from "i18next";
import { beforeAll, describe, expect, test } from "vitest";
import deShell from "../i18n/locales/de/shell.json";
import enShell from "../i18n/locales/en/shell.json";
import { addSentences, type Catalogue } from "../i18n/sentence";
import { AUTH_ERROR_TEXTS, authErrorText } from "./auth-errors";

const SENTENCES = resolve(import.meta.dirname, "../i18n/sentences");
const FALLBACK = "the page's own fallback";

beforeAll(async () => {
  await i18next.init({
    lng: "en",
    fallbackLng: false,
    resources: { en: { shell: enShell }, de: { shell: deShell } },
    interpolation: { escapeValue: false },
  });
  for (const language of readdirSync(SENTENCES)) {
    for (const file of readdirSync(join(SENTENCES, language))) {
      addSentences(language, JSON.parse(readFileSync(join(SENTENCES, language, file), "utf8")) as Catalogue);
    }
  }
});

const inGerman = async <T>(run: () => T): Promise<T> => {
  await i18next.changeLanguage("de");
  try {
    return run();
  } finally {
    await i18next.changeLanguage("en");
  }
};

test("every code mapped is one of Better Auth's, and its text exists in English and German", () => {
  for (const [code, key] of Object.entries(AUTH_ERROR_TEXTS)) {
    expect(Object.keys(BASE_ERROR_CODES), code).toContain(code);
    expect(i18next.exists(`shell:authError.${key}`, { lng: "en" }), `${code} → ${key} in en`).toBe(true);
    expect(i18next.exists(`shell:authError.${key}`, { lng: "de" }), `${code} → ${key} in de`).toBe(true);
  }
});

describe("a wrong password", () => {
  const wrong = { code: "INVALID_EMAIL_OR_PASSWORD", message: "Invalid email or password", status: 401 };
  test("reads in English as Fivefold's sentence, not Better Auth's", () => {
    expect(authErrorText(wrong, FALLBACK)).toBe(
      "That e-mail and password do not match. Check both and try again.",
    );
  });
  test("reads in German", async () => {
    expect(await inGerman(() => authErrorText(wrong, FALLBACK))).toBe(
      "E-Mail-Adresse und Passwort passen nicht zusammen. Prüfen Sie beides und versuchen Sie es erneut.",
    );
  });
});

test("the password pages' refusals are German too (a short or long password, a spent link, a bad address)", async () => {
  const said = await inGerman(() =>
    [
      { code: "PASSWORD_TOO_SHORT", message: "Password too short", status: 400 },
      { code: "PASSWORD_TOO_LONG", message: "Password too long", status: 400 },
      { code: "INVALID_TOKEN", message: "Invalid token", status: 400 },
      { code: "VALIDATION_ERROR", message: "[body.email] Invalid email address", status: 400 },
    ].map((error) => authErrorText(error, FALLBACK)),
  );
  expect(said).toEqual([
    "Das Passwort ist zu kurz: Verwenden Sie mindestens 8 Zeichen.",
    "Das Passwort ist zu lang: Verwenden Sie höchstens 128 Zeichen.",
    "Dieser Link ist abgelaufen oder wurde schon verwendet. Fordern Sie einen neuen an.",
    "Das ist keine E-Mail-Adresse. Prüfen Sie sie und versuchen Sie es erneut.",
  ]);
});

test("an unknown code never shows Better Auth's English message: the page's fallback does", async () => {
  const odd = { code: "FAILED_TO_CREATE_SESSION", message: "Failed to create session", status: 500 };
  expect(authErrorText(odd, FALLBACK)).toBe(FALLBACK);
  expect(await inGerman(() => authErrorText({ status: 502 }, FALLBACK))).toBe(FALLBACK);
});

test("a 401 without a code still reads as the mismatch", () => {
  expect(authErrorText({ status: 401 }, FALLBACK)).toMatch(/do not match/);
});

describe("the rate limit's refusal (429)", () => {
  // As the edge writes it (apps/api http/rate-limits.ts refusal()).
  const refused = {
    code: "TOO_MANY_REQUESTS",
    message: "Too many wrong passwords for this account: try again in 14 minutes.",
    status: 429,
  };
  test("in English, the server's sentence with its wait", () => {
    expect(authErrorText(refused, FALLBACK)).toBe(refused.message);
  });
  test("in German, the same sentence translated, the wait kept", async () => {
    expect(await inGerman(() => authErrorText(refused, FALLBACK))).toBe(
      "Zu viele falsche Passwörter für dieses Konto: Versuchen Sie es in 14 Minuten erneut.",
    );
  });
  test("a refusal no catalogue knows, or none at all, reads as the generic German one", async () => {
    const generic = "Zu viele Versuche. Warten Sie etwas, und versuchen Sie es dann erneut.";
    expect(await inGerman(() => authErrorText({ status: 429, message: "Slow down" }, FALLBACK))).toBe(
      generic,
    );
    expect(await inGerman(() => authErrorText({ status: 429 }, FALLBACK))).toBe(generic);
  });
});
