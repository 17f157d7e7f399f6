// Rater groups and what each group is promised about anonymity before rating (DESIGN §4).
import { z } from "zod";
import type { Language } from "../i18n/languages";

export const RATER_GROUPS = ["self", "manager", "peer", "direct_report", "other"] as const;
export type RaterGroup = (typeof RATER_GROUPS)[number];
export const raterGroupSchema = z.enum(RATER_GROUPS);

/** Shown apart and labelled: every rater in these groups is told so before rating. */
export const IDENTIFIABLE_GROUPS = ["self", "manager"] as const satisfies readonly RaterGroup[];
export type IdentifiableGroup = (typeof IDENTIFIABLE_GROUPS)[number];

/** Only ever shown combined with at least k raters. */
export const ANONYMOUS_GROUPS = ["peer", "direct_report", "other"] as const satisfies readonly RaterGroup[];
export type AnonymousGroup = (typeof ANONYMOUS_GROUPS)[number];

export function isAnonymousGroup(group: RaterGroup): group is AnonymousGroup {
  return (ANONYMOUS_GROUPS as readonly RaterGroup[]).includes(group);
}

export const RATER_GROUP_LABELS: Readonly<Record<RaterGroup, string>> = {
  self: "Self",
  manager: "Manager",
  peer: "Peers",
  direct_report: "Direct reports",
  other: "Other colleagues",
};

/** The label of the "everyone but self" figure (anonymous raters and the manager together). */
export const OTHERS_LABEL = "Everyone but self";

/**
 * The sentence a rater reads before rating, so nobody believes they are anonymous when they are not;
 * in English unless another language is asked for (e-mails are written in their reader's).
 */
export function anonymityPromise(group: RaterGroup, threshold = 3, language: Language = "en"): string {
  return language === "de" ? germanPromise(group, threshold) : englishPromise(group, threshold);
}

function englishPromise(group: RaterGroup, threshold: number): string {
  switch (group) {
    case "self":
      return "This is your self-assessment: it appears in your report as your own view, labelled Self.";
    case "manager":
      return "As the manager, your answers are shown apart and labelled Manager: the person will know they are yours.";
    default:
      return `Your answers are anonymous: they are only shown combined with those of at least ${threshold} people, and your comments appear without your name or group.`;
  }
}

function germanPromise(group: RaterGroup, threshold: number): string {
  switch (group) {
    case "self":
      return "Dies ist Ihre Selbsteinschätzung: Sie erscheint in Ihrem Bericht als Ihre eigene Sicht, gekennzeichnet als „Selbst“.";
    case "manager":
      return "Als Führungskraft werden Ihre Antworten getrennt gezeigt und als „Führungskraft“ gekennzeichnet: Die Person wird wissen, dass sie von Ihnen stammen.";
    default:
      return `Ihre Antworten sind anonym: Sie werden nur zusammen mit denen von mindestens ${threshold} Personen gezeigt, und Ihre Kommentare erscheinen ohne Ihren Namen und ohne Ihre Gruppe.`;
  }
}
