// End-to-end journeys in Debian's Chromium against the built app (web and API) on in-memory PGlite.
// Run through `pnpm e2e` (tests/run-e2e.mjs), which builds both and picks a free port.
import { resolve } from "node:path";
import { defineConfig, devices } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
const reportsDir = process.env.FIVEFOLD_REPORTS_DIR ?? resolve(import.meta.dirname, "../.reports");

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
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
  },
  projects: [
    {
      name: "chromium",
      use: {
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
      },
    },
  ],
  webServer: {
    // One API process, as a worker of the supervisor runs it; ready once migrated and seeded.
    command: "node --enable-source-maps ../apps/api/dist/main.js",
    url: `http://127.0.0.1:${port}/readyz`,
    timeout: 90_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      NODE_ENV: "production",
      DATABASE_URL: "pglite://memory",
      PORT: String(port),
      HOST: "127.0.0.1",
      BETTER_AUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e",
      // Journeys sign many demo people in from one address within seconds.
      SIGN_IN_RATE_LIMIT: "1000",
      // A generated 500-person team, for the dashboard-at-scale journey.
      DEMO_LARGE_TEAM: "500",
    },
  },
});
