// The demo Mailbox: without SMTP, admins read the organisation's outbox here. Reminders go to
// non-responders without telling anyone who they are (DESIGN §4 rule 8), so their recipient is hidden.
import { listMailboxMail } from "@fivefold/db";
import { type MailboxOutput, PreconditionFailedError } from "@fivefold/domain";
import type { MemberServiceContext } from "../context";

export async function listMailbox({ ctx }: { ctx: MemberServiceContext }): Promise<MailboxOutput> {
  if (!ctx.mailboxEnabled) {
    throw new PreconditionFailedError(
      "The Mailbox is a demo aid: without the demo, e-mail goes out over SMTP (set SMTP_URL) and nobody reads it here",
    );
  }
  const rows = await listMailboxMail(ctx.db, ctx.org.id);
  return rows.map((r) => ({
    ...r,
    to: r.template === "reminder" ? "a rater who has not answered yet (hidden)" : r.to,
    createdAt: r.createdAt.toISOString(),
  }));
}
