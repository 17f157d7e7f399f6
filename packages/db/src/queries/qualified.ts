// A column named with its table. In a select list drizzle writes a single table's columns bare
// ("org_id"), so inside a correlated subquery `${inner.orgId} = ${outer.orgId}` would compare the
// inner table's column with itself: always true, and the composite index leading with org_id unused.
import { getTableName, type SQL, sql } from "drizzle-orm";
import { toSnakeCase } from "drizzle-orm/casing";
import type { PgColumn } from "drizzle-orm/pg-core";

/** `"table"."column"`, the column's name in the database (the client's casing is snake_case). */
export function qualified(column: PgColumn): SQL {
  const name = column.keyAsName ? toSnakeCase(column.name) : column.name;
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(name)}`;
}
