// An organisation's chat workspace (Slack) for notices: the bot token that sends personal notices
// as direct messages, and an optional channel webhook for cycle-level announcements. Both are
// sealed (like the SSO client secret) and write-only through the API.
import { pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { organisations } from "./organisations";

export const chatSettings = pgTable("chat_settings", {
  orgId: uuid()
    .primaryKey()
    .references(() => organisations.id, { onDelete: "cascade" }),
  /** The Slack bot token (xoxb-…), sealed (base64url). */
  slackBotTokenSealed: text().notNull(),
  /** An incoming-webhook URL of one channel, sealed: announcements only, never names or links. */
  announcementWebhookSealed: text(),
  updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
});
