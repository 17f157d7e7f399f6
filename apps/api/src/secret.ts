// Server secrets. The session-signing secret: BETTER_AUTH_SECRET when set; otherwise one kept
// beside the embedded database (so sign-ins survive restarts), or a random one for in-memory and
// unconfigured servers. The sealing secret, which seals answers until release: SEALING_SECRET when
// set; otherwise, likewise, kept in .data/ or random for a process that keeps nothing.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

interface SecretOptions {
  configured: string | undefined;
  /** The embedded database's data folder (`.data`), or null for in-memory and Postgres. */
  dataDir: string | null;
  warn: (message: string) => void;
}

/** Read from `file` in the data folder, or generated into it (readable by this user only). */
function keptSecret(dataDir: string, file: string): string {
  const path = join(dataDir, file);
  if (existsSync(path)) return readFileSync(path, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(path, secret, { mode: 0o600 });
  return secret;
}

export function resolveAuthSecret(options: SecretOptions): string {
  if (options.configured) return options.configured;
  if (options.dataDir) return keptSecret(options.dataDir, "auth-secret");
  options.warn(
    "BETTER_AUTH_SECRET is not set: using a random secret, so sessions end when this process stops " +
      "and are not shared between processes. Set it for any real deployment.",
  );
  return randomBytes(32).toString("base64url");
}

/** Shorter than this, the secret could be guessed by anyone holding the envelopes. */
export const SEALING_SECRET_MIN_LENGTH = 32;

/**
 * The secret answers are sealed with until release. It must never change while a request collects:
 * envelopes sealed under another secret do not open, and such a request cannot close (it stays
 * open, and the close fails loudly) until the old secret is back.
 */
export function resolveSealingSecret(options: SecretOptions): string {
  if (options.configured) {
    if (options.configured.length < SEALING_SECRET_MIN_LENGTH) {
      throw new Error(
        `SEALING_SECRET must have at least ${SEALING_SECRET_MIN_LENGTH} characters (e.g. openssl rand -base64 32)`,
      );
    }
    return options.configured;
  }
  if (options.dataDir) return keptSecret(options.dataDir, "sealing-secret");
  options.warn(
    "SEALING_SECRET is not set: sealing answers with a random secret, so answers given to open " +
      "requests cannot be opened after this process stops, nor by another process. Set it for any " +
      "real deployment.",
  );
  return randomBytes(32).toString("base64url");
}
