// matchPartners(): ranks colleagues who opted in as accountability partners, preferring those whose
// own released profile is strong where the subject wants to grow. Profiles hold only figures that
// met k, so matching never uses anything a report would not show.
import type { DimensionKey } from "../instrument";
import type { PartnerRole } from "./circle";

/** A bonus for candidates who offered to support one of the focus dimensions. */
export const OFFERED_BONUS = 0.5;

export interface PartnerCandidate {
  readonly personId: string;
  readonly name: string;
  readonly optIn: boolean;
  /** Dimensions the person offered to support; empty means any. */
  readonly optInDimensions: readonly DimensionKey[];
  /** Everyone-but-self means from the candidate's latest released report, only where shown. */
  readonly profile: Readonly<Partial<Record<DimensionKey, number | null>>>;
}

export interface MatchPartnersInput {
  readonly subjectId: string;
  readonly subjectDirectReportIds: readonly string[];
  readonly focus: readonly DimensionKey[];
  readonly candidates: readonly PartnerCandidate[];
  readonly role?: PartnerRole;
  /** Dimension names for the reasons; defaults to the keys. */
  readonly dimensionNames?: Readonly<Partial<Record<DimensionKey, string>>>;
}

export interface PartnerMatch {
  personId: string;
  name: string;
  reason: string;
  score: number;
}

export function matchPartners(input: MatchPartnersInput): PartnerMatch[] {
  const role = input.role ?? "partner";
  const nameOf = (key: DimensionKey) => input.dimensionNames?.[key] ?? key;
  const eligible = input.candidates.filter(
    (candidate) =>
      candidate.personId !== input.subjectId &&
      candidate.optIn &&
      // A direct report cannot hold their own manager to account without the roles getting in the way.
      !(role === "lead" && input.subjectDirectReportIds.includes(candidate.personId)),
  );
  return eligible
    .map((candidate) => {
      const known = input.focus.flatMap((key) => {
        const mean = candidate.profile[key];
        return mean === null || mean === undefined ? [] : [{ key, mean }];
      });
      const strength =
        known.length === 0 ? 0 : known.reduce((sum, entry) => sum + entry.mean, 0) / known.length;
      const offered = input.focus.filter((key) => candidate.optInDimensions.includes(key));
      const reasons = [
        ...known.map((entry) => `seen by others at ${entry.mean.toFixed(1)} in ${nameOf(entry.key)}`),
        ...offered.map((key) => `offered to support ${nameOf(key)}`),
      ];
      const reason =
        reasons.length > 0
          ? reasons.join("; ").replace(/^./, (first) => first.toUpperCase())
          : "Opted in as a partner; no released report to match on yet";
      const score = Math.round((strength + (offered.length > 0 ? OFFERED_BONUS : 0)) * 100) / 100;
      return { personId: candidate.personId, name: candidate.name, reason, score };
    })
    .sort((a, b) => b.score - a.score || (a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0));
}
