// Statements sent prepared, for the hottest reads. drizzle sends its other queries to postgres.js
// unprepared (`unsafe` without `prepare`), so Postgres parses and plans them on every call; for a
// query run on every signed-in request that was most of its time (a 0.2 ms lookup cost 2-3 ms from
// Node on a busy machine). A prepared drizzle query is built once per database handle (or
// transaction), with placeholders, and postgres.js keeps the statement, and Postgres its plan, per
// connection. Only statements whose text never varies belong here (a list of ids would make one
// statement per length). PGlite plans every statement anyway; it is the same there.
import type { Executor } from "../client";

export function preparedOn<T>(build: (db: Executor) => T): (db: Executor) => T {
  const built = new WeakMap<Executor, T>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
