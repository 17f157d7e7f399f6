// Multi-row inserts in statements of at most `maxRows` rows, and never more bind parameters than
// Postgres allows in one statement (65,535).
import type { Executor } from "@fivefold/db";
import { getTableColumns } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";

const MAX_PARAMETERS = 60_000;
export const ROWS_PER_STATEMENT = 1_000;

export async function insertMany<T extends PgTable>(
  db: Executor,
  table: T,
  rows: ReadonlyArray<T["$inferInsert"]>,
  maxRows = ROWS_PER_STATEMENT,
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(getTableColumns(table)).length;
  const size = Math.max(1, Math.min(maxRows, Math.floor(MAX_PARAMETERS / columns)));
  for (let start = 0; start < rows.length; start += size) {
    await db.insert(table).values(rows.slice(start, start + size) as T["$inferInsert"][]);
  }
}
