// Chat settings (admins): the organisation's Slack bot token and announcement webhook, both
// write-only (sealed when written, never in an answer or the audit); and each person's choice of
// e-mail, chat or both for their personal notices.
import {
  type ChatSettingsRow,
  deleteChatSettings,
  findChatSettings,
  findNotifyBy,
  saveChatSettings,
  saveNotifyBy,
} from "@fivefold/db";
import {
  type ChatSettings,
  type ChatSettingsInput,
  InvalidInputError,
  type NotifyByChoice,
} from "@fivefold/domain";
import { auditAs } from "../audit/record";
import { type MemberServiceContext, nowOf, withTransaction } from "../context";
import { sealChatSecret } from "./sealed-setting";

function present(row: ChatSettingsRow | undefined): ChatSettings {
  return {
    configured: Boolean(row),
    hasBotToken: Boolean(row?.slackBotTokenSealed),
    hasAnnouncementWebhook: Boolean(row?.announcementWebhookSealed),
  };
}

export async function getChatSettings({ ctx }: { ctx: MemberServiceContext }): Promise<ChatSettings> {
  return present(await findChatSettings(ctx.db, ctx.org.id));
}

export function updateChatSettings({ ctx, input }: { ctx: MemberServiceContext; input: ChatSettingsInput }) {
  return withTransaction(ctx, async (ctx) => {
    const current = await findChatSettings(ctx.db, ctx.org.id);
    const token = input.slackBotToken?.trim();
    if (!token && !current) throw new InvalidInputError("Enter the Slack bot token (it starts with xoxb-).");
    const webhook = input.announcementWebhook?.trim();
    const row: ChatSettingsRow = {
      orgId: ctx.org.id,
      slackBotTokenSealed: token
        ? sealChatSecret(ctx.sealingSecret, ctx.org.id, "slack-bot-token", token)
        : (current as ChatSettingsRow).slackBotTokenSealed,
      announcementWebhookSealed:
        webhook === undefined
          ? (current?.announcementWebhookSealed ?? null)
          : webhook === ""
            ? null
            : sealChatSecret(ctx.sealingSecret, ctx.org.id, "slack-webhook", webhook),
      updatedAt: nowOf(ctx),
    };
    await saveChatSettings(ctx.db, row);
    await auditAs(
      ctx,
      "chat.update",
      { type: "organisation", id: ctx.org.id },
      {
        tokenChanged: Boolean(token),
        webhookChanged: webhook !== undefined,
        hasAnnouncementWebhook: row.announcementWebhookSealed !== null,
      },
    );
    return present(row);
  });
}

export function removeChatSettings({ ctx }: { ctx: MemberServiceContext }) {
  return withTransaction(ctx, async (ctx) => {
    const removed = await deleteChatSettings(ctx.db, ctx.org.id);
    if (removed) await auditAs(ctx, "chat.remove", { type: "organisation", id: ctx.org.id }, {});
    return { removed };
  });
}

export async function getNotifyBy({ ctx }: { ctx: MemberServiceContext }) {
  const [notifyBy, settings] = await Promise.all([
    findNotifyBy(ctx.db, ctx.org.id, ctx.person.id),
    findChatSettings(ctx.db, ctx.org.id),
  ]);
  return { notifyBy, chatAvailable: Boolean(settings) };
}

export function setNotifyBy({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { notifyBy: NotifyByChoice };
}) {
  return withTransaction(ctx, async (ctx) => {
    await saveNotifyBy(ctx.db, { orgId: ctx.org.id, personId: ctx.person.id, notifyBy: input.notifyBy });
    return getNotifyBy({ ctx });
  });
}
