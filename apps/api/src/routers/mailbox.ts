// The demo mailbox: without SMTP, admins read the organisation's outbox here.
import { schema } from "@fivefold/db";
import { PreconditionFailedError } from "@fivefold/domain";
import { desc, eq } from "drizzle-orm";
import { roleProcedure, router } from "../trpc/init";

export const mailboxRouter = router({
  list: roleProcedure("admin").query(async ({ ctx }) => {
    if (!ctx.mailboxEnabled) {
      throw new PreconditionFailedError("E-mail is sent over SMTP here: there is no mailbox to read");
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
    return rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  }),
});
