// The embedded database in a worker thread, seen from the thread that serves HTTP: the part of
// PGlite's interface drizzle uses (query, exec, transaction), each call a message to
// pglite-worker.mjs and its answer back. PGlite's WebAssembly then runs beside the HTTP, tRPC and
// JSON work instead of taking turns with it on one event loop (docs/performance.md, "The embedded
// database in a worker thread").
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

interface Answer {
  id: number;
  result?: unknown;
  error?: Record<string, unknown> & { message: string; stack?: string };
}

interface QueryOptions {
  rowMode?: "array" | "object";
  parsers?: Record<number, unknown>;
}

/**
 * The worker's file: next to this module in the source tree (.mjs), next to the bundle that
 * contains this module in the built tree (apps/api/dist/pglite-worker.js).
 */
function workerFile(): URL {
  for (const name of ["./pglite-worker.mjs", "./pglite-worker.js"]) {
    const url = new URL(name, import.meta.url);
    if (existsSync(fileURLToPath(url))) return url;
  }
  throw new Error("The embedded database's worker (pglite-worker.mjs) is missing.");
}

/** An error as PGlite threw it in the worker: its message, its Postgres fields, its stack. */
function rebuildError(fields: NonNullable<Answer["error"]>): Error {
  const error = new Error(fields.message);
  const { message: _message, stack, ...rest } = fields;
  Object.assign(error, rest);
  if (stack) error.stack = stack;
  return error;
}

/** One end of the port: numbered requests, answers matched by number. */
class Port {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;

  constructor() {
    this.worker = new Worker(workerFile());
    // The worker keeps the process alive only while a request waits for its answer.
    this.worker.unref();
    this.worker.on("message", (answer: Answer) => this.answer(answer));
    this.worker.on("error", (error) => this.fail(error));
    this.worker.on("exit", (code) => this.fail(new Error(`The embedded database stopped (exit ${code}).`)));
  }

  request<T>(message: Record<string, unknown>): Promise<T> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    if (this.pending.size === 0) this.worker.ref();
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  private answer(answer: Answer): void {
    const waiting = this.pending.get(answer.id);
    if (!waiting) return;
    this.pending.delete(answer.id);
    if (this.pending.size === 0) this.worker.unref();
    if (answer.error) waiting.reject(rebuildError(answer.error));
    else waiting.resolve(answer.result);
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const waiting of this.pending.values()) waiting.reject(this.failure);
    this.pending.clear();
  }

  async terminate(): Promise<void> {
    this.failure ??= new Error("The embedded database is closed.");
    await this.worker.terminate();
  }
}

/** drizzle's parsers keep these types as text; the worker applies the same (see the worker). */
function textTypes(options: QueryOptions | undefined): number[] | undefined {
  return options?.parsers ? Object.keys(options.parsers).map(Number) : undefined;
}

/** Statements on the database, or inside one of its transactions (`tx`). */
class RemoteExecutor {
  constructor(
    protected readonly port: Port,
    protected readonly tx?: number,
  ) {}

  query(sql: string, params: unknown[] = [], options?: QueryOptions): Promise<unknown> {
    return this.port.request({
      op: "query",
      tx: this.tx,
      sql,
      params,
      rowMode: options?.rowMode,
      textTypes: textTypes(options),
    });
  }

  exec(sql: string): Promise<unknown> {
    return this.port.request({ op: "exec", tx: this.tx, sql });
  }
}

/** The embedded database in its worker thread, for `drizzle-orm/pglite`. */
export class RemotePGlite extends RemoteExecutor {
  readonly waitReady: Promise<void>;

  /** `dataDir`: the folder, or undefined for a database in memory. */
  constructor(dataDir: string | undefined) {
    super(new Port());
    // Statements sent before it is open wait for it in the worker; one that fails to open fails
    // every statement with its error (and whoever awaits this).
    this.waitReady = this.port.request({ op: "open", dataDir });
    this.waitReady.catch(() => {});
  }

  /** Runs `fn` inside one transaction: committed if it returns, rolled back if it throws. */
  async transaction<T>(fn: (tx: RemoteExecutor) => Promise<T>): Promise<T> {
    const tx = await this.port.request<number>({ op: "begin" });
    let result: T;
    try {
      result = await fn(new RemoteExecutor(this.port, tx));
    } catch (error) {
      await this.port.request({ op: "rollback", tx });
      throw error;
    }
    await this.port.request({ op: "commit", tx });
    return result;
  }

  async close(): Promise<void> {
    try {
      await this.port.request({ op: "close" });
    } finally {
      await this.port.terminate();
    }
  }
}
