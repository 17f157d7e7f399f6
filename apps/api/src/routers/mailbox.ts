// The demo mailbox: without SMTP, admins read the organisation's outbox here.
import { schema } from "@fivefold/db";
import { PreconditionFailedError } from "@fivefold/domain";
import { desc, eq } from "drizzle-orm";
import { roleProcedure, router } from "../trpc/init";

export const mailboxRouter = router({
  list: roleProcedure("admin").query(async ({ ctx }) => {
    if (!ctx.mailboxEnabled) {
      throw new PreconditionFailedError(
        "The Mailbox is a demo aid: without the demo, e-mail goes out over SMTP (set SMTP_URL) and nobody reads it here",
      );
    }
    const rows = await ctx.db
      .select({
        id: schema.outbox.id,
        template: schema.outbox.template,
        to: schema.outbox.toEmail,
        subject: schema.outbox.subject,
        text: schema.outbox.text,
        state: schema.outbox.state,
        createdAt: schema.outbox.createdAt,
      })
      .from(schema.outbox)
      .where(eq(schema.outbox.orgId, ctx.org.id))
      .orderBy(desc(schema.outbox.createdAt), desc(schema.outbox.id))
      .limit(500);
    // Reminders go to non-responders without telling anyone who they are (DESIGN §4 rule 8).
    return rows.map((r) => ({
      ...r,
      to: r.template === "reminder" ? "a rater who has not answered yet (hidden)" : r.to,
      createdAt: r.createdAt.toISOString(),
    }));
  }),
});
