// Comment care (issue 18): while an anonymous rater types, a gentle word when a comment names
// people, dates or one-off events that could point back to them ("at the Berlin offsite on
// 12 March, when I told Anna…"). A local check in the rater's browser: nothing is sent anywhere,
// nothing is refused, and a miss or a false alarm costs no more than a sentence.

export type CommentRiskKind = "name" | "date" | "event";

export interface CommentRisk {
  kind: CommentRiskKind;
  /** The words as written in the comment. */
  match: string;
}

const MONTHS =
  "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec";
const WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

const DATE_PATTERNS: readonly RegExp[] = [
  /\b\d{4}-\d{1,2}-\d{1,2}\b/g,
  /\b\d{1,2}[./]\d{1,2}(?:[./]\d{2,4})?\b/g,
  new RegExp(`\\b(?:\\d{1,2}(?:st|nd|rd|th)?\\s+)?(?:${MONTHS})\\b(?:\\s+\\d{1,2}(?:st|nd|rd|th)?)?`, "gi"),
  new RegExp(`\\b(?:last|this|next|on)?\\s*(?:${WEEKDAYS})\\b`, "gi"),
  /\b(?:yesterday|last (?:week|month|quarter|year)|this morning|the other day)\b/gi,
  /\bon the \d{1,2}(?:st|nd|rd|th)\b/gi,
];

const EVENT_PATTERNS: readonly RegExp[] = [
  /\b(?:the |our |that )?(?:offsite|off-site|retreat|all-hands|town hall|hackathon|conference|workshop|kick-?off|outage|incident|reorg|launch party)\b/gi,
  /\b(?:our|my|the) (?:1:1|1-1|one-on-one|one to one)s?\b/gi,
  /\bwhen I (?:told|asked|showed|presented|joined|raised|complained|escalated|left|came)\b/gi,
  /\bI was the (?:one|only)\b/gi,
  /\bthe only (?:one|person)\b/gi,
  /\bmy (?:first|last) (?:day|week|month|project)\b/gi,
  /\bas (?:your|his|her|their) (?:manager|direct report|report|peer|colleague)\b/gi,
];

/** Capitalised words that name no one. */
const NOT_NAMES = new Set(
  [
    "I",
    "I'm",
    "I've",
    "I'd",
    "I'll",
    "OK",
    "Ok",
    "Fivefold",
    "Inspire",
    "Vision",
    "Empower",
    "Dream",
    "Risk",
    "Risks",
    "Take",
    "Set",
    ...MONTHS.split("|"),
    ...WEEKDAYS.split("|"),
  ].map((w) => w.toLowerCase()),
);

function matchesOf(text: string, patterns: readonly RegExp[], kind: CommentRiskKind): CommentRisk[] {
  return patterns.flatMap((pattern) =>
    [...text.matchAll(pattern)].map((m) => ({ kind, match: m[0].trim() })).filter((r) => r.match.length > 0),
  );
}

/**
 * Capitalised words inside a sentence (not the first word of one), and two capitalised words in a
 * row anywhere ("Anna Berg"): the way a name shows in running text. Words in `allowed` (the
 * subject's own name, whom every comment is about) are not flagged.
 */
function namesIn(text: string, allowed: ReadonlySet<string>): CommentRisk[] {
  const risks: CommentRisk[] = [];
  const word = /[\p{L}][\p{L}'’-]*/gu;
  let sentenceStart = true;
  let previousEnd = 0;
  for (const m of text.matchAll(word)) {
    const between = text.slice(previousEnd, m.index);
    if (/[.!?:;\n]/.test(between) || m.index === 0) sentenceStart = true;
    const w = m[0];
    const capitalised = /^\p{Lu}\p{Ll}/u.test(w);
    const lower = w.toLowerCase();
    if (capitalised && !sentenceStart && !NOT_NAMES.has(lower) && !allowed.has(lower)) {
      risks.push({ kind: "name", match: w });
    }
    sentenceStart = false;
    previousEnd = m.index + w.length;
  }
  return risks;
}

/** What in a comment could identify its writer; the same words once each, in the order found. */
export function commentRisks(
  text: string,
  options: { allowedNames?: readonly string[] } = {},
): CommentRisk[] {
  const allowed = new Set(
    (options.allowedNames ?? []).flatMap((name) => name.toLowerCase().split(/\s+/)).filter(Boolean),
  );
  const dates = matchesOf(text, DATE_PATTERNS, "date");
  const dateWords = new Set(dates.flatMap((d) => d.match.toLowerCase().split(/\s+/)));
  const names = namesIn(text, allowed).filter((n) => !dateWords.has(n.match.toLowerCase()));
  const found = [...names, ...dates, ...matchesOf(text, EVENT_PATTERNS, "event")];
  const seen = new Set<string>();
  return found.filter((r) => {
    const key = `${r.kind}:${r.match.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const KIND_WORDS: Record<CommentRiskKind, string> = {
  name: "a name",
  date: "a date",
  event: "a particular event",
};

/** The gentle sentence the rater reads, or null when nothing stands out. */
export function commentCareMessage(risks: readonly CommentRisk[]): string | null {
  if (risks.length === 0) return null;
  const kinds = (["name", "date", "event"] as const).filter((k) => risks.some((r) => r.kind === k));
  const list = kinds.map((k) => KIND_WORDS[k]);
  const named = list.length > 1 ? `${list.slice(0, -1).join(", ")} and ${list.at(-1)}` : list[0];
  const examples = risks
    .slice(0, 3)
    .map((r) => `“${r.match}”`)
    .join(", ");
  return `This comment mentions ${named} (${examples}) that could point back to you. Describing the behaviour in general keeps you anonymous; you can still send it as it is.`;
}
