// Mail delivery for admins, with or without SMTP: what failed or is stuck, and sending it again.
// Reminders never appear one by one (their recipients are exactly those who have not answered,
// DESIGN §4 rule 8): a count per request, retried by the worker while the request is open.
import {
  countUndeliveredReminders,
  deleteOutboxMail,
  findInvitationOfMail,
  listUndeliveredMail,
  lockOutboxMail,
  makeMailDueNow,
  replaceInvitationToken,
} from "@fivefold/db";
import {
  ConflictError,
  type MailProblems,
  mailProblem,
  NotFoundError,
  PreconditionFailedError,
  planResend,
  WAITING_AFTER_MS,
} from "@fivefold/domain";
import { mailLanguageOf } from "../../mail/i18n";
import { enqueueMail } from "../../mail/outbox";
import { invitationMail } from "../../mail/templates";
import { auditAs } from "../audit/record";
import { newToken } from "../collect/tokens";
import { type MemberServiceContext, nowOf, withTransaction } from "../context";

export async function listMailProblems({ ctx }: { ctx: MemberServiceContext }): Promise<MailProblems> {
  const now = nowOf(ctx);
  const query = {
    orgId: ctx.org.id,
    now,
    // In the demo Mailbox nothing is ever sent, so waiting is its normal state.
    waitingSince: ctx.mailboxEnabled ? null : new Date(now.getTime() - WAITING_AFTER_MS),
  };
  const [rows, reminders] = await Promise.all([
    listUndeliveredMail(ctx.db, query),
    countUndeliveredReminders(ctx.db, query),
  ]);
  const mails = rows.flatMap((row) => {
    const state = mailProblem(row, now);
    if (!state) return [];
    const plan = planResend(row, now);
    return [
      {
        id: row.id,
        template: row.template,
        to: row.toEmail,
        subject: row.subject,
        state,
        attempts: row.attempts,
        lastError: row.lastError,
        createdAt: row.createdAt.toISOString(),
        nextAttemptAt: row.state === "failed" ? null : row.nextAttemptAt.toISOString(),
        resendRefusal: plan.kind === "refused" ? plan.reason : null,
      },
    ];
  });
  return {
    mails,
    reminders: reminders.map((r) => ({
      requestId: r.requestId,
      subject: { id: r.subjectId, name: r.subjectName },
      deadline: r.deadline.toISOString(),
      notDelivered: r.notDelivered,
    })),
  };
}

export function resendMail({ ctx, input }: { ctx: MemberServiceContext; input: { mailId: string } }) {
  const now = nowOf(ctx);
  return withTransaction(ctx, async (ctx) => {
    const mail = await lockOutboxMail(ctx.db, { orgId: ctx.org.id, id: input.mailId });
    if (!mail) throw new NotFoundError("E-mail");
    const plan = planResend(mail, now);
    if (plan.kind === "refused") {
      throw plan.code === "conflict"
        ? new ConflictError(plan.reason)
        : new PreconditionFailedError(plan.reason);
    }
    if (plan.kind === "now") {
      await makeMailDueNow(ctx.db, { id: mail.id, now });
      await auditAs(ctx, "mail.resend", { type: "mail", id: mail.id }, { template: mail.template });
      return { mailId: mail.id, state: "pending" as const, newLink: false };
    }
    // A failed mail goes back as a fresh copy, under a new Message-ID: its content may differ (a
    // new link), and a receiver must not take it for a copy of the first.
    let copy = { to: mail.toEmail, subject: mail.subject, text: mail.text, html: mail.html, meta: mail.meta };
    if (plan.kind === "new_link") copy = await reissueInvitation(ctx, mail, now);
    await deleteOutboxMail(ctx.db, mail.id);
    const mailId = await enqueueMail(ctx.db, { orgId: ctx.org.id, template: mail.template, ...copy });
    await auditAs(
      ctx,
      "mail.resend",
      { type: "mail", id: mailId },
      { template: mail.template, replaces: mail.id, newLink: plan.kind === "new_link" },
    );
    return { mailId, state: "pending" as const, newLink: plan.kind === "new_link" };
  });
}

/**
 * The stored copy of a failed invitation lost its link (only the token's hash is kept), so it is
 * written again with a new link, to the rater's current address. The same whether or not they
 * have answered since (in the inbox): the admin learns nothing of that.
 */
async function reissueInvitation(
  ctx: MemberServiceContext,
  mail: { toEmail: string; meta: Record<string, unknown> },
  now: Date,
) {
  const requestId = typeof mail.meta.requestId === "string" ? mail.meta.requestId : null;
  const found = requestId
    ? await findInvitationOfMail(ctx.db, {
        orgId: ctx.org.id,
        requestId,
        invitationId: typeof mail.meta.invitationId === "string" ? mail.meta.invitationId : null,
        address: mail.toEmail,
      })
    : null;
  if (!found) throw new PreconditionFailedError("This rater is no longer invited: there is nothing to send");
  if (found.request.state !== "open" || found.request.deadline.getTime() <= now.getTime()) {
    throw new PreconditionFailedError(
      "This request no longer collects answers: there is nothing to invite to",
    );
  }
  if (!found.address) {
    throw new PreconditionFailedError(
      "This rater has no active address any more: there is nowhere to send it",
    );
  }
  const { token, hash } = newToken();
  await replaceInvitationToken(ctx.db, found.invitationId, hash);
  const link = `${ctx.appUrl}/r/${token}`;
  return {
    to: found.address,
    meta: { requestId: found.request.id, invitationId: found.invitationId, link: `/r/${token}` },
    ...invitationMail({
      language: await mailLanguageOf(ctx.db, ctx.org.id, found.address),
      subjectName: found.subjectName,
      group: found.group,
      deadline: found.request.deadline,
      threshold: found.request.threshold,
      link,
      inApp: found.personId !== null,
    }),
  };
}
