// Text as the API accepts it anywhere (issue 14, finding 6): well-formed Unicode (no unpaired UTF-16
// surrogate, which Postgres and every encoder refuse), no NUL (which Postgres text cannot hold), and
// no string longer than any field of Fivefold allows. Checked once over a call's whole input, so a
// field added later is covered too; each schema keeps its own, tighter, limits.

/** The longest string any input may carry (the longest field, a CSV import, is far below). */
export const MAX_TEXT_LENGTH = 2_000_000;
/** Inputs nest no deeper than this (the HTTP edge refuses deeper JSON before parsing it). */
export const MAX_INPUT_DEPTH = 32;

/** What is wrong: text too long, a NUL, an unpaired surrogate; or objects nested too deep. */
export type TextProblemKind = "too_long" | "nul" | "broken" | "too_deep";

export interface TextProblem {
  /** Dotted path of the offending value (`raters.2.email`), empty for the input itself. */
  path: string;
  kind: TextProblemKind;
  /** The text at fault is a key (the last part of `path`), not a value. The API words each case. */
  inKey: boolean;
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function problemOf(text: string): TextProblemKind | null {
  if (text.length > MAX_TEXT_LENGTH) return "too_long";
  if (text.includes("\u0000")) return "nul";
  if (LONE_SURROGATE.test(text)) return "broken";
  return null;
}

/** The first string in the input (keys included) that is not acceptable text, or null. */
export function findUncleanText(value: unknown, path: readonly string[] = [], depth = 0): TextProblem | null {
  if (typeof value === "string") {
    const kind = problemOf(value);
    return kind ? { path: path.join("."), kind, inKey: false } : null;
  }
  if (value === null || typeof value !== "object" || value instanceof Date) return null;
  if (depth >= MAX_INPUT_DEPTH) return { path: path.join("."), kind: "too_deep", inKey: false };
  const entries = Array.isArray(value)
    ? value.map((item, index) => [String(index), item] as const)
    : Object.entries(value);
  for (const [key, item] of entries) {
    const keyProblem = problemOf(key);
    if (keyProblem) return { path: [...path, key].join("."), kind: keyProblem, inKey: true };
    const found = findUncleanText(item, [...path, key], depth + 1);
    if (found) return found;
  }
  return null;
}
