// The one thank-you a subject sends after their report is released (issue 19, after Goldsmith and
// Morgan: leaders who follow up with their co-workers are seen to improve). It goes to every rater
// who was invited, answered or not, so that receiving it says nothing about having answered.
import { z } from "zod";
import { mailboxOf } from "../anonymity/addresses";
import type { DimensionKey, RaterGroup } from "../instrument";

export const THANK_YOU_LIMITS = { min: 20, max: 1200 } as const;

// Control characters other than the line break and the tab have no place in a letter, and some
// (the bidi overrides) make a mail read differently from what it says.
function hasControlCharacter(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code === 0x0a || code === 0x0d || code === 0x09) continue;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f)) return true;
    if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return true;
  }
  return false;
}

export const thankYouTextSchema = z
  .string()
  .trim()
  .min(THANK_YOU_LIMITS.min, { error: `Write at least ${THANK_YOU_LIMITS.min} characters` })
  .max(THANK_YOU_LIMITS.max, { error: `Keep it under ${THANK_YOU_LIMITS.max} characters` })
  .refine((text) => !hasControlCharacter(text), { error: "Remove the control characters from the text" });

/** An invitation of the request, as the thank-you sees it: where it can reach, and whose it is. */
export interface ThankYouInvitation {
  group: RaterGroup;
  /** The colleague invited, or null for an external rater. */
  personId: string | null;
  /** The colleague's current address, or the external rater's. */
  email: string | null;
  /** The colleague's data was erased: they get nothing. */
  erased: boolean;
}

export interface ThankYouRecipients {
  /** One address per mailbox, in no meaningful order (the caller's order). */
  addresses: string[];
  /**
   * The invited raters other than the subject: the number the report already shows the subject
   * (its groups' invited counts plus those not counted, minus their own self-rating). This is what
   * the subject is told, so the answer never says how many raters were erased since.
   */
  addressed: number;
}

/**
 * Who receives the thank-you: every invitation whatever its state (pending, submitted, declined),
 * counted or not, colleague or external, except the subject's own and those of erased people;
 * one mail per mailbox. The invitations' state is not even an input: it cannot change the outcome.
 */
export function thankYouRecipients(
  invitations: readonly ThankYouInvitation[],
  subjectId: string,
): ThankYouRecipients {
  const others = invitations.filter((i) => i.group !== "self" && i.personId !== subjectId);
  const seen = new Set<string>();
  const addresses: string[] = [];
  for (const invitation of others) {
    if (invitation.erased || !invitation.email) continue;
    const mailbox = mailboxOf(invitation.email);
    if (seen.has(mailbox)) continue;
    seen.add(mailbox);
    addresses.push(invitation.email);
  }
  return { addresses, addressed: others.length };
}

const lower = (name: string) => name.replace(/ & /g, " and ").toLowerCase();

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * Two or three texts the subject may pick and edit, built from what they chose to work on (the
 * plan's focus, or the focus the report suggests) in the instrument's words.
 */
export function thankYouSuggestions(input: {
  focus: ReadonlyArray<{ key: DimensionKey; name: string }>;
}): string[] {
  const names = joinNames(input.focus.map((d) => lower(d.name)));
  const open =
    "Thank you for being asked to take part in my 360 feedback, whether or not you had the time to answer.";
  if (!names) {
    return [
      `${open} I have read my report and I am choosing what to work on next: if you have ideas on what I could do better, I would value hearing them.`,
      `${open} I am working on what it showed me, and your ideas are welcome at any time.`,
    ];
  }
  return [
    `${open} I am working on one thing in particular: ${names}. If you have ideas on what I could do differently, I would value hearing them.`,
    `Thank you for your part in my 360 feedback. Over the coming months I am focusing on ${names}. When you see me do it well, or miss a chance to, please tell me.`,
    `${open} I have read my report and chosen to work on ${names}. I would value your ideas: what is one thing I could start doing?`,
  ];
}
