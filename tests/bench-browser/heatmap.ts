// `pnpm bench:browser`: the team heatmap of a 500-person team in Chromium, as a coach opens and
// sorts it. Starts the built server as the journeys do (embedded database in memory, the demo with
// DEMO_LARGE_TEAM), signs in as the demo's coach, then per run: opens the team from the dashboards
// page and times the click to the frame after all its rows are there (the requests included), then
// sorts by four columns, each timed from the click to the frame after it. Measured inside the page,
// so Playwright's own queries are not in the figures. Prints medians and the worst run; nothing is
// asserted (docs/performance.md, "The team heatmap in the browser").
//
//   pnpm bench:browser [--runs 7] [--people 500]
import { type ChildProcess, spawn } from "node:child_process";
import { createServer } from "node:net";
import { loadavg } from "node:os";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "@playwright/test";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
const { values } = parseArgs({
  options: { runs: { type: "string", default: "7" }, people: { type: "string", default: "500" } },
});
const runs = Number(values.runs);
const people = Number(values.people);
if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a whole number of runs (1 or more).");
if (!Number.isInteger(people) || people < 3) throw new Error("--people takes a team size of 3 or more.");

const freePort = () =>
  new Promise<number>((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => done(typeof address === "object" && address ? address.port : 0));
    });
  });

async function startServer(port: number): Promise<ChildProcess> {
  const child = spawn("node", ["apps/api/dist/main.js"], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: "pglite://memory",
      PORT: String(port),
      HOST: "127.0.0.1",
      BETTER_AUTH_SECRET: "bench-browser-secret-bench-browser-secret",
      DEMO_LARGE_TEAM: String(people),
    },
  });
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The server exited with ${child.exitCode}.`);
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return child;
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill("SIGTERM");
  throw new Error("The server was not ready within 180 s.");
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;

const port = await freePort();
const base = `http://127.0.0.1:${port}`;
const loadBefore = loadavg();
const server = await startServer(port);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(`${base}/sign-in`);
  await page.getByLabel("E-mail").fill("noor.haddad@acme.test");
  await page.getByRole("textbox", { name: "Password" }).fill("fivefold-demo");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await page.getByTestId("person-name").waitFor();
  const shown: number[] = [];
  const sorts: number[] = [];
  for (let run = 0; run < runs; run++) {
    await page.goto(`${base}/dashboards`);
    await page.getByRole("link", { name: /Scale test/ }).waitFor();
    const timing = await page.evaluate(async (count) => {
      const link = Array.from(document.querySelectorAll("a")).find((a) =>
        a.textContent?.includes("Scale test"),
      );
      if (!link) throw new Error("no link to the large team");
      const t0 = performance.now();
      link.click();
      while (document.querySelectorAll('[data-testid="heatmap-row"]').length < count)
        await new Promise((r) => setTimeout(r, 5));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      const open = performance.now() - t0;
      const sorted: number[] = [];
      for (const column of ["Take risks", "Take risks", "Set the vision", "Person"]) {
        const button = Array.from(document.querySelectorAll("th button")).find((b) =>
          b.textContent?.includes(column),
        ) as HTMLButtonElement | undefined;
        if (!button) throw new Error(`no ${column} column`);
        const s0 = performance.now();
        button.click();
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        sorted.push(performance.now() - s0);
      }
      return { open, sorted };
    }, people);
    shown.push(timing.open);
    sorts.push(...timing.sorted);
  }
  const ms = (x: number) => `${Math.round(x)} ms`;
  console.log(
    `Team heatmap, ${people} people, ${runs} runs (Chromium ${browser.version()}; load ${loadBefore
      .map((l) => l.toFixed(2))
      .join(" ")} → ${loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")})`,
  );
  console.log(
    `  open the team to all rows shown: median ${ms(median(shown))}, worst ${ms(Math.max(...shown))}`,
  );
  console.log(
    `  sort by a column:                median ${ms(median(sorts))}, worst ${ms(Math.max(...sorts))}`,
  );
} finally {
  await browser.close();
  server.kill("SIGTERM");
}
