// The reminder job: once per request, `reminderDays` days before its deadline, each rater who has
// not answered gets an e-mail of their own with a fresh one-time link. Nobody else is told who was
// reminded: not the manager, not the audit log (which records only that reminders went out).
// Requests are claimed FOR UPDATE SKIP LOCKED and marked remindedAt in the same transaction, so
// several API processes never remind twice.
import {
  claimRequestToRemind,
  type Database,
  type Executor,
  type FeedbackRequestRow,
  findPersonNameById,
  listWaitingInvitations,
  markRequestReminded,
  replaceInvitationToken,
} from "@fivefold/db";
import { reminderDue } from "@fivefold/domain";
import { mailLanguagesOf } from "../../mail/i18n";
import { enqueueMail } from "../../mail/outbox";
import { reminderMail } from "../../mail/templates";
import { recordAudit } from "../audit/record";
import { newToken } from "../collect/tokens";

export interface ReminderRun {
  now: Date;
  appUrl: string;
  /** Requests handled in one run at most. */
  limit?: number;
}

/** Reminds the non-responders of every request due, each request in a transaction of its own. */
export async function sendDueReminders(
  db: Database,
  options: ReminderRun,
): Promise<Array<{ requestId: string; reminded: number }>> {
  const done: Array<{ requestId: string; reminded: number }> = [];
  for (let i = 0; i < (options.limit ?? 100); i++) {
    const result = await db.transaction((tx) => remindNext(tx, options));
    if (!result) break;
    done.push(result);
  }
  return done;
}

async function remindNext(tx: Executor, options: ReminderRun) {
  const claimed = await claimRequestToRemind(tx, options.now);
  if (!claimed) return null;
  const { request } = claimed;
  // The SQL finds candidates; the domain's rule decides.
  if (!reminderDue(request, claimed.reminderDays, options.now)) {
    await markRequestReminded(tx, request.orgId, request.id, options.now);
    return { requestId: request.id, reminded: 0 };
  }
  const reminded = await remindLocked(tx, request, options);
  return { requestId: request.id, reminded };
}

/**
 * Reminds the non-responders of a request the caller's transaction has locked (the job, or an
 * admin's reminder of a whole cycle); each gets a mail of their own, nobody hears who they are.
 */
export async function remindLocked(
  tx: Executor,
  request: FeedbackRequestRow,
  options: ReminderRun,
): Promise<number> {
  const subjectName = await findPersonNameById(tx, request.orgId, request.subjectId);
  const waiting = await listWaitingInvitations(tx, request.orgId, request.id);
  const addressOf = (invitation: (typeof waiting)[number]) =>
    invitation.personId ? (invitation.personActive ? invitation.personEmail : null) : invitation.email;
  const languageOf = await mailLanguagesOf(
    tx,
    request.orgId,
    waiting.flatMap((invitation) => addressOf(invitation) ?? []),
  );
  let reminded = 0;
  for (const invitation of waiting) {
    const to = addressOf(invitation);
    if (!to) continue;
    // Only the token's hash is stored, so the reminder carries a new link and the old one stops.
    const { token, hash } = newToken();
    await replaceInvitationToken(tx, invitation.id, hash);
    await enqueueMail(tx, {
      orgId: request.orgId,
      template: "reminder",
      to,
      meta: { requestId: request.id },
      ...reminderMail({
        language: languageOf(to),
        subjectName: subjectName ?? null,
        group: invitation.group,
        deadline: request.deadline,
        threshold: request.threshold,
        link: `${options.appUrl}/r/${token}`,
        inApp: invitation.personId !== null,
      }),
    });
    reminded++;
  }
  await markRequestReminded(tx, request.orgId, request.id, options.now);
  await recordAudit(tx, {
    orgId: request.orgId,
    actorId: null,
    action: "requests.remind",
    targetType: "feedback_request",
    targetId: request.id,
  });
  return reminded;
}
