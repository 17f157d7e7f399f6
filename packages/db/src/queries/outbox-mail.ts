// Looking up mail already written to the outbox, so a job can send a reminder once per occasion.
import { and, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { outbox } from "../schema";

/** Whether a mail with this template, recipient and (at least) this meta exists for the organisation. */
export async function outboxHasMail(
  db: Executor,
  input: { orgId: string; template: string; to: string; meta: Record<string, string> },
): Promise<boolean> {
  const [row] = await db
    .select({ id: outbox.id })
    .from(outbox)
    .where(
      and(
        eq(outbox.orgId, input.orgId),
        eq(outbox.template, input.template),
        eq(outbox.toEmail, input.to),
        sql`${outbox.meta} @> ${JSON.stringify(input.meta)}::jsonb`,
      ),
    )
    .limit(1);
  return Boolean(row);
}
