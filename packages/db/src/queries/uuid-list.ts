// A list of ids as one array parameter. `inArray` sends one parameter per id: for a coach's 900
// reports the statement then costs more to parse, plan and bind than to run, and its text differs
// with every length, so it is never prepared once for all.
import { type SQL, type SQLWrapper, sql } from "drizzle-orm";

/** `column = any($n::uuid[])`, the ids in one text parameter (the same on PGlite and Postgres). */
export function inUuids(column: SQLWrapper, ids: readonly string[]): SQL {
  return sql`${column} = any(${`{${ids.join(",")}}`}::uuid[])`;
}
