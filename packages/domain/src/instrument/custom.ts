// An organisation's own instrument (issue 19): admins reword, add, retire and translate behaviours
// within the five fixed dimensions; each publish is a new version of that organisation's
// instrument, and version 1 is the built-in one. A version lists every key the organisation has
// ever used (retired ones marked), so keys stay stable and trends can match items by key.
import { z } from "zod";
import { InvalidInputError } from "../errors";
import { deepFreeze } from "./freeze";
import { DIMENSION_KEYS, type DimensionKey, dimensionKeySchema } from "./keys";
import type { Instrument, InstrumentItem } from "./types";
import { INSTRUMENT_V1 } from "./v1";
import { INSTRUMENT_V1_GERMAN } from "./v1-de";

/** The languages every behaviour is written in; English is the one raters read today. */
export const INSTRUMENT_LANGUAGES = ["en", "de"] as const;
export type InstrumentLanguage = (typeof INSTRUMENT_LANGUAGES)[number];

export const INSTRUMENT_LIMITS = { textMin: 8, textMax: 200, activePerDimension: 8, items: 80 } as const;

/** The built-in version every organisation starts on, and the demo's existing reports keep. */
export const BUILT_IN_VERSION = 1;

export interface VersionItem {
  readonly key: string;
  readonly dimension: DimensionKey;
  readonly text: Readonly<Record<InstrumentLanguage, string>>;
  /** Retired behaviours are no longer asked; the key stays so no later behaviour can take it. */
  readonly retired: boolean;
}

export interface InstrumentVersionRecord {
  readonly version: number;
  /** ISO timestamp; null for the built-in version 1. */
  readonly publishedAt: string | null;
  readonly items: readonly VersionItem[];
}

const KEY_PATTERN = /^(inspire|vision|empower|dream|risk)\.[a-z0-9][a-z0-9-]{0,39}$/;

/** A behaviour's text in one language, refused with the sentences that language's field writes out. */
const textSchema = (error: { missing: string; short: string; long: string }) =>
  z
    .string({ error: error.missing })
    .trim()
    .min(INSTRUMENT_LIMITS.textMin, { error: error.short })
    .max(INSTRUMENT_LIMITS.textMax, { error: error.long });

export const versionItemSchema = z.object({
  key: z.string({ error: "Every behaviour needs a key" }).regex(KEY_PATTERN, {
    error:
      "A behaviour's key is its dimension, a dot and up to 40 lower-case letters, digits or hyphens (for example inspire.listen-first)",
  }),
  dimension: dimensionKeySchema,
  text: z.object(
    {
      en: textSchema({
        missing: "Write the English text of every behaviour",
        short: `Write at least ${INSTRUMENT_LIMITS.textMin} characters of English text for every behaviour`,
        long: `Keep each behaviour's English text under ${INSTRUMENT_LIMITS.textMax} characters`,
      }),
      de: textSchema({
        missing: "Write the German text of every behaviour",
        short: `Write at least ${INSTRUMENT_LIMITS.textMin} characters of German text for every behaviour`,
        long: `Keep each behaviour's German text under ${INSTRUMENT_LIMITS.textMax} characters`,
      }),
    },
    { error: "Give every behaviour its English and German text" },
  ),
  retired: z.boolean({ error: "Say whether each behaviour is retired (true or false)" }).default(false),
});

export const versionItemsSchema = z
  .array(versionItemSchema, { error: "The draft needs its list of behaviours" })
  .min(DIMENSION_KEYS.length, {
    error: "The draft needs at least one behaviour in each of the five dimensions",
  })
  .max(INSTRUMENT_LIMITS.items, {
    error: `An instrument holds at most ${INSTRUMENT_LIMITS.items} behaviours`,
  });

const dimensionName = (key: DimensionKey) =>
  INSTRUMENT_V1.dimensions.find((dimension) => dimension.key === key)?.name ?? key;

/** Version 1 as editable items, in both languages: where every organisation's first draft starts. */
export function builtInItems(): VersionItem[] {
  return INSTRUMENT_V1.dimensions.flatMap((dimension) =>
    dimension.items.map((item) => ({
      key: item.id,
      dimension: dimension.key,
      text: { en: item.text, de: INSTRUMENT_V1_GERMAN[item.id] ?? item.text },
      retired: false,
    })),
  );
}

export const BUILT_IN_RECORD: InstrumentVersionRecord = deepFreeze({
  version: BUILT_IN_VERSION,
  publishedAt: null,
  items: builtInItems(),
});

function problem(message: string, field: string): never {
  throw new InvalidInputError(message, { [field]: message });
}

/**
 * Whether `draft` may follow `published` (the organisation's latest version): keys unique and in
 * their dimension, nothing of the published version removed or moved, and every dimension keeping
 * between one and the limit of behaviours that are asked.
 */
export function validateDraft(published: readonly VersionItem[], draft: readonly VersionItem[]): void {
  const seen = new Map<string, VersionItem>();
  draft.forEach((item, index) => {
    if (seen.has(item.key)) {
      problem(`The key "${item.key}" is used twice: every behaviour needs its own key`, `items.${index}.key`);
    }
    if (!item.key.startsWith(`${item.dimension}.`)) {
      problem(
        `The key "${item.key}" must start with its dimension, "${item.dimension}."`,
        `items.${index}.key`,
      );
    }
    seen.set(item.key, item);
  });
  for (const before of published) {
    const now = seen.get(before.key);
    if (!now) {
      problem(
        `The behaviour "${before.key}" of the published version is missing: retire it instead, so its key stays`,
        "items",
      );
    }
    if (now.dimension !== before.dimension) {
      problem(
        `The behaviour "${before.key}" belongs to ${dimensionName(before.dimension)}: add a new behaviour instead of moving it`,
        "items",
      );
    }
  }
  for (const key of DIMENSION_KEYS) {
    const active = draft.filter((item) => item.dimension === key && !item.retired).length;
    if (active === 0) {
      problem(`${dimensionName(key)} needs at least one behaviour that is not retired`, "items");
    }
    if (active > INSTRUMENT_LIMITS.activePerDimension) {
      problem(
        `${dimensionName(key)} may ask at most ${INSTRUMENT_LIMITS.activePerDimension} behaviours: retire some`,
        "items",
      );
    }
  }
}

/** Whether a draft would change anything a rater reads (or a translation) against the published one. */
export function draftChanges(published: readonly VersionItem[], draft: readonly VersionItem[]): boolean {
  const canonical = (items: readonly VersionItem[]) =>
    JSON.stringify(
      [...items]
        .map((item) => [item.key, item.dimension, item.text.en, item.text.de, item.retired])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  return canonical(published) !== canonical(draft);
}

/** The questionnaire raters of a version answer: the built-in scale and dimensions, its active items. */
export function instrumentOf(record: InstrumentVersionRecord): Instrument {
  if (record.version === BUILT_IN_VERSION) return INSTRUMENT_V1;
  return deepFreeze({
    version: record.version,
    scale: INSTRUMENT_V1.scale,
    dimensions: INSTRUMENT_V1.dimensions.map((dimension) => ({
      ...dimension,
      items: record.items
        .filter((item) => item.dimension === dimension.key && !item.retired)
        .map(
          (item): InstrumentItem => ({
            id: item.key,
            text: item.text.en,
            texts: { en: item.text.en, de: item.text.de },
          }),
        ),
    })),
  });
}

/**
 * A behaviour's wording in every language: its version's own, else (the built-in version 1) the
 * German of version 1, else English. Answers keep the item's key whatever language it was read in.
 */
export function behaviourTexts(item: InstrumentItem): Readonly<Record<InstrumentLanguage, string>> {
  return item.texts ?? { en: item.text, de: INSTRUMENT_V1_GERMAN[item.id] ?? item.text };
}

/** Looks versions up by number: the built-in one, then the organisation's published ones. */
export function instrumentResolver(
  records: readonly InstrumentVersionRecord[],
): (version: number) => Instrument {
  const built = new Map<number, Instrument>([[BUILT_IN_VERSION, INSTRUMENT_V1]]);
  for (const record of records) built.set(record.version, instrumentOf(record));
  return (version) => {
    const instrument = built.get(version);
    if (!instrument)
      throw new InvalidInputError(`Instrument version ${version} is not one of this organisation's`);
    return instrument;
  };
}

/**
 * Per dimension, the item keys asked in every one of these instruments: the only items a trend
 * across versions may compare (a key that was added, retired or missing somewhere is left out).
 */
export function keptKeys(instruments: readonly Instrument[]): Record<DimensionKey, string[]> {
  return Object.fromEntries(
    DIMENSION_KEYS.map((key) => {
      const perVersion = instruments.map(
        (instrument) =>
          new Set(instrument.dimensions.find((d) => d.key === key)?.items.map((item) => item.id) ?? []),
      );
      const [first, ...rest] = perVersion;
      const kept = [...(first ?? [])].filter((id) => rest.every((ids) => ids.has(id)));
      return [key, kept];
    }),
  ) as Record<DimensionKey, string[]>;
}
