// Writing e-mails to the outbox, inside the caller's transaction, so a mail exists exactly when
// the change that caused it was committed.
import { type Executor, insertOutboxMail } from "@fivefold/db";
import type { RenderedMail } from "./render";

export function enqueueMail(
  tx: Executor,
  mail: RenderedMail & { orgId: string; template: string; to: string; meta?: Record<string, unknown> },
): Promise<string> {
  return insertOutboxMail(tx, {
    orgId: mail.orgId,
    template: mail.template,
    toEmail: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    meta: mail.meta ?? {},
  });
}
