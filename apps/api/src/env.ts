// The one place that reads process.env: everything else receives settings as arguments. Settings
// that cannot work are refused here, before anything starts, with a sentence saying what to do.
import { isIP } from "node:net";
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
  /** Where the Slack Web API (and, when set, channel webhooks) is reached: SLACK_API_URL, for tests. */
  slackApiUrl: string;
  /** Sign-in attempts per client address per 10 s. */
  signInRateLimit: number;
  /** Wrong passwords per account per 15 minutes. */
  signInAccountRateLimit: number;
  /** Password e-mails per account per hour (ten times as many per client address). */
  passwordMailRateLimit: number;
  /** Calls with one one-time link per 10 minutes. */
  linkRateLimit: number;
  /** Calls with one API token (SCIM) per minute. */
  apiRateLimit: number;
  /**
   * Which proxies in front may tell the client's address (X-Forwarded-For) and scheme
   * (X-Forwarded-Proto): a number of hops, or their addresses and CIDR ranges; false: none.
   */
  trustProxy: number | string[] | false;
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
  /**
   * FIVEFOLD_TEST_CLOCK=1: a clock end-to-end journeys move forward (POST /__test/clock); only on
   * a loopback address with an in-memory database, never where real data lives.
   */
  testClock: boolean;
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
    slackApiUrl: readSlackApiUrl(vars.SLACK_API_URL),
    signInRateLimit: integer(vars, "SIGN_IN_RATE_LIMIT", 10, 1, 1_000_000),
    signInAccountRateLimit: integer(vars, "SIGN_IN_ACCOUNT_RATE_LIMIT", 10, 1, 1_000_000),
    passwordMailRateLimit: integer(vars, "PASSWORD_MAIL_RATE_LIMIT", 3, 1, 1_000_000),
    linkRateLimit: integer(vars, "LINK_RATE_LIMIT", 60, 1, 1_000_000),
    apiRateLimit: integer(vars, "API_RATE_LIMIT", 600, 1, 1_000_000),
    trustProxy: readTrustProxy(vars.TRUST_PROXY),
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
    testClock: readTestClock(vars.FIVEFOLD_TEST_CLOCK, vars.HOST ?? "0.0.0.0", databaseUrl),
  };
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "::1", "localhost"]);

/**
 * FIVEFOLD_TEST_CLOCK: unset or empty, off; "1", on, but only for a server nobody else can reach
 * (HOST on loopback) over a database that vanishes with it (pglite://memory). A clock that moves
 * releases cycles early, so anywhere else it is refused before anything starts.
 */
export function readTestClock(
  raw: string | undefined,
  host: string,
  databaseUrl: string | undefined,
): boolean {
  if (raw === undefined || raw === "") return false;
  if (raw !== "1") throw new ConfigError(`FIVEFOLD_TEST_CLOCK must be 1 or unset, got "${raw}"`);
  if (!LOOPBACK_HOSTS.has(host) || databaseUrl !== "pglite://memory") {
    throw new ConfigError(
      "FIVEFOLD_TEST_CLOCK=1 is for end-to-end tests only: it needs HOST=127.0.0.1 (loopback) and DATABASE_URL=pglite://memory. " +
        "Unset it to run Fivefold for real.",
    );
  }
  return true;
}

/** proxy-addr's names for well-known ranges, accepted as they are. */
const RANGE_NAMES = new Set(["loopback", "linklocal", "uniquelocal"]);

/**
 * TRUST_PROXY: unset trusts no proxy (the socket's address is the client's); a number trusts that
 * many hops in front; a comma list trusts those addresses and CIDR ranges. Trusting every hop
 * ("true") would let any client write its own address, so it is refused.
 */
export function readTrustProxy(raw: string | undefined): number | string[] | false {
  const value = raw?.trim() ?? "";
  if (value === "" || value === "0" || value.toLowerCase() === "false") return false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) throw new ConfigError(`TRUST_PROXY=${value}: a hop count from 0 to 10 is expected`);
    return hops;
  }
  if (value.toLowerCase() === "true" || value === "*") {
    throw new ConfigError(
      `TRUST_PROXY=${value} would trust every hop, so any client could choose its own address (and rate-limit bucket). ` +
        "Give the number of proxies in front (TRUST_PROXY=1) or their addresses (TRUST_PROXY=10.0.0.5,10.0.1.0/24).",
    );
  }
  const entries = value.split(",").map((entry) => entry.trim());
  for (const entry of entries) {
    if (RANGE_NAMES.has(entry)) continue;
    const [address = "", bits, extra] = entry.split("/");
    const family = isIP(address);
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (family === 0 || !bitsOk || extra !== undefined) {
      throw new ConfigError(
        `TRUST_PROXY: "${entry}" is not an IP address or CIDR range (e.g. 10.0.0.5, 10.0.0.0/8, fd00::/8, loopback)`,
      );
    }
  }
  return entries;
}

/** Slack itself unless SLACK_API_URL names another server (a local one in tests). */
function readSlackApiUrl(raw: string | undefined): string {
  if (!raw) return "https://slack.com/api/";
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(
      `SLACK_API_URL must be an http(s) address such as http://127.0.0.1:4010/api/, got "${raw}"`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new ConfigError(`SLACK_API_URL must be an http(s) address, got "${raw}"`);
  }
  return url.href.endsWith("/") ? url.href : `${url.href}/`;
}
