// Recognising database errors the application answers on purpose (a unique key that says "already
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
