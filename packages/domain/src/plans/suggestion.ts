// Partner suggestions as the plan's owner reads them. The ranking (matchPartners) uses the
// colleague's own released figures; the reason shown never quotes them: those figures belong to the
// colleague, so the owner only learns, in words, where others see a strength.
import type { DimensionKey } from "../instrument";
import { type MatchPartnersInput, matchPartners } from "./matching";

/** An everyone-but-self mean from here up reads as "a strength others see". */
export const STRONG_MEAN = 4;
export const MAX_SUGGESTIONS = 8;

export interface PartnerSuggestion {
  personId: string;
  name: string;
  /** Focus dimensions where colleagues see a strength of theirs (no figure: the words say it). */
  strong: DimensionKey[];
  /** Focus dimensions they offered to support. */
  offered: DimensionKey[];
  /** The same in English words (the web writes it from `strong` and `offered` in the reader's language). */
  reason: string;
}

function list(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

export function suggestPartners(input: MatchPartnersInput & { limit?: number }): PartnerSuggestion[] {
  const nameOf = (key: DimensionKey) => input.dimensionNames?.[key] ?? key;
  const byId = new Map(input.candidates.map((candidate) => [candidate.personId, candidate]));
  return matchPartners(input)
    .slice(0, input.limit ?? MAX_SUGGESTIONS)
    .map((match) => {
      const candidate = byId.get(match.personId);
      const strong = input.focus.filter((key) => (candidate?.profile[key] ?? 0) >= STRONG_MEAN);
      const offered = input.focus.filter((key) => candidate?.optInDimensions.includes(key));
      const reasons = [
        ...(strong.length > 0 ? [`Colleagues see ${list(strong.map(nameOf))} as a strength of theirs`] : []),
        ...(offered.length > 0 ? [`offered to support ${list(offered.map(nameOf))}`] : []),
      ];
      const reason =
        reasons.length > 0
          ? reasons.join("; ").replace(/^./, (first) => first.toUpperCase())
          : "Opted in as an accountability partner";
      return { personId: match.personId, name: match.name, strong, offered, reason };
    });
}
