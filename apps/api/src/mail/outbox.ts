// Writing e-mails to the outbox, inside the caller's transaction, so a mail exists exactly when
// the change that caused it was committed. A personal notice also goes to chat (or only there) when
// its person chose so and the organisation connected Slack: routed in the same transaction.
import { type Executor, insertOutboxMail, routeNoticesToChat } from "@fivefold/db";
import { CHAT_NOTICE_TEMPLATES } from "@fivefold/domain";
import type { RenderedMail } from "./render";

const CHAT_TEMPLATES: ReadonlySet<string> = new Set(CHAT_NOTICE_TEMPLATES);

/** Sends these outbox rows to chat too, by their recipients' choices (notices of other kinds stay e-mail). */
export async function routeToChat(tx: Executor, mails: ReadonlyArray<{ id: string; template: string }>) {
  const ids = mails.filter((m) => CHAT_TEMPLATES.has(m.template)).map((m) => m.id);
  if (ids.length > 0) await routeNoticesToChat(tx, { mailIds: ids, templates: CHAT_NOTICE_TEMPLATES });
}

export async function enqueueMail(
  tx: Executor,
  mail: RenderedMail & { orgId: string; template: string; to: string; meta?: Record<string, unknown> },
): Promise<string> {
  const id = await insertOutboxMail(tx, {
    orgId: mail.orgId,
    template: mail.template,
    toEmail: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    meta: mail.meta ?? {},
  });
  await routeToChat(tx, [{ id, template: mail.template }]);
  return id;
}
