// E-mail delivery as admins see it: which mails are in trouble, and what "send again" means for
// each. Reminders go exactly to the raters who have not answered (DESIGN §4 rule 8), so no admin
// sees one by one who they went to or sends one by hand: they show as a count per request, and
// the worker retries them on its own while their request is open.
import { z } from "zod";
import { forPeople } from "../i18n/for-people";

export type OutboxState = "pending" | "sending" | "sent" | "failed";

/** A pending mail never tried for this long is waiting on something (no SMTP, a stalled worker). */
export const WAITING_AFTER_MS = 15 * 60_000;

export const mailProblemStates = ["failed", "retrying", "interrupted", "waiting"] as const;
export type MailProblemState = (typeof mailProblemStates)[number];

export interface OutboxFacts {
  template: string;
  state: OutboxState;
  attempts: number;
  nextAttemptAt: Date;
}

/**
 * Why a mail needs an admin's eye, or null when it does not: failed for good; retrying after a
 * failed attempt; interrupted (its process died mid-send; the worker resends it once the lease
 * runs out); waiting (never tried, long due).
 */
export function mailProblem(mail: OutboxFacts, now: Date): MailProblemState | null {
  if (mail.state === "failed") return "failed";
  if (mail.state === "sent") return null;
  const due = mail.nextAttemptAt.getTime() <= now.getTime();
  if (mail.state === "sending") return due ? "interrupted" : null;
  if (mail.attempts > 0) return "retrying";
  return now.getTime() - mail.nextAttemptAt.getTime() >= WAITING_AFTER_MS ? "waiting" : null;
}

/** Templates whose mail carries a one-time link, cut from the stored copy once it failed. */
const ONE_TIME_LINK_TEMPLATES = new Set(["invitation", "password"]);

export type ResendPlan =
  /** Not failed yet: try it now instead of at its next attempt. */
  | { kind: "now" }
  /** Failed: a fresh copy goes into the outbox (and the failed row leaves it). */
  | { kind: "copy" }
  /** Failed, and its one-time link is gone: a new link is issued with the fresh copy. */
  | { kind: "new_link" }
  /** `reason`: a sentence for people, sent as the refusal's message. */
  | { kind: "refused"; code: "precondition_failed" | "conflict"; reason: string };

export function planResend(mail: OutboxFacts, now: Date): ResendPlan {
  if (mail.template === "reminder") {
    return {
      kind: "refused",
      code: "precondition_failed",
      reason: forPeople(
        "Reminders go only to raters who have not answered, so they are never listed or sent by hand: Fivefold retries them until the request closes",
      ),
    };
  }
  if (mail.state === "sent")
    return { kind: "refused", code: "conflict", reason: forPeople("This e-mail was sent already") };
  if (mail.state === "sending" && mail.nextAttemptAt.getTime() > now.getTime()) {
    return { kind: "refused", code: "conflict", reason: forPeople("This e-mail is being sent right now") };
  }
  if (mail.state !== "failed") return { kind: "now" };
  if (mail.template === "password") {
    return {
      kind: "refused",
      code: "precondition_failed",
      reason: forPeople(
        "A password link works once and was removed when its e-mail failed: ask them to use “Forgot your password?” on the sign-in page for a new one",
      ),
    };
  }
  return ONE_TIME_LINK_TEMPLATES.has(mail.template) ? { kind: "new_link" } : { kind: "copy" };
}

export const resendMailInput = z.object({ mailId: z.uuid({ error: "The e-mail must be an id" }) });

export const resendMailOutput = z.object({
  /** The mail now queued: the same row when tried early, a fresh copy when it had failed. */
  mailId: z.uuid(),
  state: z.literal("pending"),
  newLink: z.boolean(),
});

export const mailProblemsOutput = z.object({
  mails: z.array(
    z.object({
      id: z.uuid(),
      template: z.string(),
      to: z.string(),
      subject: z.string(),
      state: z.enum(mailProblemStates),
      attempts: z.number().int(),
      lastError: z.string().nullable(),
      createdAt: z.iso.datetime({ offset: true }),
      nextAttemptAt: z.iso.datetime({ offset: true }).nullable(),
      /** Why "send again" is not offered, or null when it is. */
      resendRefusal: z.string().nullable(),
    }),
  ),
  /** Reminders not delivered yet, per open request: a count only, never who they are for. */
  reminders: z.array(
    z.object({
      requestId: z.uuid(),
      subject: z.object({ id: z.uuid(), name: z.string() }),
      deadline: z.iso.datetime({ offset: true }),
      notDelivered: z.number().int().positive(),
    }),
  ),
});
export type MailProblems = z.infer<typeof mailProblemsOutput>;
