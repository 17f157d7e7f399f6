// What may go to chat, and where. Personal notices go only as direct messages to their person: a
// channel would tell everyone who has not answered and would carry one-time links. A channel gets
// cycle-level announcements only, whose text names no person and carries no link.
import type { Language } from "../i18n/languages";

/** The notices a person may choose to receive in chat (never sign-in or password mail). */
export const CHAT_NOTICE_TEMPLATES = [
  "invitation",
  "reminder",
  "report_released",
  "request_insufficient",
  "partner_invitation",
  "partner_response",
  "partner_removed",
  "partner_left",
  "checkin_due",
  "checkin_overdue",
  "rater_thanks",
] as const;

export const NOTIFY_BY = ["email", "chat", "both"] as const;
export type NotifyByChoice = (typeof NOTIFY_BY)[number];

const LINK = /(https?:\/\/|www\.|\/r\/|token=)/i;
const ADDRESS = /[^\s@]+@[^\s@]+/;
const MENTION = /<[@#!]/;

/**
 * Whether a text may be posted to a channel: no link of any kind, no address, no mention. The
 * channel sender refuses anything else, whatever wrote the row.
 */
export function isChannelSafe(text: string): boolean {
  return text.trim().length > 0 && !LINK.test(text) && !ADDRESS.test(text) && !MENTION.test(text);
}

/**
 * The announcement of a cycle's opening: its name only, in the organisation's language (English
 * unless another is asked for). A name that is not channel-safe (an admin typed a link or an
 * address into it) gives the announcement without the name.
 */
export function cycleOpensAnnouncement(cycleName: string, language: Language = "en"): string {
  const name = cycleName.trim().replace(/\s+/g, " ").slice(0, 120);
  const [named, unnamed] =
    language === "de"
      ? [
          `Der Feedback-Zyklus „${name}“ beginnt heute. Die Einladungen erhalten alle persönlich.`,
          "Ein Feedback-Zyklus beginnt heute. Die Einladungen erhalten alle persönlich.",
        ]
      : [
          `The ${name} feedback cycle opens today. Invitations arrive personally.`,
          "A feedback cycle opens today. Invitations arrive personally.",
        ];
  return isChannelSafe(named) ? named : unnamed;
}

/** Slack user ids start with U or W; anything else (a channel C…, a group G…) is refused for a DM. */
export function isSlackUserId(id: string): boolean {
  return /^[UW][A-Z0-9]{2,}$/.test(id);
}
