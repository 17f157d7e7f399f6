// The Slack side of chat notices, through Slack's own client (@slack/web-api): a personal notice
// goes to the person's direct-message conversation with the bot (users.lookupByEmail, then
// conversations.open, then chat.postMessage), never to a channel; an announcement goes to the
// organisation's channel webhook. The client retries 429 (after Retry-After) and 5xx answers itself,
// a few times within one attempt; the outbox retries later attempts with backoff.

import { isChannelSafe, isSlackUserId } from "@fivefold/domain";
import { ErrorCode, LogLevel, type RetryOptions, WebClient } from "@slack/web-api";

export const SLACK_API_URL = "https://slack.com/api/";
const WEBHOOK_ORIGIN = "https://hooks.slack.com";

export interface SlackOptions {
  /** The Web API's base (SLACK_API_URL; tests point it at a local server, webhooks too). */
  apiUrl: string;
  /** Retries inside one attempt (default: 3, starting after half a second). */
  retry?: RetryOptions;
  /** One HTTP call gives up after this long (default 10 s). */
  timeoutMs?: number;
}

/** Slack refused for good (a wrong token, a deactivated account): another try would be refused too. */
export class PermanentChatError extends Error {
  override name = "PermanentChatError";
}

const DEFAULT_RETRY: RetryOptions = { retries: 3, factor: 2, minTimeout: 500, maxTimeout: 5_000 };
/** Answers that mean "no such person here": they go by e-mail instead. */
const NO_ACCOUNT = new Set(["users_not_found", "user_not_found", "account_inactive"]);

function clientOf(token: string, options: SlackOptions): WebClient {
  return new WebClient(token, {
    slackApiUrl: options.apiUrl,
    retryConfig: options.retry ?? DEFAULT_RETRY,
    timeout: options.timeoutMs ?? 10_000,
    logLevel: LogLevel.ERROR,
    // Only Slack's methods, resolved against the base: never an absolute address from elsewhere.
    allowAbsoluteUrls: false,
  });
}

function platformError(error: unknown): string | null {
  const coded = error as { code?: string; data?: { error?: string } };
  return coded?.code === ErrorCode.PlatformError ? (coded.data?.error ?? "unknown_error") : null;
}

/**
 * Sends a personal notice as a direct message. "no_account" when the address has no (active)
 * Slack account; throws PermanentChatError when Slack refuses for good, anything else to retry.
 */
export async function sendDirectMessage(
  options: SlackOptions,
  token: string,
  notice: { email: string; text: string; dedupeKey: string },
): Promise<"sent" | "no_account"> {
  const client = clientOf(token, options);
  try {
    const found = await client.users.lookupByEmail({ email: notice.email });
    const userId = found.user?.id ?? "";
    if (!isSlackUserId(userId) || found.user?.is_bot) {
      throw new PermanentChatError("Slack answered the address with something other than a person");
    }
    const conversation = await client.conversations.open({ users: userId, return_im: true });
    const channel = conversation.channel as { id?: string; is_im?: boolean } | undefined;
    // A direct-message conversation has a D… id; anything else could be seen by others.
    if (!channel?.id?.startsWith("D") || channel.is_im === false) {
      throw new PermanentChatError("Slack did not open a direct-message conversation");
    }
    await client.chat.postMessage({
      channel: channel.id,
      text: notice.text,
      unfurl_links: false,
      unfurl_media: false,
      // The key a resent copy carries too: a reader (or a test) can tell one from two.
      metadata: { event_type: "fivefold_notice", event_payload: { dedupe_key: notice.dedupeKey } },
    });
    return "sent";
  } catch (error) {
    const code = platformError(error);
    if (code && NO_ACCOUNT.has(code)) return "no_account";
    if (code) throw new PermanentChatError(`Slack refused: ${code}`);
    throw error;
  }
}

/**
 * Posts an announcement to the channel webhook. Only channel-safe text (no link, address or
 * mention), whatever wrote it; only to Slack's webhook host (or, in tests, the SLACK_API_URL host).
 */
export async function postAnnouncement(options: SlackOptions, webhook: string, text: string): Promise<void> {
  if (!isChannelSafe(text))
    throw new PermanentChatError("Refused: an announcement may carry no link, address or mention");
  if (!webhook.startsWith(`${WEBHOOK_ORIGIN}/services/`))
    throw new PermanentChatError("Refused: not a Slack webhook");
  const target =
    options.apiUrl === SLACK_API_URL
      ? webhook
      : `${new URL(options.apiUrl).origin}${new URL(webhook).pathname}`;
  const response = await fetch(target, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ text }),
    redirect: "error",
    signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
  });
  if (response.ok) return;
  // 4xx other than 429: the webhook was removed or revoked.
  if (response.status >= 400 && response.status < 500 && response.status !== 429) {
    throw new PermanentChatError(`The webhook refused the announcement (${response.status})`);
  }
  throw new Error(`The webhook answered ${response.status}`);
}
