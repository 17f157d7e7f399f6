// The session-signing secret: BETTER_AUTH_SECRET when set; otherwise one kept beside the embedded
// database (so sign-ins survive restarts), or a random one for in-memory and unconfigured servers.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

export function resolveAuthSecret(options: {
  configured: string | undefined;
  dataDir: string | null;
  warn: (message: string) => void;
}): string {
  if (options.configured) return options.configured;
  if (options.dataDir) {
    const file = join(options.dataDir, "auth-secret");
    if (existsSync(file)) return readFileSync(file, "utf8").trim();
    mkdirSync(options.dataDir, { recursive: true });
    const secret = randomBytes(32).toString("base64url");
    writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
  options.warn(
    "BETTER_AUTH_SECRET is not set: using a random secret, so sessions end when this process stops " +
      "and are not shared between processes. Set it for any real deployment.",
  );
  return randomBytes(32).toString("base64url");
}
