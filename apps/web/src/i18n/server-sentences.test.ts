// The server's English sentences, each in every other language: the templates are read from the
// domain's and the API's sources (server-sentences.ts), the translations from sentences/<language>/.
import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { type Catalogue, compileCatalogue, translateSentence } from "./sentence";
import { extractServerSentences } from "./server-sentences";

const SENTENCES = resolve(import.meta.dirname, "sentences");
const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/**
 * Messages that are not text written out where they are raised, and why that is right: each passes
 * on a sentence written (and extracted) elsewhere.
 */
const PASS_THROUGH: Record<string, string> = {
  "packages/domain/src/answers/zod-error.ts message": "the first zod message, extracted where written",
  "packages/domain/src/answers/zod-error.ts fields": "zod's messages per field, extracted where written",
  "packages/domain/src/cycles/phases.ts fields":
    "the calendar's field messages, each written out with forPeople where it is set",
  "packages/domain/src/cycles/phases.ts first": "the first of those field messages",
  "packages/domain/src/people-import/person.ts result.error":
    "normaliseName's and normaliseTeamName's messages, written out (forPeople) where they are returned",
  "apps/api/src/services/mail/delivery.ts plan.reason":
    "planResend's refusals, written out with forPeople in packages/domain/src/mail/delivery.ts",
  // apps/api
  "apps/api/src/trpc/errors.ts error.message": "a domain error's message, extracted where it is raised",
  "apps/api/src/trpc/init.ts message":
    "the first zod message (answers/zod-error.ts), extracted where written",
  "apps/api/src/trpc/init.ts fields":
    "zod's messages per field (answers/zod-error.ts), extracted where written",
  "apps/api/src/trpc/init.ts refusal.message": "trpc/unclean-text.ts's sentences, each marked forPeople",
  "apps/api/src/trpc/init.ts refusal.fieldMessage": "trpc/unclean-text.ts's sentences, each marked forPeople",
  "apps/api/src/trpc/link-limits.ts refusal(verdict.refusedBy, verdict.retryAfterSeconds)":
    "http/rate-limits.ts refusal(): its sentence and phrases, each marked forPeople",
  "apps/api/src/trpc/link-limits.ts refusal(limit, retryAfterSeconds)":
    "http/rate-limits.ts refusal(): its sentence and phrases, each marked forPeople",
  "apps/api/src/services/grow/access.ts ONLY_THE_OWNER[doing]": "the file's refusals, each marked forPeople",
  "apps/api/src/services/grow/access.ts ONLY_THE_OWNER_OR_COACH[doing]":
    "the file's refusals, each marked forPeople",
};

const extraction = extractServerSentences();
const templates = new Map<string, string>();
for (const found of extraction.sentences)
  if (!templates.has(found.template)) templates.set(found.template, found.where);

function catalogues(): Record<string, Catalogue> {
  const out: Record<string, Catalogue> = {};
  for (const language of readdirSync(SENTENCES)) {
    out[language] = {};
    for (const file of readdirSync(join(SENTENCES, language)).sort()) {
      const entries = JSON.parse(readFileSync(join(SENTENCES, language, file), "utf8")) as Catalogue;
      for (const [english, translation] of Object.entries(entries)) {
        expect(
          out[language][english],
          `${language}/${file}: "${english}" is translated twice`,
        ).toBeUndefined();
        out[language][english] = translation;
      }
    }
  }
  return out;
}

const names = (text: string) => [...text.matchAll(PLACEHOLDER)].map((match) => match[1]).sort();

test("the extractor finds the server's sentences (a sample of each kind)", () => {
  // a domain error, a zod message, a template with a value, an API service error
  expect(templates.has("Give the cycle a name")).toBe(true);
  expect(templates.has("Choose at least one team")).toBe(true);
  expect(templates.has("The nominations phase of this cycle is over")).toBe(true);
  expect([...templates.values()].some((where) => where.startsWith("apps/api/src/"))).toBe(true);
  expect(templates.size).toBeGreaterThan(300);
});

test("every message is text written out where it is raised, or a known pass-through", () => {
  const unknown = extraction.unreadable
    .map((found) => `${found.where.replace(/:\d+$/, "")} ${found.template}`)
    .filter((key) => !(key in PASS_THROUGH));
  expect(
    unknown,
    "write these messages out (or as a constant of the file), or say why not in PASS_THROUGH",
  ).toEqual([]);
});

describe.each(Object.entries(catalogues()))("sentences in %s", (_language, catalogue) => {
  test("every sentence the server can send has a translation", () => {
    const missing = [...templates]
      .filter(([template]) => !(template in catalogue))
      .map(([t, w]) => `${w}  ${t}`);
    expect(missing).toEqual([]);
  });

  test("every translation is of a sentence the server still sends", () => {
    expect(Object.keys(catalogue).filter((english) => !templates.has(english))).toEqual([]);
  });

  test("a translation keeps each value of its sentence and invents none", () => {
    const wrong = Object.entries(catalogue).filter(([english, translation]) => {
      return names(english).join() !== names(translation).join();
    });
    expect(wrong).toEqual([]);
  });

  test("a sentence as the server sends it reads back as its own translation", () => {
    const compiled = compileCatalogue(catalogue);
    const wrong: string[] = [];
    for (const [english, translation] of Object.entries(catalogue)) {
      const sample = (text: string) => text.replace(PLACEHOLDER, (_, name: string) => `‹${name}›`);
      const got = translateSentence(sample(english), compiled, "de-DE");
      if (got !== sample(translation)) wrong.push(`${english}\n  → ${got}`);
    }
    expect(wrong).toEqual([]);
  });
});

test("values are translated too, and numbers written in the locale", () => {
  const compiled = compileCatalogue({
    "{{first}} (and {{more}} more problems)": "{{first}} (und {{more}} weitere Probleme)",
    "Give the cycle a name": "Gib dem Zyklus einen Namen",
    "Keep it under {{max}} characters": "Höchstens {{max}} Zeichen",
  });
  expect(translateSentence("Give the cycle a name (and 2 more problems)", compiled, "de-DE")).toBe(
    "Gib dem Zyklus einen Namen (und 2 weitere Probleme)",
  );
  expect(translateSentence("Keep it under 2,000 characters", compiled, "de-DE")).toBe(
    "Höchstens 2.000 Zeichen",
  );
  expect(translateSentence("A sentence no catalogue has", compiled, "de-DE")).toBe(
    "A sentence no catalogue has",
  );
});

test("a list of phrases in a sentence is translated phrase by phrase", () => {
  const compiled = compileCatalogue({
    "The plan is not ready to publish: {{problems}}.": "Der Plan ist noch nicht bereit: {{problems}}.",
    "tick at least one action": "kreuzen Sie mindestens eine Aktion an",
    "fill in the WOOP goal ({{missing}})": "füllen Sie das WOOP-Ziel aus ({{missing}})",
    outcome: "Ergebnis",
    obstacle: "Hindernis",
    "Rate every behaviour or mark it not observed: {{missing}}": "Bewerten Sie alles: {{missing}}",
    "{{count}} missing in {{name}}": "{{count}} fehlen in „{{name}}“",
    "Set the vision": "Die Vision setzen",
    "Take risks": "Risiken eingehen",
  });
  expect(
    translateSentence(
      "The plan is not ready to publish: tick at least one action; fill in the WOOP goal (outcome, obstacle).",
      compiled,
      "de-DE",
    ),
  ).toBe(
    "Der Plan ist noch nicht bereit: kreuzen Sie mindestens eine Aktion an; füllen Sie das WOOP-Ziel aus (Ergebnis, Hindernis).",
  );
  expect(
    translateSentence(
      "Rate every behaviour or mark it not observed: 1 missing in Set the vision, 3 missing in Take risks",
      compiled,
      "de-DE",
    ),
  ).toBe("Bewerten Sie alles: 1 fehlen in „Die Vision setzen“, 3 fehlen in „Risiken eingehen“");
  // A list whose parts are not all phrases of the catalogue is one value: a person's name stays whole.
  expect(translateSentence("Rate every behaviour or mark it not observed: Lee, Kim", compiled, "de-DE")).toBe(
    "Bewerten Sie alles: Lee, Kim",
  );
});
