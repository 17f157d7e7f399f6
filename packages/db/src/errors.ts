// Database errors fit for a log. A failed query's error carries its parameters (drizzle's message
// prints them, the drivers keep them as properties) and Postgres adds values of its own: the
// failing row in `detail`, a parameter in `where`, the rejected value quoted in the message. In a
// log line next to an invitation id, that is a rater with their answers. What stays: the SQL text
// (placeholders, not values), the SQLSTATE code, and the names of the constraint, table, column,
// type and schema involved; quoted values in Postgres's message become "[redacted]".
import { DrizzleQueryError } from "drizzle-orm";

/** What is left of a database error once every value is gone. */
export class SanitisedDatabaseError extends Error {
  override readonly name = "DatabaseError";
  /** SQLSTATE, e.g. 23505, or the driver's code for errors of its own (CONNECTION_CLOSED). */
  readonly code: string | undefined;
  readonly query: string | undefined;
  readonly severity: string | undefined;
  readonly schema: string | undefined;
  readonly table: string | undefined;
  readonly column: string | undefined;
  readonly dataType: string | undefined;
  readonly constraint: string | undefined;
  readonly routine: string | undefined;

  constructor(fields: {
    message: string;
    stack: string | undefined;
    code?: string | undefined;
    query?: string | undefined;
    severity?: string | undefined;
    schema?: string | undefined;
    table?: string | undefined;
    column?: string | undefined;
    dataType?: string | undefined;
    constraint?: string | undefined;
    routine?: string | undefined;
  }) {
    super(fields.message);
    this.code = fields.code;
    this.query = fields.query;
    this.severity = fields.severity;
    this.schema = fields.schema;
    this.table = fields.table;
    this.column = fields.column;
    this.dataType = fields.dataType;
    this.constraint = fields.constraint;
    this.routine = fields.routine;
    // The original stack's frames, under this message (the original's first lines held values).
    this.stack = `${this.name}: ${this.message}\n${framesOf(fields.stack)}`;
  }
}

type Fields = Record<string, unknown>;

const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** A Postgres server error, as postgres.js (PostgresError) or PGlite (DatabaseError) reports it. */
function isServerError(value: unknown): value is Error & Fields {
  if (!(value instanceof Error)) return false;
  const fields = value as unknown as Fields;
  return (
    typeof fields.code === "string" &&
    /^[0-9A-Z]{5}$/.test(fields.code) &&
    (typeof fields.severity === "string" || typeof fields.routine === "string")
  );
}

function framesOf(stack: string | undefined): string {
  return (stack ?? "")
    .split("\n")
    .filter((line) => /^\s+at /.test(line))
    .join("\n");
}

/**
 * Postgres quotes what it names, identifiers and values alike, in double quotes. A quoted word
 * that is one of the error's own names, or that the SQL text quotes as an identifier, stays;
 * anything else quoted (a value) is removed.
 */
function redactMessage(message: string, names: Array<string | undefined>, query: string | undefined): string {
  const known = new Set(names.filter((n): n is string => Boolean(n)));
  return message.replace(/"((?:[^"]|"")*)"/g, (quoted, inner: string) =>
    known.has(inner) || (query?.includes(quoted) ?? false) ? quoted : '"[redacted]"',
  );
}

function fromServerError(error: Error & Fields, query: string | undefined, stack: string | undefined) {
  // postgres.js names them table_name, …; PGlite table, ….
  const schema = text(error.schema_name) ?? text(error.schema);
  const table = text(error.table_name) ?? text(error.table);
  const column = text(error.column_name) ?? text(error.column);
  const dataType = text(error.data_type_name) ?? text(error.dataType);
  const constraint = text(error.constraint_name) ?? text(error.constraint);
  const sqlText = query ?? text(error.query);
  const message = redactMessage(error.message, [schema, table, column, dataType, constraint], sqlText);
  return new SanitisedDatabaseError({
    message: query ? `Failed query: ${query}\n${text(error.code)} ${message}` : message,
    stack,
    code: text(error.code),
    query: sqlText,
    severity: text(error.severity),
    schema,
    table,
    column,
    dataType,
    constraint,
    routine: text(error.routine),
  });
}

/**
 * Returns the error as it may be logged: database errors (also as the cause of another error, at
 * any depth) rebuilt without their values; any other error unchanged. Use it on every log path.
 */
export function sanitiseDatabaseError(error: unknown): unknown {
  return sanitise(error, 0);
}

function sanitise(error: unknown, depth: number): unknown {
  if (depth > 8 || !(error instanceof Error)) return error;
  if (error instanceof DrizzleQueryError) {
    const cause = error.cause;
    if (isServerError(cause)) return fromServerError(cause, error.query, error.stack);
    // An error of the driver itself (a dropped connection: CONNECTION_CLOSED) or of the mapping of
    // a value: its kind and code say what happened; its message may quote the value, so it goes.
    const code = text((cause as Fields | undefined)?.code);
    const kind = cause instanceof Error ? [cause.name, code].filter(Boolean).join(" ") : "";
    return new SanitisedDatabaseError({
      message: `Failed query: ${error.query}${kind ? `\n${kind}` : ""}`,
      stack: error.stack,
      code,
      query: error.query,
    });
  }
  if (isServerError(error)) return fromServerError(error, undefined, error.stack);
  if (error.cause === undefined) return error;
  const cause = sanitise(error.cause, depth + 1);
  if (cause === error.cause) return error;
  // The outer error is kept as it is (name, message, stack, own fields); only its cause changes.
  const copy = Object.create(Object.getPrototypeOf(error) as object) as Error;
  for (const key of Object.getOwnPropertyNames(error)) {
    Object.defineProperty(copy, key, Object.getOwnPropertyDescriptor(error, key) as PropertyDescriptor);
  }
  Object.defineProperty(copy, "cause", {
    value: cause,
    enumerable: false,
    writable: true,
    configurable: true,
  });
  return copy;
}

// Recognising the errors the application answers on purpose (a unique key that says "already
// there"), on both drivers: drizzle wraps the driver's error as `cause`, postgres.js names the
// constraint `constraint_name`, PGlite `constraint`.
function causes(error: unknown): unknown[] {
  const chain: unknown[] = [];
  for (let current = error; current && chain.length < 5; current = (current as { cause?: unknown }).cause) {
    chain.push(current);
  }
  return chain;
}

/** Whether the error is a unique violation, of the named constraint or index when one is given. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  return causes(error).some((entry) => {
    const e = entry as { code?: unknown; constraint?: unknown; constraint_name?: unknown };
    if (e.code !== "23505") return false;
    return !constraint || e.constraint === constraint || e.constraint_name === constraint;
  });
}
