// The real built server (apps/api/dist/supervisor.js) as a child process with its own environment
// and its own process group, so a scenario can kill a worker, or the whole tree, by pid.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
export const SUPERVISOR = resolve(here, "../../../apps/api/dist/supervisor.js");

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (address && typeof address === "object" ? resolvePort(address.port) : reject()));
    });
  });
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  lines: string[];
  /** Worker pids the supervisor started, in order. */
  workers(): number[];
  /** Worker deaths the supervisor saw outside a shutdown. */
  crashes(): string[];
  waitReady(timeoutMs?: number): Promise<number>;
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** SIGTERM, then the exit code (SIGKILL to the group if it does not exit in time). */
  stop(timeoutMs?: number): Promise<number | null>;
  killTree(): Promise<void>;
  exited: Promise<number | null>;
}

export async function startServer(options: {
  env: Record<string, string>;
  args?: string[];
  port?: number;
}): Promise<ServerProcess> {
  if (!existsSync(SUPERVISOR)) {
    throw new Error(
      `${SUPERVISOR} is missing: build the API first (pnpm build, or turbo run build --filter=@fivefold/api)`,
    );
  }
  const port = options.port ?? (await freePort());
  const child = spawn(process.execPath, ["--enable-source-maps", SUPERVISOR, ...(options.args ?? [])], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      SIGN_IN_RATE_LIMIT: "100000",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const lines: string[] = [];
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  const collect = (chunk: Buffer) => {
    for (const line of chunk.toString("utf8").split("\n")) {
      if (!line.trim()) continue;
      lines.push(line);
      if (process.env.FIVEFOLD_FAULTS_VERBOSE) console.log(`  [server ${port}] ${line}`);
      for (const waiter of [...waiters]) {
        if (waiter.pattern.test(line)) {
          waiters.splice(waiters.indexOf(waiter), 1);
          waiter.resolve(line);
        }
      }
    }
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const exited = new Promise<number | null>((resolveExit) => child.once("exit", (code) => resolveExit(code)));
  const url = `http://127.0.0.1:${port}`;

  const server: ServerProcess = {
    url,
    port,
    child,
    lines,
    exited,
    workers: () =>
      lines.flatMap((line) => {
        const match = /^Supervisor: worker (\d+) started/.exec(line);
        return match ? [Number(match[1])] : [];
      }),
    crashes: () => lines.filter((line) => /^Supervisor: worker \d+ exited/.test(line)),
    async waitReady(timeoutMs = 60_000) {
      const started = performance.now();
      for (;;) {
        const status = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(2_000) }).then(
          (r) => r.status,
          () => 0,
        );
        if (status === 200) return performance.now() - started;
        if (child.exitCode !== null) {
          throw new Error(`the server exited (${child.exitCode}) before it was ready:\n${lines.join("\n")}`);
        }
        if (performance.now() - started > timeoutMs) {
          throw new Error(`the server was not ready within ${timeoutMs} ms:\n${lines.join("\n")}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    waitForLine(pattern, timeoutMs = 30_000) {
      const seen = lines.find((line) => pattern.test(line));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolveLine, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no line like ${pattern} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolveLine(line);
          },
        });
      });
    },
    async stop(timeoutMs = 30_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill("SIGTERM");
      const code = await Promise.race([
        exited,
        new Promise<"late">((r) => setTimeout(() => r("late"), timeoutMs)),
      ]);
      if (code === "late") {
        await server.killTree();
        throw new Error(
          `the server did not stop within ${timeoutMs} ms of SIGTERM:\n${lines.slice(-20).join("\n")}`,
        );
      }
      return code;
    },
    async killTree() {
      if (child.pid === undefined) return;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // Gone already.
      }
      await exited;
      // Workers of the group die with it; give the kernel a moment to reap them.
      for (const pid of server.workers()) {
        for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 20));
      }
    },
  };
  return server;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
