// Which raters count towards k and the subtraction rule (DESIGN §4 rule 9). A reader who controls
// some of a group's raters (sock puppets at addresses they read) can subtract those answers and read
// the rest, so only raters no reader controls may protect anyone. Colleagues are people of the
// organisation and count; an external address counts only when the organisation vouches for its
// domain or an admin who does not read the report approved it. The verdict is per group, the same
// for every external in it, so no response needs a mark of its own.
import { formatDay } from "../dates";
import { InvalidInputError } from "../errors";
import {
  ANONYMOUS_GROUPS,
  type AnonymousGroup,
  isAnonymousGroup,
  RATER_GROUP_LABELS,
  type RaterGroup,
} from "../instrument";
import { emailDomain, mailboxOf } from "./addresses";

export interface ExternalNominee {
  readonly email: string;
  readonly group: RaterGroup;
  /** An admin who does not read the report approved this address. */
  readonly approved: boolean;
}

export type ExternalReason = "allowed_domain" | "approved" | "not_vouched_for" | "group_not_counted";

export interface ExternalVerdict {
  readonly email: string;
  readonly group: AnonymousGroup;
  readonly counts: boolean;
  readonly reason: ExternalReason;
}

/**
 * What a manager is warned of about the raters they nominate: the facts (so the web writes the
 * warning in the reader's language) and `detail`, the same warning as an English sentence.
 */
export type RaterWarning =
  | {
      readonly kind: "external_not_counted";
      readonly email: string;
      /** Not vouched for itself, or held back with the other externals of its group. */
      readonly reason: "not_vouched_for" | "group_not_counted";
      readonly domain: string;
      readonly detail: string;
    }
  | {
      readonly kind: "close_to_earlier_report";
      /** The groups that differ by too few people; empty: all anonymous raters together. */
      readonly groups: AnonymousGroup[];
      readonly threshold: number;
      /** The day the earlier report was released, YYYY-MM-DD. */
      readonly releasedOn: string;
      readonly detail: string;
    };

/**
 * The verdict on every external of anonymous groups, and whether each group's externals count. A
 * group counts its externals only when every one of them is vouched for.
 */
export function decideExternalCounting(
  externals: readonly ExternalNominee[],
  allowedDomains: readonly string[],
): { verdicts: ExternalVerdict[]; externalsCount: Record<AnonymousGroup, boolean> } {
  const allowed = new Set(allowedDomains.map((domain) => domain.toLowerCase()));
  const vouched = (nominee: ExternalNominee): ExternalReason =>
    allowed.has(emailDomain(nominee.email))
      ? "allowed_domain"
      : nominee.approved
        ? "approved"
        : "not_vouched_for";
  const anonymous = externals.filter((nominee) => isAnonymousGroup(nominee.group));
  const externalsCount = Object.fromEntries(
    ANONYMOUS_GROUPS.map((group) => [
      group,
      anonymous.filter((n) => n.group === group).every((n) => vouched(n) !== "not_vouched_for"),
    ]),
  ) as Record<AnonymousGroup, boolean>;
  const verdicts = anonymous.map((nominee): ExternalVerdict => {
    const group = nominee.group as AnonymousGroup;
    const own = vouched(nominee);
    const counts = externalsCount[group];
    return {
      email: nominee.email,
      group,
      counts,
      reason: counts || own === "not_vouched_for" ? own : "group_not_counted",
    };
  });
  return { verdicts, externalsCount };
}

/** What the manager reads about each external who will not count. */
export function externalWarnings(
  verdicts: readonly ExternalVerdict[],
): Extract<RaterWarning, { kind: "external_not_counted" }>[] {
  return verdicts
    .filter((verdict) => !verdict.counts)
    .map((verdict) => ({
      kind: "external_not_counted" as const,
      email: verdict.email,
      reason: verdict.reason === "not_vouched_for" ? "not_vouched_for" : "group_not_counted",
      domain: emailDomain(verdict.email),
      detail:
        verdict.reason === "not_vouched_for"
          ? `${verdict.email} may answer, but does not count towards anonymity: ${emailDomain(verdict.email)} is not on the organisation's list of external domains, and no admin who does not read this report has approved the address. The report is computed without this group's external raters.`
          : `${verdict.email} may answer, but does not count towards anonymity: another external rater in the same group is not vouched for, and externals of one group count all together or not at all.`,
    }));
}

/** The warning when the nominated anonymous raters are close to those of an earlier report (rule 10). */
export function closeToEarlierWarning(facts: {
  groups: readonly AnonymousGroup[];
  threshold: number;
  releasedOn: string;
}): RaterWarning {
  const where =
    facts.groups.length > 0
      ? facts.groups.map((g) => RATER_GROUP_LABELS[g].toLowerCase()).join(", ")
      : "all anonymous raters together";
  return {
    kind: "close_to_earlier_report",
    groups: [...facts.groups],
    threshold: facts.threshold,
    releasedOn: facts.releasedOn,
    detail: `The anonymous raters you nominated (${where}) differ by fewer than ${facts.threshold} people from those who answered the report released on ${formatDay(facts.releasedOn)}. Figures that would differ by so few are hidden when this report is released, so that nobody's answers can be worked out by comparing the two. Keep the same raters or change at least ${facts.threshold} of them.`,
  };
}

/**
 * Refuses an external address that reaches a reader of the report or a person of the organisation:
 * a colleague must be invited as that colleague, and a reader must never rate anonymously.
 * `known` maps normalised addresses to who they belong to, for the message.
 */
export function assertNotControlledAddress(
  externals: readonly { email: string; field: string }[],
  known: ReadonlyMap<string, { name: string; reader: boolean }>,
): void {
  for (const external of externals) {
    const owner = known.get(mailboxOf(external.email));
    if (!owner) continue;
    throw new InvalidInputError(
      owner.reader
        ? `${external.email} reaches ${owner.name}, who reads this report: readers never rate anonymously, or their own answers would let them work out the others'`
        : `${external.email} reaches ${owner.name}, who is in your organisation: invite them as that colleague, not as an external rater`,
      { [external.field]: `${external.email} belongs to ${owner.name}` },
    );
  }
}
