// The chat worker: sends the outbox's Slack rows (direct messages and channel announcements) from
// inside every API process, claimed one at a time with a lease exactly as e-mails are
// (FOR UPDATE SKIP LOCKED), so two processes never send one row and a crash loses none. A direct
// message that cannot go (no Slack account, Slack disconnected, refused for good) goes by e-mail
// when the person chose chat only (the row turns back into its e-mail); otherwise the e-mail copy
// already stands and the chat row is marked failed.
import {
  claimNextMail,
  type Database,
  findChatSettings,
  markMailFailed,
  markMailFallBackToEmail,
  markMailRetry,
  markMailSent,
  type OutboxMail,
} from "@fivefold/db";
import { retryDelayMs } from "../mail/worker";
import { startPeriodicWorker, type WorkerLog } from "../periodic-worker";
import { openChatSecret } from "../services/chat/sealed-setting";
import { PermanentChatError, postAnnouncement, type SlackOptions, sendDirectMessage } from "./slack";

const MAX_ATTEMPTS = 6;
/** Longer than the client's own retries of one attempt (3, up to 5 s apart, 10 s each). */
const LEASE_MS = 120_000;

export interface ChatDeliveryOptions {
  sealingSecret: string;
  slack: SlackOptions;
  now?: () => Date;
  maxAttempts?: number;
  leaseMs?: number;
  stopping?: () => boolean;
}

export interface ChatDeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
  /** Direct messages that went back to e-mail. */
  fellBack: number;
}

type Outcome = keyof ChatDeliveryReport;

/** Sends what is due, one claimed row at a time, until nothing is due (or it is told to stop). */
export async function deliverDueChat(
  db: Database,
  options: ChatDeliveryOptions,
): Promise<ChatDeliveryReport> {
  const clock = options.now ?? (() => new Date());
  const report: ChatDeliveryReport = { sent: 0, retrying: 0, failed: 0, fellBack: 0 };
  while (!options.stopping?.()) {
    const claimed = await claimNextMail(db, {
      now: clock(),
      leaseMs: options.leaseMs ?? LEASE_MS,
      channels: ["slack_dm", "slack_channel"],
    });
    if (!claimed) break;
    report[await deliverOne(db, claimed.mail, { ...options, now: clock })]++;
  }
  return report;
}

async function deliverOne(
  db: Database,
  mail: OutboxMail,
  options: ChatDeliveryOptions & { now: () => Date },
): Promise<Outcome> {
  const giveUp = async (reason: string): Promise<Outcome> => {
    if (mail.channel === "slack_dm" && mail.meta.fallback === "email") {
      await markMailFallBackToEmail(db, mail, options.now());
      return "fellBack";
    }
    await markMailFailed(db, mail, reason);
    return "failed";
  };
  try {
    const outcome = await send(db, mail, options);
    if (outcome !== "sent") return giveUp(outcome);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    if (error instanceof PermanentChatError || mail.attempts >= (options.maxAttempts ?? MAX_ATTEMPTS)) {
      return giveUp(message);
    }
    const next = new Date(options.now().getTime() + retryDelayMs(mail.attempts));
    await markMailRetry(db, mail, { error: message, nextAttemptAt: next });
    return "retrying";
  }
  await markMailSent(db, mail, options.now());
  return "sent";
}

/** "sent", or why it cannot go at all (then e-mail takes over where it may). */
async function send(db: Database, mail: OutboxMail, options: ChatDeliveryOptions): Promise<string> {
  const settings = await findChatSettings(db, mail.orgId);
  if (!settings) return "Slack is not connected for this organisation";
  const open = (purpose: "slack-bot-token" | "slack-webhook", sealed: string) =>
    openChatSecret(options.sealingSecret, mail.orgId, purpose, sealed);
  if (mail.channel === "slack_channel") {
    // A channel carries cycle-level announcements only, whatever else a row may say.
    if (mail.template !== "cycle_announcement") {
      throw new PermanentChatError("Refused: only cycle announcements go to a channel");
    }
    if (!settings.announcementWebhookSealed) return "No announcement webhook is set";
    await postAnnouncement(
      options.slack,
      open("slack-webhook", settings.announcementWebhookSealed),
      mail.text,
    );
    return "sent";
  }
  const token = open("slack-bot-token", settings.slackBotTokenSealed);
  const result = await sendDirectMessage(options.slack, token, {
    email: mail.toEmail,
    text: `*${mail.subject}*\n\n${mail.text}`,
    dedupeKey: mail.dedupeKey ?? mail.id,
  });
  return result === "sent" ? "sent" : "No Slack account for this address";
}

export interface ChatWorkerOptions extends Omit<ChatDeliveryOptions, "stopping"> {
  db: Database;
  intervalMs?: number;
  log: WorkerLog;
}

/** Runs deliverDueChat every few seconds; a new run starts only once the last has finished. */
export function startChatWorker(options: ChatWorkerOptions): { stop: () => Promise<void>; kick: () => void } {
  const worker = startPeriodicWorker({
    intervalMs: options.intervalMs ?? 5_000,
    failureMessage: "sending chat notices failed",
    log: options.log,
    async run(control) {
      const r = await deliverDueChat(options.db, { ...options, stopping: control.stopping });
      if (r.sent + r.failed + r.retrying + r.fellBack > 0) {
        options.log.info(
          `Chat: ${r.sent} sent, ${r.retrying} to retry, ${r.failed} failed, ${r.fellBack} sent by e-mail instead`,
        );
      }
    },
  });
  return { kick: worker.kick, stop: worker.stop };
}
