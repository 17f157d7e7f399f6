#!/usr/bin/env node
// Runs the Playwright journeys: checks Chromium is there, builds the web app and the API, picks three
// free ports (the journeys' server, the one whose clock the cycle journey moves, and the one whose
// organisation reads German).
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
if (!existsSync(chromium)) {
  console.error(
    `Chromium was not found at ${chromium}.\n` +
      "Install Debian's Chromium with:  sudo apt-get update && sudo apt-get install -y chromium\n" +
      "or point CHROMIUM_PATH at a Chromium or Chrome binary. (Playwright's own browser download is not used.)",
  );
  process.exit(1);
}

const freePort = () =>
  new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolvePort(address.port));
    });
  });
// Three servers: one for most journeys, one whose clock the cycle journey moves forward, one German.
const port = await freePort();
let clockPort = await freePort();
while (clockPort === port) clockPort = await freePort();
let germanPort = await freePort();
while (germanPort === port || germanPort === clockPort) germanPort = await freePort();

const run = (command, args, env = {}) => {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run("pnpm", [
  "exec",
  "turbo",
  "run",
  "build",
  "--filter=@fivefold/web",
  "--filter=@fivefold/api",
  "--output-logs=errors-only",
]);
run("pnpm", ["--filter", "@fivefold/tests", "exec", "playwright", "test", ...process.argv.slice(2)], {
  E2E_PORT: String(port),
  E2E_CLOCK_PORT: String(clockPort),
  E2E_GERMAN_PORT: String(germanPort),
  TURBO_TELEMETRY_DISABLED: "1",
});
