// The one place that reads process.env: everything else receives settings as arguments.
import { describeUrl } from "@fivefold/db";

export interface Env {
  databaseUrl: string | undefined;
  port: number;
  host: string;
  publicUrl: string | undefined;
  authSecret: string | undefined;
  /** Seals answers until release; kept in .data/sealing-secret for the embedded database when unset. */
  sealingSecret: string | undefined;
  production: boolean;
  /** Seed the demo organisation (with the demo password) when the database is empty. */
  demo: boolean;
  webDist: string | undefined;
  smtpUrl: string | undefined;
  /** The From address of e-mails sent over SMTP. */
  mailFrom: string;
  signInRateLimit: number;
  /** Add a generated team of this many people to the demo (for scale checks); 0 for none. */
  demoLargeTeam: number;
}

export function readEnv(argv: readonly string[] = process.argv.slice(2)): Env {
  const databaseUrl = process.env.DATABASE_URL || undefined;
  const port = Number(process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be a port number, got "${process.env.PORT}"`);
  }
  const { driver } = describeUrl(databaseUrl);
  return {
    databaseUrl,
    port,
    host: process.env.HOST ?? "0.0.0.0",
    publicUrl: process.env.PUBLIC_URL || undefined,
    authSecret: process.env.BETTER_AUTH_SECRET || undefined,
    sealingSecret: process.env.SEALING_SECRET || undefined,
    production: process.env.NODE_ENV === "production",
    // The demo password is for the embedded database only, unless asked for explicitly.
    demo: argv.includes("--demo") || (driver === "pglite" && !argv.includes("--no-demo")),
    webDist: process.env.WEB_DIST || undefined,
    smtpUrl: process.env.SMTP_URL || undefined,
    mailFrom: process.env.MAIL_FROM || "Fivefold <no-reply@fivefold.invalid>",
    signInRateLimit: Number(process.env.SIGN_IN_RATE_LIMIT ?? 10),
    demoLargeTeam: Number(process.env.DEMO_LARGE_TEAM ?? 0),
  };
}
