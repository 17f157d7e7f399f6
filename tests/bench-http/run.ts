// `pnpm bench:http`: the real server, built and started as `pnpm start` starts it, on a generated
// organisation, measured over HTTP with signed-in people, each path against a bare node:http server
// answering the same bytes in the same run (interleaved rounds, autocannon). Writes a dated section
// into docs/performance.md. `--smoke`: a small organisation and short runs, for the test command; it
// fails only when the harness breaks (a request that cannot be made, a lost or doubled submit),
// never on a timing.
//
//   pnpm bench:http [--people 10000] [--duration 5] [--rounds 3] [--connections 50] [--no-write]
//   pnpm bench:http --smoke
//   pnpm bench:http --only reports.get,submit --cpu-prof /tmp/prof   # some paths; profile the server
//   pnpm bench:http --workers 2                                      # two API processes (Postgres)
//
// Postgres when TEST_DATABASE_URL is set (a new database on that server, dropped at the end),
// else the embedded database in a temporary folder.
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { createServer } from "node:net";
import { cpus, freemem, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { createCaller, createContextFor, seedLargeOrganisation } from "@fivefold/api";
import { createDatabase, type Database, type DatabaseHandle, migrate, queryRows } from "@fivefold/db";
import { getInstrument } from "@fivefold/domain";
import autocannon from "autocannon";
import { sql } from "drizzle-orm";
import postgres from "postgres";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../..");
const PASSWORD = "bench-http-password";

const { values: args } = parseArgs({
  options: {
    smoke: { type: "boolean", default: false },
    people: { type: "string" },
    duration: { type: "string" },
    rounds: { type: "string" },
    connections: { type: "string", default: "50" },
    raters: { type: "string" },
    /** Submits of the sustained run after the burst: `raters` at a time, each a link of its own. */
    submits: { type: "string" },
    "no-write": { type: "boolean", default: false },
    label: { type: "string" },
    /** Comma-separated parts of path names: measure only those (the submit burst is "submit"). */
    only: { type: "string" },
    /** API processes under the supervisor (WORKERS; Postgres only for more than one). */
    workers: { type: "string", default: "1" },
    /** A folder: the server runs with --cpu-prof and writes its profiles there. */
    "cpu-prof": { type: "string" },
  },
});
const only = args.only?.split(",").filter(Boolean);
const selected = (name: string) => !only || only.some((part) => name.includes(part));
const smoke = args.smoke === true;
const people = Number(args.people ?? (smoke ? 300 : 10_000));
const duration = Number(args.duration ?? (smoke ? 1 : 5));
const rounds = Number(args.rounds ?? (smoke ? 1 : 3));
const connections = Number(args.connections);
const raters = Number(args.raters ?? (smoke ? 50 : 100));
const sustainedSubmits = Number(args.submits ?? (smoke ? raters * 2 : raters * 10));
const writeDocs = !smoke && !args["no-write"];

// ---------------------------------------------------------------------------------------------
// Processes

const children = new Set<ChildProcess>();
/** Temporary folders of this run, removed however it ends. */
const scratch: string[] = [];
function stopChildren(): void {
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
}
process.on("exit", stopChildren);
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    stopChildren();
    process.exit(130);
  });
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer();
    probe.once("error", fail);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => done(port));
    });
  });
}

/** Starts a process and resolves when a line of its stdout matches, with the time it took. */
function startUntil(
  command: string,
  argv: string[],
  env: NodeJS.ProcessEnv,
  ready: RegExp,
  timeoutMs: number,
): Promise<{ child: ChildProcess; ms: number; match: RegExpMatchArray }> {
  const started = performance.now();
  const child = spawn(command, argv, { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  children.add(child);
  let output = "";
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      fail(new Error(`${argv.join(" ")} did not start in ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(ready);
      if (match) {
        clearTimeout(timer);
        child.stdout?.off("data", onData);
        done({ child, ms: performance.now() - started, match });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`${argv.join(" ")} exited with ${code}:\n${output}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once("exit", done));
  child.kill("SIGTERM");
  await exited;
  children.delete(child);
}

// ---------------------------------------------------------------------------------------------
// The database and the organisation

interface Target {
  url: string;
  driver: "postgres" | "pglite";
  describe: string;
  drop(): Promise<void>;
}

async function newDatabase(): Promise<Target> {
  const server = process.env.TEST_DATABASE_URL;
  if (server) {
    const name = `fivefold_bench_http_${Date.now()}`;
    const admin = postgres(server, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(server);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      driver: "postgres",
      describe: `Postgres (${(await serverVersion(server)) ?? "?"}) on ${url.host}`,
      async drop() {
        const sql = postgres(server, { max: 1, onnotice: () => {} });
        await sql.unsafe(`drop database if exists ${name} with (force)`);
        await sql.end();
      },
    };
  }
  const folder = mkdtempSync(join(tmpdir(), "fivefold-bench-http-"));
  return {
    url: `pglite://${join(folder, "pglite")}`,
    driver: "pglite",
    describe: "embedded PGlite (on disk)",
    async drop() {
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

async function serverVersion(url: string): Promise<string | null> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [row] = await sql<{ v: string }[]>`select current_setting('server_version') as v`;
    return row ? `${row.v}` : null;
  } finally {
    await sql.end();
  }
}

// ---------------------------------------------------------------------------------------------
// HTTP

interface Recorded {
  method: string;
  url: string;
  /** The If-None-Match it was asked with (the bare server answers by method, URL and this). */
  ifNoneMatch?: string;
  status: number;
  headers: Record<string, string>;
  body: string; // base64
  bytes: number;
}

/** The response headers the bare server repeats: what a client or a cache acts on. */
const KEPT_HEADERS = [
  "content-type",
  "content-encoding",
  "cache-control",
  "etag",
  "last-modified",
  "vary",
  "set-cookie",
];

/** One request over node:http (not fetch, which would decode a compressed body): the bytes as sent. */
async function record(
  base: string,
  method: string,
  url: string,
  headers: Record<string, string>,
  body?: string,
): Promise<Recorded> {
  return new Promise((done, fail) => {
    const req = httpRequest(`${base}${url}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const bytes = Buffer.concat(chunks);
        const kept: Record<string, string> = {};
        for (const name of KEPT_HEADERS) {
          const value = res.headers[name];
          if (value !== undefined) kept[name] = Array.isArray(value) ? value.join(", ") : value;
        }
        done({
          method,
          url,
          ...(headers["if-none-match"] ? { ifNoneMatch: headers["if-none-match"] } : {}),
          status: res.statusCode ?? 0,
          headers: kept,
          body: bytes.toString("base64"),
          bytes: bytes.length,
        });
      });
    });
    req.on("error", fail);
    req.end(body);
  });
}

function trpcGet(path: string, input?: unknown): string {
  return input === undefined
    ? `/trpc/${path}`
    : `/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`;
}

/** Who each cookie string signed in as, to sign them in again before a path is measured. */
const signedInAs = new Map<string, string>();

async function signIn(base: string, email: string): Promise<string> {
  const response = await fetch(`${base}/api/auth/sign-in/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, password: PASSWORD }),
  });
  if (response.status !== 200) {
    throw new Error(`sign-in of ${email} answered ${response.status}: ${await response.text()}`);
  }
  const cookies = response.headers.getSetCookie().map((c) => c.split(";")[0]);
  if (cookies.length === 0) throw new Error(`sign-in of ${email} set no cookie`);
  const cookie = cookies.join("; ");
  signedInAs.set(cookie, email);
  return cookie;
}

async function trpc<T>(base: string, cookie: string, path: string, input?: unknown): Promise<T> {
  const response = await fetch(`${base}${trpcGet(path, input)}`, { headers: { cookie } });
  const text = await response.text();
  if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${text.slice(0, 300)}`);
  return (JSON.parse(text) as { result: { data: T } }).result.data;
}

// ---------------------------------------------------------------------------------------------
// Measuring

interface Run {
  rps: number;
  p50: number;
  p99: number;
  ok: number;
  failed: number;
  non2xx: number;
}

/** A revalidation (If-None-Match) is answered 304: that is its success. */
async function cannon(url: string, headers: Record<string, string>): Promise<Run> {
  const result = await autocannon({ url, connections, duration, headers });
  const revalidated = headers["if-none-match"] ? result["3xx"] : 0;
  const ok = result["2xx"] + revalidated;
  return {
    rps: ok / duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok,
    failed: result.non2xx - revalidated + result.errors + result.timeouts,
    non2xx: result.non2xx - revalidated,
  };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] ?? 0) : ((s[m - 1] ?? 0) + (s[m] ?? 0)) / 2;
};

interface Row {
  name: string;
  note: string;
  real: { rps: number; p50: number; p99: number; failed: number };
  bare: { rps: number; p50: number; p99: number };
  bytes?: number;
  extra?: string;
  /** Median latency of one request at a time (five in a row), real server. */
  alone?: number;
}

/** Latencies only of runs that completed requests: a run with none has no percentile (shown as "–"). */
const summarise = (runs: Run[]) => {
  const answered = runs.filter((r) => r.ok > 0);
  return {
    rps: median(runs.map((r) => r.rps)),
    p50: answered.length ? median(answered.map((r) => r.p50)) : Number.NaN,
    p99: answered.length ? median(answered.map((r) => r.p99)) : Number.NaN,
    failed: runs.reduce((n, r) => n + r.failed, 0),
  };
};
const rate = (x: number) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
const ms = (x: number) => (Number.isNaN(x) ? "–" : String(Math.round(x)));

/** Interleaved rounds against the real and the bare server, the order swapped every round. */
async function compare(
  name: string,
  note: string,
  real: string,
  bare: string,
  url: string,
  headers: Record<string, string>,
): Promise<Row> {
  // One connection, one request at a time: the latency of the path itself, before any queueing.
  const alone: number[] = [];
  for (let i = 0; i < (smoke ? 2 : 5); i++) {
    const t = performance.now();
    await record(real, "GET", url, headers);
    alone.push(performance.now() - t);
  }
  const realRuns: Run[] = [];
  const bareRuns: Run[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (["real", "bare"] as const) : (["bare", "real"] as const);
    for (const which of order) {
      const run = await cannon(`${which === "real" ? real : bare}${url}`, headers);
      (which === "real" ? realRuns : bareRuns).push(run);
    }
  }
  for (const [which, runs] of [
    ["real", realRuns],
    ["bare", bareRuns],
  ] as const) {
    // Only errors is a broken harness (a lost session, a wrong input); nothing back in time is a figure.
    if (runs.every((r) => r.ok === 0) && runs.some((r) => r.non2xx > 0))
      throw new Error(`${name}: the ${which} server answered only errors`);
  }
  const row = { name, note, real: summarise(realRuns), bare: summarise(bareRuns), alone: median(alone) };
  console.log(
    `  ${name.padEnd(34)} alone ${ms(row.alone)} ms; ${row.real.rps.toFixed(0).padStart(7)} req/s p50 ${ms(row.real.p50)} p99 ${ms(row.real.p99)} ms` +
      `  | bare ${row.bare.rps.toFixed(0)} req/s p99 ${ms(row.bare.p99)} ms  → ${(row.real.rps / row.bare.rps).toFixed(4)} ×` +
      (row.real.failed ? `  (${row.real.failed} failed)` : ""),
  );
  return row;
}

/** `n` requests at once (each its own connection), timed from the first sent to the last answered. */
async function burst(requests: Array<{ url: string; body: string }>): Promise<Timed> {
  const started = performance.now();
  const answers = await Promise.all(
    requests.map(async ({ url, body }) => {
      const t = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body,
      });
      await response.arrayBuffer();
      return { ms: performance.now() - t, status: response.status };
    }),
  );
  return {
    ms: performance.now() - started,
    latencies: answers.map((a) => a.ms),
    statuses: answers.map((a) => a.status),
  };
}

// CPU time (Linux: /proc), so a run on a shared machine can be read by what it cost rather than
// by how fast it went: the server's processes (supervisor and workers), the bench's own client, and
// the Postgres backends of the bench's database (not the WAL writer or checkpointer, which are
// shared with every database of the server).

const TICK_MS = 10; // USER_HZ is 100 on Linux

function ticksOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8")
      .replace(/^.*\) /, "")
      .split(" ");
    return Number(fields[11]) + Number(fields[12]); // utime, stime
  } catch {
    return 0;
  }
}

function treeOf(pid: number): number[] {
  let kids: number[] = [];
  try {
    kids = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8")
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    return [pid];
  }
  return [pid, ...kids.flatMap(treeOf)];
}

interface CpuSplit {
  server: number;
  client: number;
  postgres: Map<number, number> | null;
}

async function cpuSplit(serverPid: number | undefined, target: Target): Promise<CpuSplit | null> {
  if (process.platform !== "linux" || serverPid === undefined) return null;
  const server = treeOf(serverPid).reduce((sum, pid) => sum + ticksOf(pid), 0) * TICK_MS;
  const usage = process.cpuUsage();
  const client = (usage.user + usage.system) / 1000;
  if (target.driver !== "postgres") return { server, client, postgres: null };
  const pg = postgres(target.url, { max: 1, onnotice: () => {} });
  try {
    const rows = await pg<{ pid: number }[]>`select pid from pg_stat_activity
      where datname = current_database() and pid <> pg_backend_pid()`;
    return { server, client, postgres: new Map(rows.map((r) => [r.pid, ticksOf(r.pid) * TICK_MS])) };
  } finally {
    await pg.end();
  }
}

/** "server 4.1 ms, Postgres 2.0 ms, client 0.9 ms" for `n` submits between the two readings. */
function cpuPerSubmit(before: CpuSplit | null, after: CpuSplit | null, n: number): string | null {
  if (!before || !after || n === 0) return null;
  const each = (ms: number) => `${(ms / n).toFixed(1)} ms`;
  let pg = "";
  if (before.postgres && after.postgres) {
    let ms = 0;
    for (const [pid, t] of after.postgres) ms += t - (before.postgres.get(pid) ?? 0);
    pg = `, Postgres backends ${each(ms)}`;
  }
  return `server ${each(after.server - before.server)}${pg}, client ${each(after.client - before.client)}`;
}

type Timed = { ms: number; latencies: number[]; statuses: number[] };

/** `requests.length` bodies posted to `url`, `concurrency` at a time, each caller on its own kept connection. */
async function sustained(url: string, bodies: string[], concurrency: number): Promise<Timed> {
  const latencies: number[] = [];
  const statuses: number[] = [];
  let next = 0;
  const started = performance.now();
  const caller = async () => {
    for (let i = next++; i < bodies.length; i = next++) {
      const t = performance.now();
      const response = await fetch(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: bodies[i] as string,
      });
      await response.arrayBuffer();
      latencies.push(performance.now() - t);
      statuses.push(response.status);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, bodies.length) }, caller));
  return { ms: performance.now() - started, latencies, statuses };
}

function submitRow(name: string, note: string, real: Timed, bare: Timed): Row {
  const ok = real.statuses.filter((s) => s === 200).length;
  return {
    name,
    note,
    real: {
      rps: (ok / real.ms) * 1000,
      p50: Math.round(percentile(real.latencies, 50)),
      p99: Math.round(percentile(real.latencies, 99)),
      failed: real.statuses.length - ok,
    },
    bare: {
      rps: (bare.statuses.length / bare.ms) * 1000,
      p50: Math.round(percentile(bare.latencies, 50)),
      p99: Math.round(percentile(bare.latencies, 99)),
    },
  };
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
}

// ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const dist = join(root, "apps/api/dist/supervisor.js");
  if (!existsSync(dist) || !existsSync(join(root, "apps/web/dist/index.html"))) {
    throw new Error(
      "Build first: the root `pnpm bench:http` builds the API and the web app before running this",
    );
  }
  const loadBefore = loadavg();
  const startedAt = new Date();
  const target = await newDatabase();
  console.log(
    `bench:http on ${target.describe}: ${people} people, ${rounds} rounds of ${duration} s, ${connections} connections`,
  );
  try {
    // The organisation, written by the generator in this process, then closed for the server.
    const database = await createDatabase(target.url);
    await migrate(database);
    const seeded = performance.now();
    const org = await seedLargeOrganisation(database.db, { people, cycles: 2, password: PASSWORD, seed: 1 });
    const seedMs = performance.now() - seeded;
    console.log(`  seeded ${org.name} in ${(seedMs / 1000).toFixed(1)} s`);
    const sealingSecret = randomBytes(32).toString("base64url");
    const submit = await prepareSubmits(
      database,
      org.signIns.admin.email,
      sealingSecret,
      raters + sustainedSubmits,
    );
    const wideCoach = await makeWideCoach(database, org.signIns.coach.email, WIDE_COACH_TEAMS);
    const before = await countSubmitted(database.db, submit.requestIds);
    await database.close();

    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const serverEnv: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: target.url,
      PORT: String(port),
      HOST: "127.0.0.1",
      WORKERS: args.workers,
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      SEALING_SECRET: sealingSecret,
      SIGN_IN_RATE_LIMIT: "10000",
      PUBLIC_URL: "",
    };
    // Start to listening, and to ready (migrated, background started), as `pnpm start` does.
    const startT = performance.now();
    const started = await startUntil(
      process.execPath,
      [
        "--enable-source-maps",
        ...(args["cpu-prof"] ? ["--cpu-prof", "--cpu-prof-dir", resolve(args["cpu-prof"])] : []),
        dist,
        "--no-demo",
      ],
      serverEnv,
      /Listening on/,
      120_000,
    );
    const listenMs = started.ms;
    for (;;) {
      const ready = await fetch(`${base}/readyz`).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ready) break;
      if (performance.now() - startT > 120_000) throw new Error("the server did not become ready in 120 s");
      await new Promise((r) => setTimeout(r, 20));
    }
    const readyMs = performance.now() - startT;

    // Sign in for real: a subject with a released report, the coach of most teams, a manager, an admin.
    const { subject, coach, manager, admin } = org.signIns;
    const cookies = {
      subject: await signIn(base, subject.email),
      coach: await signIn(base, coach.email),
      wideCoach: await signIn(base, wideCoach.email),
      manager: await signIn(base, manager.email),
      admin: await signIn(base, admin.email),
    };
    const managerTeams = await trpc<Array<{ id: string; name: string }>>(
      base,
      cookies.manager,
      "dashboards.teams",
    );
    const team = managerTeams[0];
    if (!team) throw new Error("the manager sees no team");
    const coachTeams = await trpc<unknown[]>(base, cookies.coach, "dashboards.teams");
    const coachReports = await trpc<unknown[]>(base, cookies.coach, "reports.list");
    const wideTeams = await trpc<unknown[]>(base, cookies.wideCoach, "dashboards.teams");
    const wideReports = await trpc<unknown[]>(base, cookies.wideCoach, "reports.list");
    const search = "gar";
    const searched = await trpc<{ people: unknown[] }>(base, cookies.subject, "people.list", {
      query: search,
    });

    // Static assets: the entry script (the largest .js the index names) and index.html.
    const indexHtml = readFileSync(join(root, "apps/web/dist/index.html"), "utf8");
    const entry = [...indexHtml.matchAll(/src="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? "")[0];
    if (!entry) throw new Error("index.html names no entry script");
    const entryRaw = statSync(join(root, "apps/web/dist", entry)).size;
    const encodings = { "accept-encoding": "br, gzip" };
    // The server writes the compressed copies in the background once it listens: measure the
    // steady state, and say how long it took to reach it (no copies at all is a figure too).
    let compressedAfterMs: number | null = null;
    for (const deadline = performance.now() + (smoke ? 10_000 : 60_000); performance.now() < deadline; ) {
      const probe = await record(base, "GET", entry, encodings);
      if (probe.headers["content-encoding"]) {
        compressedAfterMs = performance.now() - startT;
        break;
      }
      await new Promise((r) => setTimeout(r, 250));
    }

    const allPaths: Array<{ name: string; note: string; url: string; headers: Record<string, string> }> = [
      {
        name: "health (/healthz)",
        note: "no database",
        url: "/healthz",
        headers: {},
      },
      {
        name: "reports.get, frozen report",
        note: "the subject reads their released report",
        url: trpcGet("reports.get", { requestId: subject.requestId }),
        headers: { cookie: cookies.subject },
      },
      {
        name: `dashboards.team (${manager.teamSize} people)`,
        note: "the manager's team",
        url: trpcGet("dashboards.team", { teamId: team.id }),
        headers: { cookie: cookies.manager },
      },
      {
        name: `dashboards.teams (coach of ${coach.teams})`,
        note: `${coachTeams.length} teams listed`,
        url: trpcGet("dashboards.teams"),
        headers: { cookie: cookies.coach },
      },
      {
        name: `reports.list (coach of ${coach.teams})`,
        note: `${coachReports.length} reports listed`,
        url: trpcGet("reports.list"),
        headers: { cookie: cookies.coach },
      },
      {
        name: `dashboards.teams (coach of ${wideCoach.teams})`,
        note: `${wideTeams.length} teams listed (a coach given ${wideCoach.teams} teams for this run)`,
        url: trpcGet("dashboards.teams"),
        headers: { cookie: cookies.wideCoach },
      },
      {
        name: `reports.list (coach of ${wideCoach.teams})`,
        note: `${wideReports.length} reports listed`,
        url: trpcGet("reports.list"),
        headers: { cookie: cookies.wideCoach },
      },
      {
        name: "people.list, first page",
        note: "any member; 50 people",
        url: trpcGet("people.list"),
        headers: { cookie: cookies.subject },
      },
      {
        name: `people.list, search "${search}"`,
        note: `any member; ${searched.people.length} people`,
        url: trpcGet("people.list", { query: search }),
        headers: { cookie: cookies.subject },
      },
      {
        name: "static: entry script",
        note: `${entry}, ${entryRaw} bytes on disk, asked with br/gzip`,
        url: entry,
        headers: encodings,
      },
      {
        name: "static: index.html",
        note: "asked with br/gzip",
        url: "/",
        headers: encodings,
      },
    ];

    const paths = allPaths.filter((p) => selected(p.name));
    // Record each answer once, then serve the same bytes from the bare server.
    const fixtures: Recorded[] = [];
    for (const p of paths) {
      const r = await record(base, "GET", p.url, p.headers);
      if (r.status !== 200)
        throw new Error(
          `${p.name} answered ${r.status}: ${Buffer.from(r.body, "base64").toString().slice(0, 300)}`,
        );
      fixtures.push(r);
    }
    // The browser's next read of the same report: its ETag back in If-None-Match, answered 304
    // once the session, the membership and the access policy have been checked again.
    const reportIndex = paths.findIndex((p) => p.name.startsWith("reports.get"));
    const etag = fixtures[reportIndex]?.headers.etag;
    const reportPath = paths[reportIndex];
    if (reportPath && etag) {
      const revalidation = {
        name: "reports.get, revalidated (304)",
        note: "the same reader with the ETag of the answer before",
        url: reportPath.url,
        headers: { ...reportPath.headers, "if-none-match": etag },
      };
      const r = await record(base, "GET", revalidation.url, revalidation.headers);
      if (r.status !== 304) throw new Error(`a revalidation of reports.get answered ${r.status}`);
      paths.splice(reportIndex + 1, 0, revalidation);
      fixtures.splice(reportIndex + 1, 0, r);
    }

    // responses.submit through one-time links: the bare server repeats the answer to a spare one.
    const sample = await record(
      base,
      "POST",
      "/trpc/responses.submitByToken",
      { "content-type": "application/json" },
      submit.spareBody,
    );
    if (sample.status !== 200) {
      throw new Error(`a submit answered ${sample.status}: ${Buffer.from(sample.body, "base64").toString()}`);
    }
    fixtures.push(sample);

    const fixtureFile = join(mkdtempSync(join(tmpdir(), "fivefold-bare-")), "fixtures.json");
    scratch.push(dirname(fixtureFile));
    writeFileSync(fixtureFile, JSON.stringify(fixtures));
    const bareStart = await startUntil(
      process.execPath,
      [join(here, "bare.mjs"), fixtureFile],
      process.env,
      /listening (\d+)/,
      30_000,
    );
    const bare = `http://127.0.0.1:${bareStart.match[1]}`;

    console.log("  path                               real                                | bare");
    const rows: Row[] = [];
    for (const [i, p] of paths.entries()) {
      // A fresh sign-in for every path: the signed session copy lives a minute, and autocannon
      // never takes the fresh copy a server sends back, so a path measured more than a minute
      // after its sign-in would measure Better Auth's database lookup on every request (that, not
      // the 304, made the revalidation row slower than the 200 row when measured after others).
      const email = p.headers.cookie ? signedInAs.get(p.headers.cookie) : undefined;
      const headers = email ? { ...p.headers, cookie: await signIn(base, email) } : p.headers;
      const row = await compare(p.name, p.note, base, bare, p.url, headers);
      row.bytes = fixtures[i]?.bytes ?? 0;
      const h = fixtures[i]?.headers ?? {};
      if (p.url.startsWith("/assets") || p.url === "/") {
        row.extra =
          `${h["content-encoding"] ?? "identity"}, ${row.bytes.toLocaleString("en-GB")} bytes, cache-control: ${h["cache-control"] ?? "none"}` +
          (p.url === entry && compressedAfterMs !== null
            ? ` (compressed copies served ${(compressedAfterMs / 1000).toFixed(1)} s after start)`
            : "");
      }
      rows.push(row);
    }

    // The submits: real first (they change the data), then the bare server with the same bytes.
    // The burst: `raters` at once, each on a connection of its own opened for it. The sustained
    // run: `raters` in flight until `sustainedSubmits` links are answered, each caller sending its
    // next link as soon as its answer is in, over the connection it kept (keep-alive): throughput
    // with that many at once, without the cost of opening a connection per submit.
    const burstBodies = submit.bodies.slice(0, raters);
    const sustainedBodies = submit.bodies.slice(raters);
    const realBurst = await burst(
      burstBodies.map((body) => ({ url: `${base}/trpc/responses.submitByToken`, body })),
    );
    const bareBurst = await burst(
      burstBodies.map(() => ({ url: `${bare}/trpc/responses.submitByToken`, body: submit.spareBody })),
    );
    const cpuBefore = await cpuSplit(started.child.pid, target);
    const realSustained = await sustained(`${base}/trpc/responses.submitByToken`, sustainedBodies, raters);
    const cpuAfter = await cpuSplit(started.child.pid, target);
    const bareSustained = await sustained(
      `${bare}/trpc/responses.submitByToken`,
      sustainedBodies.map(() => submit.spareBody),
      raters,
    );
    const okSubmits = [...realBurst.statuses, ...realSustained.statuses].filter((s) => s === 200).length;
    await stop(bareStart.child);
    // Start to listening of the bare server, for scale: a process that only listens.
    const bareCold = await startUntil(
      process.execPath,
      [join(here, "bare.mjs"), fixtureFile],
      process.env,
      /listening/,
      30_000,
    );
    await stop(bareCold.child);
    await stop(started.child);
    rmSync(dirname(fixtureFile), { recursive: true, force: true });
    // Counted once the server has let go of the database (the embedded one has one process).
    const reopened = await createDatabase(target.url);
    const after = await countSubmitted(reopened.db, submit.requestIds);
    await reopened.close();
    const stored = {
      envelopes: after.envelopes - before.envelopes,
      invitations: after.invitations - before.invitations,
    };
    const sent = submit.bodies.length;
    const note = `all ${sent} submits of both: ${okSubmits} answered 200; stored ${stored.envelopes} sealed, ${stored.invitations} invitations submitted`;
    const submitRows = [
      submitRow(`responses.submit, ${burstBodies.length} at once`, "new connections", realBurst, bareBurst),
      submitRow(
        `responses.submit, ${raters} at a time, ${sustainedBodies.length} in all`,
        `kept connections; ${note}`,
        realSustained,
        bareSustained,
      ),
    ];
    for (const row of submitRows) {
      console.log(
        `  ${row.name}: ${row.real.rps.toFixed(0)}/s p50 ${row.real.p50} p99 ${row.real.p99} ms | bare ${row.bare.rps.toFixed(0)}/s; ${row.note}`,
      );
      rows.push(row);
    }
    const cpuNote = cpuPerSubmit(cpuBefore, cpuAfter, sustainedBodies.length);
    if (cpuNote) {
      console.log(`  CPU per submit of the sustained run: ${cpuNote}`);
      const last = submitRows[submitRows.length - 1];
      if (last) last.note = `${last.note}; CPU a submit: ${cpuNote}`;
    }
    const lostOrDoubled = okSubmits !== sent || stored.envelopes !== sent || stored.invitations !== sent;
    const submitNote = note;

    const loadAfter = loadavg();
    const report = {
      startedAt,
      target: target.describe,
      people,
      seedMs,
      listenMs,
      readyMs,
      bareListenMs: bareCold.ms,
      rows,
      loadBefore,
      loadAfter,
      label: args.label,
    };
    console.log(
      `  start to listening ${Math.round(listenMs)} ms, to ready ${Math.round(readyMs)} ms (bare node:http: ${Math.round(bareCold.ms)} ms)`,
    );
    console.log(
      `  load ${loadBefore.map((l) => l.toFixed(2)).join(" ")} → ${loadAfter.map((l) => l.toFixed(2)).join(" ")}`,
    );
    if (writeDocs) appendToDocs(report);
    if (lostOrDoubled) {
      throw new Error(`submits lost or doubled: ${submitNote}`);
    }
  } finally {
    stopChildren();
    for (const folder of scratch) rmSync(folder, { recursive: true, force: true });
    await target.drop();
  }
}

// ---------------------------------------------------------------------------------------------
// A coach of many teams

/** Issue 15 measured the coach's paths for a coach of 62 teams; the generator gives each coach 6–7. */
const WIDE_COACH_TEAMS = 62;

/**
 * Another coach than `except`, given more teams (up to `teams`, by name) so their dashboards list and
 * reports list are as large as a coach of many teams sees. Written straight into team_coaches,
 * before the server starts; whatever they rated anonymously the policy still hides from them.
 */
async function makeWideCoach(database: DatabaseHandle, except: string, teams: number) {
  const db = database.db;
  const [coach] = await queryRows<{ id: string; org_id: string; email: string }>(
    db,
    sql`select p.id, p.org_id, u.email from people p join "user" u on u.id = p.user_id
        join person_roles r on r.org_id = p.org_id and r.person_id = p.id and r.role = 'coach'
        where u.email <> ${except} order by u.email limit 1`,
  );
  if (!coach) throw new Error("no second coach to give more teams");
  await queryRows(
    db,
    sql`insert into team_coaches (org_id, team_id, person_id)
        select t.org_id, t.id, ${coach.id}::uuid from teams t where t.org_id = ${coach.org_id}
          and not exists (select 1 from team_coaches c where c.org_id = t.org_id and c.team_id = t.id and c.person_id = ${coach.id})
        order by t.name
        limit greatest(0, ${teams} - (select count(*) from team_coaches c where c.org_id = ${coach.org_id} and c.person_id = ${coach.id}))`,
  );
  const [count] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from team_coaches where org_id = ${coach.org_id} and person_id = ${coach.id}`,
  );
  return { email: coach.email, teams: count?.n ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// The submit burst's preparation and its counts

/** Raters a request of the submit runs has (the generator's released cycles have 6–12). */
const RATERS_PER_REQUEST = 10;

/**
 * Open requests, `count` invitations in all (`RATERS_PER_REQUEST` a request), made by an admin
 * through the app's own procedure (in this process, before the server opens the database, so it
 * works on the embedded database too), and the one-time links their invitation e-mails carry.
 * Subjects and raters are plain members (no other role: none of them reads a report of another);
 * a subject never rates, a rater may rate several subjects (one link each). The invitation mails
 * are marked sent: people answer the links of mails that went out days before, so the server's
 * mail worker does not deliver them during the run. One more request with three raters gives the
 * submit the bare server repeats.
 */
async function prepareSubmits(
  database: DatabaseHandle,
  adminEmail: string,
  sealingSecret: string,
  count: number,
) {
  const db = database.db;
  const [admin] = await queryRows<{ user_id: string; org_id: string }>(
    db,
    sql`select p.user_id, p.org_id from people p join "user" u on u.id = p.user_id where u.email = ${adminEmail}`,
  );
  if (!admin) throw new Error(`no admin ${adminEmail}`);
  const requests = Math.ceil(count / RATERS_PER_REQUEST) + 1;
  const pool = await queryRows<{ id: string }>(
    db,
    sql`select p.id from people p where p.org_id = ${admin.org_id} and p.active and p.user_id <> ${admin.user_id}
        and not exists (select 1 from person_roles r where r.org_id = p.org_id and r.person_id = p.id and r.role <> 'member')
        and not exists (select 1 from people m where m.org_id = p.org_id and m.manager_id = p.id)
        and not exists (select 1 from feedback_requests f where f.org_id = p.org_id and f.subject_id = p.id
          and f.state in ('draft', 'open'))
        order by p.id`,
  );
  const subjects = pool.slice(0, requests);
  const raterPool = pool.slice(requests);
  if (raterPool.length < RATERS_PER_REQUEST * 2) {
    throw new Error(`${count} submits need more plain members than the organisation's ${pool.length}`);
  }
  const caller = createCaller(
    createContextFor(
      { ...database, appUrl: "http://bench.invalid", mailboxEnabled: false, sealingSecret },
      admin.user_id,
    ),
  );
  const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString();
  const requestIds: string[] = [];
  let next = 0;
  const open = async (subjectId: string, n: number) => {
    const chosen = Array.from(
      { length: n },
      (_, i) => raterPool[(next + i) % raterPool.length] as { id: string },
    );
    next += n;
    const created = await caller.requests.create({
      subjectId,
      deadline,
      raters: chosen.map((p) => ({ personId: p.id, group: "peer" as const })),
    });
    return created.id;
  };
  for (const [i, subject] of subjects.slice(0, -1).entries()) {
    requestIds.push(await open(subject.id, Math.min(RATERS_PER_REQUEST, count - i * RATERS_PER_REQUEST)));
  }
  const spareSubject = subjects[subjects.length - 1];
  if (!spareSubject) throw new Error("no spare subject");
  const spare = await open(spareSubject.id, 3);
  const answers = getInstrument().dimensions.flatMap((d) =>
    d.items.map((item, i) => ({ itemId: item.id, score: 1 + (i % 5) })),
  );
  const body = (link: string) =>
    JSON.stringify({ token: link.replace(/^.*\/r\//, ""), answers, idempotencyKey: randomUUID() });
  const links = await outboxLinks(db, requestIds);
  if (links.length !== count) throw new Error(`expected ${count} invitation links, found ${links.length}`);
  const [spareLink] = await outboxLinks(db, [spare]);
  if (!spareLink) throw new Error("no link for the spare invitation");
  await queryRows(
    db,
    sql`update outbox set state = 'sent', sent_at = now() where state = 'pending'
        and meta->>'requestId' in (${sql.join(
          [...requestIds, spare].map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  return { requestIds, bodies: links.map(body), spareBody: body(spareLink) };
}

async function outboxLinks(db: Database, requestIds: string[]): Promise<string[]> {
  const rows = await queryRows<{ link: string }>(
    db,
    sql`select o.meta->>'link' as link from outbox o
        join invitations i on i.id = (o.meta->>'invitationId')::uuid and i."group" = 'peer'
        where o.meta->>'requestId' in (${sql.join(
          requestIds.map((id) => sql`${id}`),
          sql`, `,
        )})`,
  );
  return rows.map((r) => r.link);
}

async function countSubmitted(db: Database, requestIds: string[]) {
  const ids = sql.join(
    requestIds.map((id) => sql`${id}::uuid`),
    sql`, `,
  );
  const [e] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from sealed_envelopes where request_id in (${ids})`,
  );
  const [i] = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from invitations where request_id in (${ids}) and state = 'submitted' and "group" = 'peer'`,
  );
  return { envelopes: e?.n ?? 0, invitations: i?.n ?? 0 };
}

// ---------------------------------------------------------------------------------------------
// docs/performance.md

function appendToDocs(report: {
  startedAt: Date;
  target: string;
  people: number;
  seedMs: number;
  listenMs: number;
  readyMs: number;
  bareListenMs: number;
  rows: Row[];
  loadBefore: number[];
  loadAfter: number[];
  label: string | undefined;
}): void {
  const file = join(root, "docs/performance.md");
  const cpu = cpus();
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(" ");
  const lines = [
    "",
    `### bench:http, ${report.startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC${report.label ? `: ${report.label}` : ""}`,
    "",
    `${report.target}, ${report.people.toLocaleString("en-GB")} people (generated in ${(report.seedMs / 1000).toFixed(1)} s); ` +
      `${cpu.length} × ${cpu[0]?.model.trim() ?? "?"}, ${(totalmem() / 2 ** 30).toFixed(1)} GB (${(freemem() / 2 ** 30).toFixed(1)} free), Node ${process.version}; ` +
      `${args.workers === "1" ? "one worker" : `${args.workers} workers`}; ${report.target.includes("PGlite") ? (process.env.PGLITE_WORKER === "0" ? "PGlite in the server's thread; " : "PGlite in a worker thread; ") : ""}autocannon, ${connections} connections, ${rounds} interleaved rounds of ${duration} s (medians). ` +
      `Load average (1, 5, 15 min) ${load(report.loadBefore)} before, ${load(report.loadAfter)} after.`,
    "",
    "| path | alone ms | real req/s | p50 / p99 ms | bare req/s | bare p50 / p99 ms | ratio | notes |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
    ...report.rows.map(
      (r) =>
        `| ${r.name} | ${r.alone === undefined ? "" : ms(r.alone)} | ${rate(r.real.rps)} | ${ms(r.real.p50)} / ${ms(r.real.p99)} | ${rate(r.bare.rps)} | ${ms(r.bare.p50)} / ${ms(r.bare.p99)} | ${(r.real.rps / r.bare.rps).toFixed(3)} × | ${[r.note, r.extra ?? (r.bytes ? `${r.bytes.toLocaleString("en-GB")} bytes` : ""), r.real.failed ? `${r.real.failed} failed or unanswered in time` : ""].filter(Boolean).join("; ")} |`,
    ),
    `| start to listening | | | ${Math.round(report.listenMs)} ms | | ${Math.round(report.bareListenMs)} ms | | ready (migrated) after ${Math.round(report.readyMs)} ms |`,
    "",
  ];
  const text = readFileSync(file, "utf8");
  writeFileSync(file, `${text.trimEnd()}\n${lines.join("\n")}`);
  console.log(`  wrote the figures into docs/performance.md`);
}

const deadline = setTimeout(
  () => {
    console.error("bench:http took longer than its bound: stopping");
    stopChildren();
    process.exit(1);
  },
  (smoke ? 5 : 30) * 60_000,
);
deadline.unref();

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`bench:http failed: ${error instanceof Error ? error.stack : String(error)}`);
    stopChildren();
    process.exit(1);
  },
);
