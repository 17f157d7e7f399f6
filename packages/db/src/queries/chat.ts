// Chat notices (Slack): the organisation's sealed settings, a person's preference, and routing
// e-mails already in the outbox to chat. Routing happens in the transaction that wrote the e-mails,
// so a chat copy exists exactly when its e-mail does; its de-duplication key (`chat:<mail id>`)
// makes routing twice a no-op.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { chatSettings, outbox, people } from "../schema";

export type ChatSettingsRow = typeof chatSettings.$inferSelect;
export type NotifyBy = "email" | "chat" | "both";

export async function findChatSettings(db: Executor, orgId: string): Promise<ChatSettingsRow | undefined> {
  const [row] = await db.select().from(chatSettings).where(eq(chatSettings.orgId, orgId));
  return row;
}

export async function saveChatSettings(db: Executor, row: ChatSettingsRow): Promise<void> {
  const { orgId, ...rest } = row;
  await db
    .insert(chatSettings)
    .values(row)
    .onConflictDoUpdate({ target: chatSettings.orgId, set: { ...rest, orgId } });
}

export async function deleteChatSettings(db: Executor, orgId: string): Promise<boolean> {
  const rows = await db
    .delete(chatSettings)
    .where(eq(chatSettings.orgId, orgId))
    .returning({ orgId: chatSettings.orgId });
  return rows.length > 0;
}

export async function findNotifyBy(db: Executor, orgId: string, personId: string): Promise<NotifyBy> {
  const [row] = await db
    .select({ notifyBy: people.notifyBy })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.id, personId)));
  return (row?.notifyBy as NotifyBy | undefined) ?? "email";
}

export async function saveNotifyBy(
  db: Executor,
  input: { orgId: string; personId: string; notifyBy: NotifyBy },
): Promise<void> {
  await db
    .update(people)
    .set({ notifyBy: input.notifyBy })
    .where(and(eq(people.orgId, input.orgId), eq(people.id, input.personId)));
}

/**
 * Sends these e-mails (only of the given templates, only to people whose organisation has a Slack
 * bot) also, or instead, as direct messages, by each recipient's preference: `both` adds a chat
 * copy; `chat` turns the e-mail into a direct message that falls back to e-mail when the address
 * has no Slack account (meta.fallback). Returns how many went to chat.
 */
// People's addresses are stored lower-case, so (org_id, email), the unique key, finds the person.
export async function routeNoticesToChat(
  db: Executor,
  input: { mailIds: readonly string[]; templates: readonly string[] },
): Promise<number> {
  if (input.mailIds.length === 0) return 0;
  const chosen = (notifyBy: NotifyBy) => sql`
    select o.id from ${outbox} o
    join ${people} p on p.org_id = o.org_id and p.email = lower(o.to_email)
      and p.active and p.erased_at is null and p.notify_by = ${notifyBy}
    join ${chatSettings} c on c.org_id = o.org_id
    where o.id in (${sql.join(
      input.mailIds.map((id) => sql`${id}::uuid`),
      sql`, `,
    )}) and o.channel = 'email' and o.state = 'pending'
      and o.template in (${sql.join(
        input.templates.map((t) => sql`${t}`),
        sql`, `,
      )})`;
  const copies = await db
    .insert(outbox)
    .select(
      sql`select gen_random_uuid(), o.org_id, o.template, 'slack_dm', 'chat:' || o.id, o.to_email, o.subject, o.text, o.html,
        o.meta, 'pending'::outbox_state, 0, o.next_attempt_at, null, o.created_at, null
        from ${outbox} o where o.id in (${chosen("both")})`,
    )
    .onConflictDoNothing()
    .returning({ id: outbox.id });
  const moved = await db
    .update(outbox)
    .set({ channel: "slack_dm", meta: sql`${outbox.meta} || '{"fallback":"email"}'::jsonb` })
    .where(inArray(outbox.id, sql`(${chosen("chat")})`))
    .returning({ id: outbox.id });
  return copies.length + moved.length;
}

/**
 * Writes one cycle-level announcement for the organisation's channel webhook, if it has one; the
 * key keeps it to one per occasion.
 */
export async function insertChannelAnnouncement(
  db: Executor,
  input: { orgId: string; dedupeKey: string; text: string },
): Promise<boolean> {
  const rows = await db
    .insert(outbox)
    .select(
      sql`select gen_random_uuid(), c.org_id, 'cycle_announcement', 'slack_channel', ${input.dedupeKey}, '', 'Announcement',
        ${input.text}, '', '{}'::jsonb, 'pending'::outbox_state, 0, now(), null, now(), null
        from ${chatSettings} c where c.org_id = ${input.orgId} and c.announcement_webhook_sealed is not null`,
    )
    .onConflictDoNothing()
    .returning({ id: outbox.id });
  return rows.length > 0;
}
