// The embedded database in a thread of its own (worker_threads): PGlite's WebAssembly and its
// JavaScript run here, off the thread that serves HTTP, and every statement comes and goes over the
// worker's message port (pglite-remote.ts is the other end). Plain JavaScript, so that Node loads
// it as it is from the source tree (tsx, tests) and from the built tree (apps/api/dist).
//
// Requests: { id, op: "open" | "query" | "exec" | "begin" | "commit" | "rollback" | "close", ... }.
// A transaction is PGlite's own: `begin` opens one and holds PGlite's lock (no other statement runs
// in between, as in the same thread) until `commit` or `rollback` ends it.
import { parentPort } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

/** @type {PGlite | null} */
let db = null;
/** Open transactions by id: PGlite's transaction object and how to end it. */
const transactions = new Map();
let nextTransaction = 1;

/** Everything of an error that a message can carry: its message, stack and Postgres's fields. */
function describeError(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = { message: error.message, stack: error.stack, name: error.name };
  for (const [key, value] of Object.entries(error)) {
    if (value === null || ["string", "number", "boolean"].includes(typeof value)) fields[key] = value;
  }
  return fields;
}

// drizzle's parsers keep dates, times and intervals as the text Postgres sends (identity
// functions, which a message cannot carry): the other end sends which type ids to keep as text.
const asText = (value) => value;
function queryOptions(request) {
  const options = { rowMode: request.rowMode ?? "object" };
  if (request.textTypes?.length) {
    options.parsers = Object.fromEntries(request.textTypes.map((oid) => [oid, asText]));
  }
  return options;
}

function executor(request) {
  if (request.tx === undefined) return db;
  const open = transactions.get(request.tx);
  if (!open) throw new Error("The transaction has already ended.");
  return open.tx;
}

const strip = (result) => ({ rows: result.rows, fields: result.fields, affectedRows: result.affectedRows });

/** The promise each open transaction's end settles (committed, or rolled back with its error). */
const ends = new Map();

function begin() {
  const id = nextTransaction++;
  return new Promise((started, failedToStart) => {
    let isStarted = false;
    const done = db
      .transaction(
        (tx) =>
          new Promise((commit, rollback) => {
            transactions.set(id, { tx, commit, rollback });
            isStarted = true;
            started(id);
          }),
      )
      .finally(() => transactions.delete(id));
    ends.set(id, done);
    done.catch((error) => {
      ends.delete(id);
      if (!isStarted) failedToStart(error);
    });
  });
}

async function end(request, commit) {
  const open = transactions.get(request.tx);
  const done = ends.get(request.tx);
  ends.delete(request.tx);
  if (!open || !done) throw new Error("The transaction has already ended.");
  if (commit) open.commit();
  else open.rollback(new Error("Rolled back."));
  try {
    await done;
  } catch (error) {
    if (commit) throw error;
  }
}

/** Settles once the database is open: every other request waits for it (they may come at once). */
let opened = null;

async function open(request) {
  db = request.dataDir ? new PGlite(request.dataDir) : new PGlite();
  await db.waitReady;
}

async function handle(request) {
  if (request.op === "open") {
    opened = open(request);
    await opened;
    return null;
  }
  if (!opened) throw new Error("The embedded database is not open.");
  await opened;
  switch (request.op) {
    case "query":
      return strip(await executor(request).query(request.sql, request.params, queryOptions(request)));
    case "exec":
      return (await executor(request).exec(request.sql)).map(strip);
    case "begin":
      return begin();
    case "commit":
      return end(request, true);
    case "rollback":
      return end(request, false);
    case "close":
      await db?.close();
      return null;
    default:
      throw new Error(`Unknown request ${request.op}.`);
  }
}

parentPort?.on("message", (request) => {
  handle(request).then(
    (result) => parentPort?.postMessage({ id: request.id, result }),
    (error) => parentPort?.postMessage({ id: request.id, error: describeError(error) }),
  );
});
