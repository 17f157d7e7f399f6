// The one place that reads process.env: everything else receives settings as arguments. Settings
// that cannot work are refused here, before anything starts, with a sentence saying what to do.
import { availableParallelism } from "node:os";
import { DEFAULT_POOL_SIZE, DEFAULT_STATEMENT_TIMEOUT_MS, type Driver, describeUrl } from "@fivefold/db/url";

/** How long one SMTP step (connect, greeting, a command) may take before the attempt is abandoned. */
export const DEFAULT_SMTP_TIMEOUT_MS = 15_000;

export interface Env {
  databaseUrl: string | undefined;
  driver: Driver;
  port: number;
  host: string;
  publicUrl: string | undefined;
  authSecret: string | undefined;
  /** The secret per-request answer keys derive from (SEALING_SECRET). */
  sealingSecret: string | undefined;
  production: boolean;
  /** Seed the demo organisation (with the demo password) when the database is empty. */
  demo: boolean;
  webDist: string | undefined;
  smtpUrl: string | undefined;
  /** How long one SMTP step may take; a mail's claim lasts five of these. */
  smtpTimeoutMs: number;
  /** The From address of e-mails sent over SMTP. */
  mailFrom: string;
  signInRateLimit: number;
  /** Add a generated team of this many people to the demo (for scale checks); 0 for none. */
  demoLargeTeam: number;
  /** API processes the supervisor runs (node:cluster). */
  workers: number;
  /** Postgres connections per worker. */
  poolSize: number;
  /** Postgres cancels a statement running longer (0: never). */
  statementTimeoutMs: number;
  /** How long a worker may take to drain on SIGTERM before it is stopped anyway. */
  shutdownTimeoutMs: number;
}

/** A setting that cannot work: the message says what to change. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Exit code of a process that must not be restarted as it is (EX_CONFIG). */
export const EXIT_CONFIG = 78;

const GENERATE = "Generate one with: openssl rand -base64 32";

function integer(vars: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = vars[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

export function readEnv(argv: readonly string[] = process.argv.slice(2), vars = process.env): Env {
  const databaseUrl = vars.DATABASE_URL || undefined;
  const port = integer(vars, "PORT", 3000, 0, 65535);
  let driver: Driver;
  try {
    driver = describeUrl(databaseUrl).driver;
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
  const authSecret = vars.BETTER_AUTH_SECRET || undefined;
  const sealingSecret = vars.SEALING_SECRET || undefined;
  if (driver === "postgres") {
    // Every worker, restart and machine must sign sessions and seal answers alike.
    const missing = [
      ...(authSecret ? [] : ["BETTER_AUTH_SECRET"]),
      ...(sealingSecret ? [] : ["SEALING_SECRET"]),
    ];
    if (missing.length > 0) {
      throw new ConfigError(
        `On Postgres, ${missing.join(" and ")} must be set, the same for every worker and machine of the deployment. ${GENERATE} (one for each).`,
      );
    }
  }
  for (const [name, value] of [
    ["BETTER_AUTH_SECRET", authSecret],
    ["SEALING_SECRET", sealingSecret],
  ] as const) {
    if (value !== undefined && value.length < 32) {
      throw new ConfigError(`${name} is too short (${value.length} characters, at least 32). ${GENERATE}`);
    }
  }
  const cores = availableParallelism();
  const workers = integer(vars, "WORKERS", driver === "postgres" ? cores : 1, 1, 256);
  if (driver === "pglite" && workers > 1) {
    throw new ConfigError(
      `WORKERS=${workers}: the embedded database (PGlite) lives inside one process, so it runs one worker only. ` +
        "Set WORKERS=1, or use Postgres (DATABASE_URL=postgres://…) to run several.",
    );
  }
  return {
    databaseUrl,
    driver,
    port,
    host: vars.HOST ?? "0.0.0.0",
    publicUrl: vars.PUBLIC_URL || undefined,
    authSecret,
    sealingSecret,
    production: vars.NODE_ENV === "production",
    // The demo password is for the embedded database only, unless asked for explicitly.
    demo: argv.includes("--demo") || (driver === "pglite" && !argv.includes("--no-demo")),
    webDist: vars.WEB_DIST || undefined,
    smtpUrl: vars.SMTP_URL || undefined,
    smtpTimeoutMs: integer(vars, "SMTP_TIMEOUT_MS", DEFAULT_SMTP_TIMEOUT_MS, 100, 600_000),
    mailFrom: vars.MAIL_FROM || "Fivefold <no-reply@fivefold.invalid>",
    signInRateLimit: integer(vars, "SIGN_IN_RATE_LIMIT", 10, 1, 1_000_000),
    demoLargeTeam: integer(vars, "DEMO_LARGE_TEAM", 0, 0, 100_000),
    workers,
    poolSize: integer(vars, "DATABASE_POOL_SIZE", DEFAULT_POOL_SIZE, 1, 1000),
    statementTimeoutMs: integer(
      vars,
      "DATABASE_STATEMENT_TIMEOUT_MS",
      DEFAULT_STATEMENT_TIMEOUT_MS,
      0,
      86_400_000,
    ),
    shutdownTimeoutMs: integer(vars, "SHUTDOWN_TIMEOUT_MS", 25_000, 0, 600_000),
  };
}
