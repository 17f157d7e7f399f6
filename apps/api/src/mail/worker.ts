// The outbox worker: sends pending e-mails over SMTP from inside every API process. Each mail is
// claimed alone, just before it is sent, with a lease (FOR UPDATE SKIP LOCKED, so two processes
// never hold one row); a process killed mid-send leaves at most that one mail `sending`, and once
// its lease runs out it is sent again. At least once beats at most once: a lost invitation is a
// lost rater, a duplicate carries the same Message-ID and receivers drop it.
// A failed attempt is retried with backoff. Reminders go exactly to those who have not answered
// (DESIGN §4 rule 8), so nobody may resend them by hand: they are retried while their request is open.
import {
  claimNextMail,
  type Database,
  markMailFailed,
  markMailRetry,
  markMailSent,
  type OutboxMail,
  reminderStillWanted,
} from "@fivefold/db";
import { DEFAULT_SMTP_TIMEOUT_MS } from "../env";
import { startPeriodicWorker, type WorkerLog } from "../periodic-worker";
import { isPermanentFailure, type MailTransport } from "./smtp";

export const MAX_ATTEMPTS = 6;
export { DEFAULT_SMTP_TIMEOUT_MS };

/**
 * A claim outlives the longest send it covers (the transport gives up after a connection, a
 * greeting and a socket timeout of twice the base), so a slow mail is not sent twice at once.
 */
export function leaseFor(smtpTimeoutMs: number): number {
  return 5 * smtpTimeoutMs;
}

/** 1, 2, 4, 8, 16 … minutes after each failed attempt, at most an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(0, attempts - 1), 60 * 60_000);
}

export interface DeliveryOptions {
  from: string;
  now?: () => Date;
  maxAttempts?: number;
  /** How long a claim lasts; default leaseFor(DEFAULT_SMTP_TIMEOUT_MS). */
  leaseMs?: number;
  /** Asked before each claim: once true, the mail in hand is finished and no other is taken. */
  stopping?: () => boolean;
}

export interface DeliveryReport {
  sent: number;
  retrying: number;
  failed: number;
  /** Mails whose earlier claim ran out (a process died mid-send): sent again. */
  resumed: number;
}

/** Sends what is due, one claimed mail at a time, until nothing is due (or it is told to stop). */
export async function deliverDueMail(
  db: Database,
  transport: MailTransport,
  options: DeliveryOptions,
): Promise<DeliveryReport> {
  const clock = options.now ?? (() => new Date());
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const leaseMs = options.leaseMs ?? leaseFor(DEFAULT_SMTP_TIMEOUT_MS);
  const report: DeliveryReport = { sent: 0, retrying: 0, failed: 0, resumed: 0 };
  while (!options.stopping?.()) {
    const claimed = await claimNextMail(db, { now: clock(), leaseMs });
    if (!claimed) break;
    if (claimed.resumed) report.resumed++;
    if (claimed.resumed && claimed.mail.attempts > maxAttempts && claimed.mail.template !== "reminder") {
      // Every claim of it ended with its process gone: stop before it takes down another.
      await markMailFailed(
        db,
        claimed.mail,
        `Interrupted while sending ${maxAttempts} times; it may have been delivered`,
      );
      report.failed++;
      continue;
    }
    const outcome = await deliverOne(db, transport, claimed.mail, {
      from: options.from,
      now: clock,
      maxAttempts,
    });
    report[outcome]++;
  }
  return report;
}

async function deliverOne(
  db: Database,
  transport: MailTransport,
  mail: OutboxMail,
  options: { from: string; now: () => Date; maxAttempts: number },
): Promise<"sent" | "retrying" | "failed"> {
  try {
    await transport.send({
      messageId: messageIdOf(mail),
      from: options.from,
      to: mail.toEmail,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
    });
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const givesUp = isPermanentFailure(error) || mail.attempts >= options.maxAttempts;
    if (givesUp && !(mail.template === "reminder" && (await reminderStillWanted(db, mail, options.now())))) {
      await markMailFailed(db, mail, message);
      return "failed";
    }
    const next = new Date(options.now().getTime() + retryDelayMs(mail.attempts));
    await markMailRetry(db, mail, { error: message, nextAttemptAt: next });
    return "retrying";
  }
  await markMailSent(db, mail, options.now());
  return "sent";
}

/** One per outbox row, the same on every attempt, so a receiver can tell a resent copy. */
export function messageIdOf(mail: { id: string }): string {
  return `<${mail.id}@fivefold>`;
}

export interface MailWorkerOptions extends Omit<DeliveryOptions, "stopping"> {
  db: Database;
  transport: MailTransport;
  intervalMs?: number;
  /** Mails this process sends at once, each claimed alone (default MAIL_CONCURRENCY). */
  concurrency?: number;
  log: WorkerLog;
}

/** Mails one process sends at once: SMTP round trips dominate, so a few in parallel go much faster. */
export const MAIL_CONCURRENCY = 4;

function logReport(log: WorkerLog, reports: DeliveryReport[]): void {
  const report = reports.reduce((sum, r) => ({
    sent: sum.sent + r.sent,
    retrying: sum.retrying + r.retrying,
    failed: sum.failed + r.failed,
    resumed: sum.resumed + r.resumed,
  }));
  if (report.sent + report.failed + report.retrying > 0) {
    log.info(
      `E-mail: ${report.sent} sent, ${report.retrying} to retry, ${report.failed} failed${report.resumed ? `, ${report.resumed} resumed after an interrupted send` : ""}`,
    );
  }
}

/**
 * Runs deliverDueMail every few seconds, `concurrency` loops side by side (each claims its own
 * mail, so they never share one); a new run starts only once the last has finished.
 */
export function startMailWorker(options: MailWorkerOptions): { stop: () => Promise<void>; kick: () => void } {
  const worker = startPeriodicWorker({
    intervalMs: options.intervalMs ?? 5_000,
    failureMessage: "sending e-mail failed",
    log: options.log,
    async run(control) {
      const reports = await Promise.all(
        Array.from({ length: options.concurrency ?? MAIL_CONCURRENCY }, () =>
          deliverDueMail(options.db, options.transport, { ...options, stopping: control.stopping }),
        ),
      );
      logReport(options.log, reports);
    },
  });
  return {
    kick: worker.kick,
    /** Finishes the mails in hand (sent and marked), takes no other, and closes the transport. */
    async stop() {
      await worker.stop();
      options.transport.close();
    },
  };
}
