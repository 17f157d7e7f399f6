// End-to-end journeys in Debian's Chromium against the built app (web and API) on in-memory PGlite.
// Run through `pnpm e2e` (tests/run-e2e.mjs), which builds both and picks a free port.
import { resolve } from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// Journeys that move the server's clock (a cycle through its phases) get a server of their own, so
// the other journeys, running at the same time, keep today's date.
const clockPort = Number(process.env.E2E_CLOCK_PORT ?? port + 1);
// Journeys that switch the whole organisation to German (its default language) get a server of their
// own too, so the English journeys never meet a German page.
const germanPort = Number(process.env.E2E_GERMAN_PORT ?? port + 2);
const GERMAN_SPECS = /\.de\.spec\.ts$/;
// First there, alone: the journey that switches the organisation's language back and forth.
const ORGANISATION_LANGUAGE = /admin\.de\.spec\.ts$/;
// Then, with the organisation reading German: the pages checked in both languages, and the German
// journeys of people other journeys use too (the demo's one admin).
const BOTH_LANGUAGES = [/a11y\.spec\.ts$/, /cycle\.de\.spec\.ts$/];
const reportsDir = process.env.FIVEFOLD_REPORTS_DIR ?? resolve(import.meta.dirname, "../.reports");
const CLOCK_SPECS = /cycle\.spec\.ts$/;

const chromium = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

/** One API process, as a worker of the supervisor runs it; ready once migrated and seeded. */
function server(onPort: number, env: Record<string, string>) {
  return {
    command: "node --enable-source-maps ../apps/api/dist/main.js",
    url: `http://127.0.0.1:${onPort}/readyz`,
    timeout: 120_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    stderr: "pipe" as const,
    env: {
      NODE_ENV: "production",
      DATABASE_URL: "pglite://memory",
      PORT: String(onPort),
      HOST: "127.0.0.1",
      BETTER_AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
      // Journeys sign many demo people in from one address within seconds.
      SIGN_IN_RATE_LIMIT: "1000",
      ...env,
    },
  };
}

export default defineConfig({
  testDir: "e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"], ["json", { outputFile: resolve(reportsDir, "playwright.json") }]],
  outputDir: resolve(import.meta.dirname, "test-results"),
  use: { trace: "retain-on-failure" },
  projects: [
    {
      name: "chromium",
      testIgnore: [CLOCK_SPECS, GERMAN_SPECS],
      use: { ...chromium, baseURL: `http://127.0.0.1:${port}` },
    },
    {
      // The server's clock moves forward here (POST /__test/clock, docs/security.md).
      name: "clock",
      testMatch: CLOCK_SPECS,
      use: { ...chromium, baseURL: `http://127.0.0.1:${clockPort}` },
    },
    {
      // The German server (`*.de.spec.ts`, never beside the English journeys): see BOTH_LANGUAGES.
      name: "german-org",
      testMatch: ORGANISATION_LANGUAGE,
      use: { ...chromium, baseURL: `http://127.0.0.1:${germanPort}` },
    },
    {
      name: "german",
      testMatch: BOTH_LANGUAGES,
      dependencies: ["german-org"],
      use: { ...chromium, baseURL: `http://127.0.0.1:${germanPort}` },
    },
  ],
  webServer: [
    // A generated 500-person team, for the dashboard-at-scale journey.
    server(port, { DEMO_LARGE_TEAM: "500" }),
    server(clockPort, { FIVEFOLD_TEST_CLOCK: "1" }),
    server(germanPort, {}),
  ],
});
