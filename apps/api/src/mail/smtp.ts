// Sending over SMTP with nodemailer. SMTP_URL is nodemailer's connection URL, e.g.
// smtp://user:pass@mail.example.com:587 (STARTTLS when offered) or smtps://…:465 (TLS).
import { createTransport } from "nodemailer";

export interface OutgoingMail {
  /** Stable per outbox row, so a receiving server can spot a duplicate. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface MailTransport {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** An SMTP error a retry cannot fix (5xx: the address or the message was refused). */
export function isPermanentFailure(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

export function smtpTransport(
  url: string,
  options: { connectionTimeoutMs?: number; connections?: number } = {},
): MailTransport {
  const timeout = options.connectionTimeoutMs ?? 15_000;
  const transporter = createTransport({
    url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 2,
    // Connections are kept and reused for the next mails (one per concurrent send at most).
    pool: true,
    maxConnections: options.connections ?? 1,
    maxMessages: 100,
  });
  return {
    async send(mail) {
      await transporter.sendMail({
        messageId: mail.messageId,
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
      });
    },
    close() {
      transporter.close();
    },
  };
}

/** Hides the password of an SMTP URL for logs. */
export function describeSmtpUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.hostname}${parsed.port ? `:${parsed.port}` : ""}`;
  } catch {
    return "an SMTP server";
  }
}
