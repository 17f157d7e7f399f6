// Multi-row inserts for the generator: each statement inserts up to `maxRows` rows sent as ONE JSON
// parameter (`insert … select … from jsonb_populate_recordset`), which Postgres turns into rows with
// the table's own types. Building the same insert with a bind parameter per value spent more time in
// drizzle's query builder than Postgres spent writing the rows.
import type { Executor } from "@fivefold/db";
import { type Column, getTableColumns, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { PgTable } from "drizzle-orm/pg-core";

export const ROWS_PER_STATEMENT = 1_000;

/** The database column name of a property, as drizzle's `casing: "snake_case"` spells it. */
function columnName(column: Column): string {
  return column.keyAsName ? toSnakeCase(column.name) : column.name;
}

/**
 * Inserts the rows in statements of at most `maxRows`. Every row must set the same properties: a
 * property left out would be written as null rather than as the column's default.
 */
export async function insertMany<T extends PgTable>(
  db: Executor,
  table: T,
  rows: ReadonlyArray<T["$inferInsert"]>,
  maxRows = ROWS_PER_STATEMENT,
): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(first);
  const names = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`no column for ${key}`);
    return columnName(column);
  });
  const list = sql.join(
    names.map((name) => sql.identifier(name)),
    sql`, `,
  );
  for (let start = 0; start < rows.length; start += maxRows) {
    const chunk = rows.slice(start, start + maxRows).map((row) => {
      const record = row as Record<string, unknown>;
      if (Object.keys(record).length !== keys.length) {
        throw new Error(`rows for ${names.join(", ")} must all set the same properties`);
      }
      const out: Record<string, unknown> = {};
      keys.forEach((key, i) => {
        out[names[i] as string] = record[key];
      });
      return out;
    });
    await db.execute(
      sql`insert into ${table} (${list}) select ${list} from jsonb_populate_recordset(null::${table}, ${JSON.stringify(chunk)}::jsonb)`,
    );
  }
}
