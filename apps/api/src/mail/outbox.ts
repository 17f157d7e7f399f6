// Writing e-mails to the outbox, inside the caller's transaction, so a mail exists exactly when
// the change that caused it was committed.
import { type Executor, schema } from "@fivefold/db";
import type { RenderedMail } from "./render";

export async function enqueueMail(
  tx: Executor,
  mail: RenderedMail & { orgId: string; template: string; to: string; meta?: Record<string, unknown> },
): Promise<string> {
  const [row] = await tx
    .insert(schema.outbox)
    .values({
      orgId: mail.orgId,
      template: mail.template,
      toEmail: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      meta: mail.meta ?? {},
    })
    .returning({ id: schema.outbox.id });
  if (!row) throw new Error("the outbox took no row");
  return row.id;
}
