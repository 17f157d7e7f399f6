// The pulse's figures (DESIGN §4 applied to the pulse). One pool of raters (the anonymous raters of
// the report the plan grew from), one figure per focus behaviour:
// - rule 2 per figure: a behaviour's mean is shown only when at least k raters scored it (after
//   "cannot say"); fewer than k answers in all and nothing is shown;
// - rule 10 among the subject's pulses only: against every figure on the same behaviour that an
//   earlier pulse showed, the raters behind the two may differ each way by zero or at least k
//   people, or the new figure is hidden (a pulse is never compared with the full report: another
//   scale, another question, so no subtraction of one from the other means anything);
// - rule 6: a mean and its count, never a distribution, a minimum or a single answer.
import { mayDifferByFew } from "../anonymity/history";

export type PerceivedChange = { itemId: string; mean: number; n: number } | { itemId: string; hidden: true };

/** One earlier released pulse on the subject: who answered it and what it showed. */
export interface EarlierPulse {
  readonly answeredBy: readonly string[];
  readonly figures: readonly PerceivedChange[];
  readonly suggestionsShown: boolean;
}

export interface PulseTally {
  /** The behaviours asked about, in the plan's order. */
  readonly items: readonly string[];
  /** The answers, in no order and with nobody's name: item id → −3…+3, or null for "cannot say". */
  readonly responses: ReadonlyArray<Readonly<Record<string, number | null>>>;
  /** Stable keys of the raters who answered (known from the invitations, never paired with answers). */
  readonly answeredBy: readonly string[];
  readonly threshold: number;
  readonly earlier: readonly EarlierPulse[];
}

export interface PulseResult {
  readonly outcome: "released" | "insufficient";
  readonly figures: PerceivedChange[];
  /** Whether the pulse's suggestions may be shown (k answers, and rule 10 among pulses). */
  readonly suggestionsShown: boolean;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

function shownN(figures: readonly PerceivedChange[], itemId: string): number | null {
  const figure = figures.find((entry) => entry.itemId === itemId);
  return figure && "n" in figure ? figure.n : null;
}

export function perceivedChange(tally: PulseTally): PulseResult {
  const k = tally.threshold;
  const raters = new Set(tally.answeredBy);
  const hideAll = () => tally.items.map((itemId) => ({ itemId, hidden: true as const }));
  // The answers and the answerers must tally; if not, assume the worst and show nothing.
  if (tally.responses.length < k || raters.size !== tally.responses.length) {
    return { outcome: "insufficient", figures: hideAll(), suggestionsShown: false };
  }
  const earlier = tally.earlier.map((pulse) => ({ ...pulse, raters: new Set(pulse.answeredBy) }));
  const figures = tally.items.map((itemId): PerceivedChange => {
    const scores = tally.responses
      .map((response) => response[itemId])
      .filter((score): score is number => typeof score === "number");
    const n = scores.length;
    if (n < k) return { itemId, hidden: true };
    const clash = earlier.some((pulse) => {
      const theirs = shownN(pulse.figures, itemId);
      return theirs !== null && mayDifferByFew({ raters, n }, { raters: pulse.raters, n: theirs }, k);
    });
    if (clash) return { itemId, hidden: true };
    return { itemId, mean: round2(scores.reduce((sum, score) => sum + score, 0) / n), n };
  });
  const all = raters.size;
  const suggestionsShown = earlier.every(
    (pulse) =>
      !pulse.suggestionsShown ||
      !mayDifferByFew({ raters, n: all }, { raters: pulse.raters, n: pulse.raters.size }, k),
  );
  return { outcome: "released", figures, suggestionsShown };
}
