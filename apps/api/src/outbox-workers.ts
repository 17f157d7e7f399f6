// The outbox's senders in one process: e-mail over SMTP (when SMTP_URL is set; without it e-mails
// stay in the outbox, readable by admins on the Mailbox page) and chat notices to Slack (always:
// each organisation connects its own workspace). Both claim rows with SKIP LOCKED, so every
// process may run them.
import type { Database } from "@fivefold/db";
import { startChatWorker } from "./chat/worker";
import type { Env } from "./env";
import { smtpTransport } from "./mail/smtp";
import { leaseFor, MAIL_CONCURRENCY, startMailWorker } from "./mail/worker";
import type { WorkerLog } from "./periodic-worker";

export function startOutboxWorkers(options: {
  env: Env;
  db: Database;
  sealingSecret: string;
  log: WorkerLog;
  now: (() => Date) | undefined;
}): { stop: () => Promise<void> } {
  const { env, db, log, now } = options;
  const mailer = env.smtpUrl
    ? startMailWorker({
        db,
        transport: smtpTransport(env.smtpUrl, {
          connectionTimeoutMs: env.smtpTimeoutMs,
          connections: MAIL_CONCURRENCY,
        }),
        from: env.mailFrom,
        leaseMs: leaseFor(env.smtpTimeoutMs),
        log,
        ...(now ? { now } : {}),
      })
    : null;
  const chat = startChatWorker({
    db,
    sealingSecret: options.sealingSecret,
    slack: { apiUrl: env.slackApiUrl },
    log,
    ...(now ? { now } : {}),
  });
  return {
    async stop() {
      await Promise.all([mailer?.stop(), chat.stop()]);
    },
  };
}
