// Sentences the server writes in English (errors, field messages; the domain's zod messages the
// forms show), in the page's language. The API speaks English to every client; the web translates
// what it shows through a catalogue per language keyed by the English template, as gettext keys by
// the source text: `Keep it under {{max}} characters` → `Höchstens {{max}} Zeichen`. The catalogues
// are `sentences/<language>/*.json`; i18n/server-sentences.test.ts reads every template from the
// domain's and the API's sources and fails when one has no translation, or a translation no template.
// A sentence no catalogue knows is shown as it came, so nothing is ever hidden.
import { type Language, LOCALE_OF } from "@fivefold/domain";
import i18next from "i18next";

export type Catalogue = Record<string, string>;

interface Template {
  pattern: RegExp;
  names: string[];
  translation: string;
  /** Letters outside placeholders: the more, the more specific, and the earlier it is tried. */
  weight: number;
}

export interface Compiled {
  exact: Map<string, string>;
  templates: Template[];
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function compileCatalogue(catalogue: Catalogue): Compiled {
  const exact = new Map<string, string>();
  const templates: Template[] = [];
  for (const [english, translation] of Object.entries(catalogue)) {
    const names = [...english.matchAll(PLACEHOLDER)].map((match) => match[1] ?? "");
    if (names.length === 0) {
      exact.set(english, translation);
      continue;
    }
    const literals = english.split(PLACEHOLDER).filter((_, index) => index % 2 === 0);
    const pattern = new RegExp(`^${literals.map(escapeRegExp).join("(.+?)")}$`, "s");
    templates.push({ pattern, names, translation, weight: literals.join("").length });
  }
  templates.sort((a, b) => b.weight - a.weight);
  return { exact, templates };
}

const PLAIN_NUMBER = /^-?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

/**
 * `text` in the catalogue's language: an exact entry, else the most specific template that matches,
 * its values translated in turn (a sentence inside a sentence) and numbers in the locale's digits.
 */
export function translateSentence(text: string, compiled: Compiled, locale: string, depth = 0): string {
  const exact = compiled.exact.get(text);
  if (exact !== undefined) return exact;
  if (depth > 3) return text;
  for (const template of compiled.templates) {
    const match = template.pattern.exec(text);
    if (!match) continue;
    const values = new Map<string, string>();
    template.names.forEach((name, index) => {
      const value = match[index + 1] ?? "";
      values.set(name, formatValue(value, compiled, locale, depth));
    });
    return template.translation.replace(PLACEHOLDER, (whole, name: string) => values.get(name) ?? whole);
  }
  return text;
}

/** How the server joins a list of phrases; German (and the languages to come) join them alike. */
const LIST_SEPARATORS = ["; ", ", "];

function formatValue(value: string, compiled: Compiled, locale: string, depth: number): string {
  if (PLAIN_NUMBER.test(value))
    return new Intl.NumberFormat(locale).format(Number(value.replaceAll(",", "")));
  // A list of phrases (`1 missing in Set the vision, 3 missing in Take risks`) goes phrase by phrase
  // when each one has a translation, before a template could read the whole list as one phrase.
  if (!compiled.exact.has(value)) {
    for (const separator of LIST_SEPARATORS) {
      if (!value.includes(separator)) continue;
      const parts = value.split(separator);
      const translated = parts.map((part) => formatValue(part, compiled, locale, depth));
      if (translated.every((text, index) => text !== parts[index] || PLAIN_NUMBER.test(text))) {
        return translated.join(separator);
      }
    }
  }
  return translateSentence(value, compiled, locale, depth + 1);
}

const catalogues = new Map<string, Catalogue>();
const compiledByLanguage = new Map<string, Compiled>();

/** Adds to a language's catalogue (i18n/index.ts, as the language's texts load). */
export function addSentences(language: string, catalogue: Catalogue): void {
  const all = { ...catalogues.get(language), ...catalogue };
  catalogues.set(language, all);
  compiledByLanguage.set(language, compileCatalogue(all));
}

/** A server sentence in the page's language. */
export function sentence(text: string): string {
  const language = i18next.language;
  const compiled = compiledByLanguage.get(language);
  if (!compiled) return text;
  const locale = LOCALE_OF[language as Language] ?? language;
  return translateSentence(text, compiled, locale);
}
