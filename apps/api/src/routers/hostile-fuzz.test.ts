// Issue 14, "Hostile input": every procedure of the router, called with inputs fast-check generates
// from its zod input schema (valid, near-valid and hand-picked hostile values), as each of several
// signed-in relations and anonymously, on a seeded database. Whatever the input: never an
// INTERNAL_SERVER_ERROR, never an error that is not a TRPCError, always a message that is a
// sentence, and a call that fails writes nothing (the row count of every table is the same after).
// Each call runs in a transaction that is rolled back afterwards, so every run sees the same world.
//
// Runs per procedure: FIVEFOLD_FUZZ_RUNS (200 in `pnpm test`, 2,000 in `pnpm test:fuzz`). A failure
// prints its seed and path; FIVEFOLD_FUZZ_SEED=<seed> FIVEFOLD_FUZZ_ONLY=<procedure> replays it.
import { TRPCError } from "@trpc/server";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appRouter, createCaller } from "../router";
import { arbitraryOf, type Pair } from "../testing/arbitrary";
import { type FuzzWorld, idsFor, keyHints, rowCounter, seedFuzzWorld } from "../testing/fuzz-world";
import { createHarness, type Harness, TEST_APP_URL } from "../testing/harness";
import { nastyInput } from "../testing/nasties";
import { createContextFor } from "../trpc/context";

const RUNS = Number(process.env.FIVEFOLD_FUZZ_RUNS ?? 200);
const SEED = process.env.FIVEFOLD_FUZZ_SEED ? Number(process.env.FIVEFOLD_FUZZ_SEED) : undefined;
const ONLY = process.env.FIVEFOLD_FUZZ_ONLY;
/** A run takes milliseconds; room for a busy machine (a 1 MB string is scanned several times). */
const TIMEOUT = Math.max(60_000, RUNS * 150);
/** FIVEFOLD_FUZZ_STATS=1 prints, per procedure, how the calls ended (ok, or the error code). */
const STATS = Boolean(process.env.FIVEFOLD_FUZZ_STATS);
const outcomes = new Map<string, Record<string, number>>();

function tally(path: string, outcome: string) {
  const seen = outcomes.get(path) ?? {};
  seen[outcome] = (seen[outcome] ?? 0) + 1;
  outcomes.set(path, seen);
}

/** Admins reach the most procedures, managers and subjects the most states: they are called more. */
const WEIGHTS: Record<string, number> = { admin: 3, manager: 2, subject: 2 };

type Procedure = { _def: { inputs: unknown[]; type: string } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, Procedure>);

let h: Harness;
let world: FuzzWorld;
let counts: Awaited<ReturnType<typeof rowCounter>>;
/** The row counts of the seeded world: every run starts from it, as each is rolled back. */
let baseline: string;
let hints: Record<string, Pair>;

beforeAll(async () => {
  h = await createHarness();
  world = await seedFuzzWorld(h);
  counts = await rowCounter(h);
  baseline = await counts(h.database.db);
  hints = keyHints(world);
});
afterAll(async () => {
  if (STATS) for (const [path, seen] of outcomes) console.log(path, JSON.stringify(seen));
  await h?.close();
});

/** The generator of a procedure's input: from its schema, or only hostile values when it takes none. */
function inputOf(procedure: Procedure): fc.Arbitrary<unknown> {
  const { inputs } = procedure._def;
  if (inputs.length > 1) throw new Error("a procedure with several input parsers: merge them here first");
  if (inputs.length === 0) return fc.oneof(fc.constant(undefined), nastyInput);
  const { valid, mixed } = arbitraryOf(inputs[0], {
    uuid: idsFor(world),
    email: fc.oneof(
      fc.constantFrom(...world.emails),
      fc.emailAddress(),
      fc.constant("someone@partner.example"),
    ),
    byKey: hints,
  });
  return fc.oneof(
    { arbitrary: valid, weight: 3 },
    { arbitrary: mixed, weight: 3 },
    { arbitrary: nastyInput, weight: 1 },
  );
}

class Rollback extends Error {}

type Caller = ReturnType<typeof createCaller>;

/** Calls the procedure at `path` with `input`. */
const byPath = (path: string, input: unknown) => (caller: Caller) => {
  const call = path.split(".").reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller);
  return (call as (input: unknown) => Promise<unknown>)(input);
};

/** Makes a call in a transaction that is rolled back afterwards; what went wrong, or null. */
async function probe(
  label: string,
  userId: string | null,
  call: (caller: Caller) => Promise<unknown>,
): Promise<string | null> {
  let problem: string | null = null;
  await h.database.db
    .transaction(async (tx) => {
      const base = {
        ...h.database,
        db: tx,
        appUrl: TEST_APP_URL,
        mailboxEnabled: true,
        sealingSecret: h.sealingSecret,
      };
      try {
        await call(createCaller(createContextFor(base as Parameters<typeof createContextFor>[0], userId)));
        tally(label, "ok");
      } catch (error) {
        tally(label, error instanceof TRPCError ? error.code : "thrown");
        if (process.env.FIVEFOLD_FUZZ_STATS === "2")
          tally(label, String((error as Error).message).slice(0, 90));
        problem = judge(error) ?? (await partialWrite(tx));
      }
      throw new Rollback();
    })
    .catch((error) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return problem;
}

/**
 * Row counts after a failed call against the world's. Counting every table takes milliseconds, so
 * it is skipped when the transaction never got an id: Postgres assigns one at the first write (or
 * row lock), in a savepoint too, so without one nothing can have been written.
 */
async function partialWrite(tx: Parameters<typeof counts>[0]): Promise<string | null> {
  const before = baseline;
  let after: string;
  try {
    if (!(await wroteAnything(tx))) return null;
    after = await counts(tx);
  } catch (error) {
    return `the failed call left its transaction unusable: ${String(error)}`;
  }
  if (after === before) return null;
  const was = JSON.parse(before) as Record<string, number>;
  const now = JSON.parse(after) as Record<string, number>;
  const changed = Object.keys(now).filter((table) => now[table] !== was[table]);
  return `a failed call wrote rows: ${changed.map((t) => `${t} ${was[t]} → ${now[t]}`).join(", ")}`;
}

async function wroteAnything(tx: Parameters<typeof counts>[0]): Promise<boolean> {
  const result = await tx.execute(sql`select txid_current_if_assigned()::text as xid`);
  const rows = Array.isArray(result) ? result : (result as { rows: Array<{ xid: unknown }> }).rows;
  return rows[0]?.xid != null;
}

/**
 * A sentence: starts with a capital letter, a digit, a quote or the e-mail address it is about, has
 * a few words, and is not zod's JSON dump (`[{"code": ...`) or a field name ("approve is true...").
 */
const SENTENCE = /^(?:[A-Z0-9"“‘(]|[^\s@]+@[^\s@]+\s)[^\n]*\s\S+/u;

function judge(error: unknown): string | null {
  if (!(error instanceof TRPCError)) return `threw a non-TRPCError: ${String(error)}`;
  const cause = error.cause ? ` (cause: ${String(error.cause).slice(0, 500)})` : "";
  if (error.code === "INTERNAL_SERVER_ERROR") return `INTERNAL_SERVER_ERROR: ${error.message}${cause}`;
  if (!SENTENCE.test(error.message))
    return `${error.code} without a sentence: ${JSON.stringify(error.message)}`;
  return null;
}

/** The input, readable: long strings cut, so a 1 MB counterexample does not flood the log. */
function show(value: unknown): string {
  return JSON.stringify(value, (_, v) =>
    typeof v === "string" && v.length > 120 ? `${v.slice(0, 60)}…(${v.length} characters)` : v,
  )?.slice(0, 4000);
}

describe("hostile input, generated for every procedure", () => {
  it("has a generator for every procedure of the router", () => {
    expect(procedures.length).toBeGreaterThan(60);
    for (const [path, procedure] of procedures) {
      expect(() => inputOf(procedure), path).not.toThrow();
    }
  });

  // The checks themselves, on calls known to break them (each would pass a fuzz that checks nothing).
  it("sees a failed call that wrote rows, a thrown non-TRPCError, a 500 and a message that is no sentence", async () => {
    const subject = world.relations.subject ?? null;
    const planId = world.ids.coaching_plans?.[0] ?? "";
    const halfDone = async (caller: Caller) => {
      const plans = await caller.plans.list();
      await caller.checkins.log({ planId: plans[0]?.id ?? planId, progress: 50 });
      throw new TRPCError({ code: "BAD_REQUEST", message: "Failed after the check-in was written" });
    };
    expect(await probe("self-test", subject, halfDone)).toMatch(/a failed call wrote rows: checkins 2 → 3/);
    expect(await probe("self-test", subject, () => Promise.reject(new RangeError("boom")))).toMatch(
      /non-TRPCError/,
    );
    const internal = new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Something went wrong" });
    expect(await probe("self-test", subject, () => Promise.reject(internal))).toMatch(
      /INTERNAL_SERVER_ERROR/,
    );
    const dump = new TRPCError({ code: "BAD_REQUEST", message: '[{"code":"invalid_type"}]' });
    expect(await probe("self-test", subject, () => Promise.reject(dump))).toMatch(/without a sentence/);
    const field = new TRPCError({ code: "BAD_REQUEST", message: "approve is true or false" });
    expect(await probe("self-test", subject, () => Promise.reject(field))).toMatch(/without a sentence/);
    const address = new TRPCError({ code: "BAD_REQUEST", message: "a@alpha.test reaches Ann, who is here" });
    expect(await probe("self-test", subject, () => Promise.reject(address))).toBeNull();
    expect(await probe("self-test", subject, (caller) => caller.plans.list())).toBeNull();
  });

  for (const [path, procedure] of procedures) {
    if (ONLY && !ONLY.split(",").includes(path)) continue;
    it(`${path}: no 500, a sentence, no partial write (${RUNS} runs)`, { timeout: TIMEOUT }, async () => {
      const relation = fc.oneof(
        ...Object.keys(world.relations).map((name) => ({
          arbitrary: fc.constant(name),
          weight: WEIGHTS[name] ?? 1,
        })),
      );
      const property = fc.asyncProperty(relation, inputOf(procedure), async (as, input) => {
        const problem = await probe(path, world.relations[as] ?? null, byPath(path, input));
        if (problem) throw new Error(`${problem}\n  as ${as} with ${show(input)}`);
      });
      const details = await fc.check(property, { numRuns: RUNS, seed: SEED, endOnFailure: true });
      if (details.failed) {
        const replay = `FIVEFOLD_FUZZ_SEED=${details.seed} FIVEFOLD_FUZZ_ONLY=${path}`;
        const error = details.errorInstance instanceof Error ? details.errorInstance.message : "";
        throw new Error(
          `${path} failed after ${details.numRuns} runs (replay: ${replay}, path ${details.counterexamplePath}):\n${error}`,
        );
      }
    });
  }
});
