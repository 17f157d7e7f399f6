// The contract of chat notices: the organisation's Slack settings (admins; the bot token and the
// webhook are write-only) and each person's choice of e-mail, chat or both.
import { z } from "zod";
import { NOTIFY_BY } from "../mail/chat";

export const chatSettingsOutput = z.object({
  configured: z.boolean(),
  /** Whether a bot token is stored; the token itself is never returned. */
  hasBotToken: z.boolean(),
  /** Whether an announcement webhook is stored; its address is never returned. */
  hasAnnouncementWebhook: z.boolean(),
});
export type ChatSettings = z.infer<typeof chatSettingsOutput>;

const WEBHOOK = /^https:\/\/hooks\.slack\.com\/services\/[A-Za-z0-9/_-]+$/;

export const chatSettingsInput = z.object({
  /** Omitted (or empty): keep the stored token. Required the first time. */
  slackBotToken: z
    .string()
    .trim()
    .max(500)
    .refine((t) => t === "" || /^xoxb-[A-Za-z0-9-]+$/.test(t), {
      error: "The bot token starts with xoxb- (Slack shows it under OAuth & Permissions).",
    })
    .optional(),
  /**
   * Omitted: keep the stored webhook; empty: remove it. Only Slack's own webhook addresses, so the
   * server never posts to a host an admin typed.
   */
  announcementWebhook: z
    .string()
    .trim()
    .max(500)
    .refine((u) => u === "" || WEBHOOK.test(u), {
      error: "The webhook must be a https://hooks.slack.com/services/… address.",
    })
    .optional(),
});
export type ChatSettingsInput = z.infer<typeof chatSettingsInput>;

export const chatRemoveOutput = z.object({ removed: z.boolean() });

export const notifyBySchema = z.enum(NOTIFY_BY, { error: "Choose e-mail, chat or both." });
export const notifyByInput = z.object({ notifyBy: notifyBySchema });
export const notifyByOutput = z.object({
  notifyBy: notifyBySchema,
  /** Whether the organisation has connected Slack (without it, everything goes by e-mail). */
  chatAvailable: z.boolean(),
});
