// Which recurring themes of a report's anonymous comments may be shown (issue 19). The language
// library (in the API) turns each comment into key phrases; this decides. A theme is a phrase key
// (its words' lemmas) that at least k DIFFERENT responses used in one dimension; its label is a
// wording that itself at least k responses wrote, or else the key, which all of them share. A
// response counts once however often it repeats a phrase. The result depends only on which
// responses used which keys and wordings, never on their order or ids.
import { DIMENSION_KEYS, type DimensionKey } from "../instrument";

/** A key phrase of one comment: `key` normalised (lemmas, lower case), `text` as written (lower case). */
export interface Phrase {
  readonly key: string;
  readonly text: string;
}

/** Turns one comment into its key phrases; pure and deterministic (the same text, the same phrases). */
export type PhraseExtractor = (text: string) => readonly Phrase[];

/** One response's comment on one dimension, as key phrases. `response` tells responses apart. */
export interface ThemeSource {
  readonly response: string | number;
  readonly dimension: DimensionKey;
  readonly phrases: readonly Phrase[];
}

export interface Theme {
  label: string;
  /** How many different responses used it: at least the threshold. */
  responses: number;
}

export type DimensionThemes = Record<DimensionKey, Theme[]>;

/** The most themes a dimension shows: the most widely shared first. */
export const MAX_THEMES_PER_DIMENSION = 8;

interface Candidate {
  key: string;
  words: Set<string>;
  responses: Set<string | number>;
  wordings: Map<string, Set<string | number>>;
}

function collect(sources: readonly ThemeSource[]): Map<string, Candidate> {
  const byKey = new Map<string, Candidate>();
  for (const source of sources) {
    for (const phrase of source.phrases) {
      const key = phrase.key.trim();
      if (!key) continue;
      let candidate = byKey.get(key);
      if (!candidate) {
        candidate = { key, words: new Set(key.split(/\s+/)), responses: new Set(), wordings: new Map() };
        byKey.set(key, candidate);
      }
      candidate.responses.add(source.response);
      const text = phrase.text.trim() || key;
      const users = candidate.wordings.get(text) ?? new Set();
      users.add(source.response);
      candidate.wordings.set(text, users);
    }
  }
  return byKey;
}

const containsAll = <T>(outer: ReadonlySet<T>, inner: ReadonlySet<T>) =>
  [...inner].every((x) => outer.has(x));

/**
 * A shorter key adds nothing when a longer key with all its words was used by every response that
 * used it ("goal" beside "clear goal" from the same responses). Decided on the shorter key's own
 * responses only, so one response's removal cannot flip it for a theme that response never used.
 */
function subsumed(candidate: Candidate, all: readonly Candidate[]): boolean {
  return all.some(
    (other) =>
      other.words.size > candidate.words.size &&
      containsAll(other.words, candidate.words) &&
      containsAll(other.responses, candidate.responses),
  );
}

/** A wording at least k responses wrote (the most used, then the first alphabetically), else the key. */
function labelOf(candidate: Candidate, threshold: number): string {
  let best: { text: string; n: number } | undefined;
  for (const [text, users] of candidate.wordings) {
    if (users.size < threshold) continue;
    if (!best || users.size > best.n || (users.size === best.n && text < best.text)) {
      best = { text, n: users.size };
    }
  }
  return best?.text ?? candidate.key;
}

function themesOf(sources: readonly ThemeSource[], threshold: number, limit: number): Theme[] {
  const all = [...collect(sources).values()];
  const kept = all.filter((c) => c.responses.size >= threshold && !subsumed(c, all));
  const themes = kept
    .map((c) => ({ label: labelOf(c, threshold), responses: c.responses.size }))
    .sort((a, b) => b.responses - a.responses || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0));
  const seen = new Set<string>();
  return themes.filter((t) => !seen.has(t.label) && seen.add(t.label)).slice(0, limit);
}

/**
 * The themes of each dimension (every dimension present, empty where none meets the threshold).
 * `threshold` is the report's comment threshold (never below k).
 */
export function decideThemes(
  sources: readonly ThemeSource[],
  threshold: number,
  options: { limit?: number } = {},
): DimensionThemes {
  if (!Number.isInteger(threshold) || threshold < 1)
    throw new RangeError("The theme threshold must be a positive whole number.");
  const limit = options.limit ?? MAX_THEMES_PER_DIMENSION;
  return Object.fromEntries(
    DIMENSION_KEYS.map((key) => [
      key,
      themesOf(
        sources.filter((s) => s.dimension === key),
        threshold,
        limit,
      ),
    ]),
  ) as DimensionThemes;
}

/** Every dimension with no theme: reports released before themes, or with no comments to read. */
export function noThemes(): DimensionThemes {
  return Object.fromEntries(DIMENSION_KEYS.map((key) => [key, []])) as unknown as DimensionThemes;
}
