// The languages Fivefold speaks, and which one a person reads. Items keep their keys in every
// language, so figures stay comparable; a response never records the language it was given in
// (it could single out the one rater who answered in German).
import { z } from "zod";

export const LANGUAGES = ["en", "de"] as const;
export type Language = (typeof LANGUAGES)[number];

export const languageSchema = z.enum(LANGUAGES, { error: "Choose English (en) or German (de)" });

/** The locale dates and numbers are written in, per language. */
export const LOCALE_OF: Readonly<Record<Language, string>> = Object.freeze({ en: "en-GB", de: "de-DE" });

/** A language Fivefold speaks that matches a BCP 47 tag (`de-AT` → `de`), or null. */
export function matchLanguage(tag: string | null | undefined): Language | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((language) => language === primary) ?? null;
}

/**
 * The language a person reads: their own choice, else their organisation's default. Before sign-in
 * (no organisation yet), the first of the browser's languages Fivefold speaks, else English.
 */
export function resolveLanguage(input: {
  person?: Language | null;
  organisation?: Language | null;
  browser?: readonly string[];
}): Language {
  if (input.person) return input.person;
  if (input.organisation) return input.organisation;
  for (const tag of input.browser ?? []) {
    const match = matchLanguage(tag);
    if (match) return match;
  }
  return "en";
}
