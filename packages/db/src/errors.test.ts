// Real failed queries on this driver, sanitised: every value gone from every way a logger could
// print the error, the SQL text, code and names kept.
import { inspect } from "node:util";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DatabaseHandle } from "./client";
import { SanitisedDatabaseError, sanitiseDatabaseError } from "./errors";
import * as schema from "./schema";
import { createTestDatabase, testDriver } from "./testing";

let handle: DatabaseHandle;
let orgId: string;

beforeAll(async () => {
  handle = await createTestDatabase();
  const [org] = await handle.db.insert(schema.organisations).values({ name: "Errors" }).returning();
  if (!org) throw new Error("no org");
  orgId = org.id;
  await handle.db.insert(schema.people).values({ orgId, name: "Taken", email: "taken@example.test" });
});
afterAll(async () => {
  await handle?.close();
});

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the query to fail");
}

/** Every way the error reaches a log: message, stack, own and enumerable fields, causes. */
function printed(error: unknown): string {
  return [
    String(error),
    (error as Error).stack,
    inspect(error, { depth: 10, showHidden: true }),
    JSON.stringify(error, Object.getOwnPropertyNames(error as object)),
  ].join("\n");
}

describe(`sanitiseDatabaseError on ${testDriver()}`, () => {
  it("drops the parameters and the value Postgres quotes back (invalid input)", async () => {
    const error = await failure(() => handle.db.execute(sql`select ${"MARKER-uuid-Secret"}::uuid`));
    expect(printed(error)).toContain("MARKER-uuid-Secret"); // the attack: the raw error names it
    const safe = sanitiseDatabaseError(error);
    expect(safe).toBeInstanceOf(SanitisedDatabaseError);
    expect(printed(safe)).not.toContain("MARKER");
    expect(safe).toMatchObject({ code: "22P02", query: "select $1::uuid" });
    expect((safe as Error).message).toContain('invalid input syntax for type uuid: "[redacted]"');
    expect((safe as Error).stack).toMatch(/\n\s+at /);
  });

  it("drops the failing row of a check constraint but keeps the table and constraint names", async () => {
    const error = await failure(() =>
      handle.db.insert(schema.organisations).values({ name: "MARKER-org-Secret", anonymityThreshold: 2 }),
    );
    expect(printed(error)).toContain("MARKER-org-Secret");
    const safe = sanitiseDatabaseError(error) as SanitisedDatabaseError;
    expect(printed(safe)).not.toContain("MARKER");
    expect(safe.code).toBe("23514");
    expect(safe.table).toBe("organisations");
    expect(safe.constraint).toBeTruthy();
    expect(safe.message).toContain(`violates check constraint "${safe.constraint}"`);
    expect(safe.message).toContain('new row for relation "organisations"');
    expect(safe.message).toContain('insert into "organisations"');
  });

  it("drops the duplicate key's value (unique violation detail)", async () => {
    const error = await failure(() =>
      handle.db.insert(schema.people).values({ orgId, name: "MARKER-name", email: "taken@example.test" }),
    );
    const safe = sanitiseDatabaseError(error) as SanitisedDatabaseError;
    expect(printed(safe)).not.toMatch(/MARKER|taken@example/);
    expect(safe.code).toBe("23505");
    expect(safe.constraint).toMatch(/people/);
  });

  it("reaches the database error as the cause of another, and leaves other errors alone", async () => {
    const cause = await failure(() => handle.db.execute(sql`select ${"MARKER-deep"}::int`));
    const outer = new Error("procedure failed", { cause });
    const safe = sanitiseDatabaseError(outer) as Error;
    expect(safe).not.toBe(outer);
    expect(safe.message).toBe("procedure failed");
    expect(safe.cause).toBeInstanceOf(SanitisedDatabaseError);
    expect(printed(safe)).not.toContain("MARKER");
    expect(outer.cause).toBe(cause); // the original is untouched

    const plain = new TypeError("not a database error");
    expect(sanitiseDatabaseError(plain)).toBe(plain);
    expect(sanitiseDatabaseError("a string")).toBe("a string");
  });
});
