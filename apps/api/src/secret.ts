// Server secrets, each set in the environment or, for the embedded database, generated once and
// kept beside it in .data/ (so sign-ins and sealed answers survive restarts). Postgres deployments
// must set them (env.ts refuses to start without): every worker and machine has to share them.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

interface SecretOptions {
  configured: string | undefined;
  /** The embedded database's data folder (`.data`), or null for in-memory and Postgres. */
  dataDir: string | null;
  warn: (message: string) => void;
}

function resolveSecret(options: SecretOptions & { file: string; variable: string; without: string }): string {
  if (options.configured) return options.configured;
  if (options.dataDir) {
    const file = join(options.dataDir, options.file);
    if (existsSync(file)) return readFileSync(file, "utf8").trim();
    mkdirSync(options.dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    // `wx`: of two processes racing to create it, one fails rather than both writing different ones.
    writeFileSync(file, secret, { mode: 0o600, flag: "wx" });
    return secret;
  }
  options.warn(
    `${options.variable} is not set: using a random secret, so ${options.without}. Set it for any real deployment.`,
  );
  return randomBytes(32).toString("base64url");
}

/** The session-signing secret: BETTER_AUTH_SECRET, or .data/auth-secret. */
export function resolveAuthSecret(options: SecretOptions): string {
  return resolveSecret({
    ...options,
    file: "auth-secret",
    variable: "BETTER_AUTH_SECRET",
    without: "sessions end when this process stops and are not shared between processes",
  });
}

/** Shorter than this, the secret could be guessed by anyone holding the envelopes. */
export const SEALING_SECRET_MIN_LENGTH = 32;

/**
 * The secret per-request answer keys derive from (DESIGN §4 rule 11): SEALING_SECRET, or
 * .data/sealing-secret. It must never change while a request collects: envelopes sealed under
 * another secret do not open, and such a request cannot close until the old secret is back.
 */
export function resolveSealingSecret(options: SecretOptions): string {
  if (options.configured !== undefined && options.configured.length < SEALING_SECRET_MIN_LENGTH) {
    throw new Error(
      `SEALING_SECRET must have at least ${SEALING_SECRET_MIN_LENGTH} characters (e.g. openssl rand -base64 32)`,
    );
  }
  return resolveSecret({
    ...options,
    file: "sealing-secret",
    variable: "SEALING_SECRET",
    without: "answers sealed by this process cannot be opened after it stops or by another process",
  });
}
