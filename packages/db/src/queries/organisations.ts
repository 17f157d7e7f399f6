// Organisation-level reads.
import { asc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { organisations } from "../schema";

export async function countOrganisations(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(organisations);
  return row?.n ?? 0;
}

/** The organisation with exactly this name, if any (names are not unique: the oldest one). */
export async function findOrganisationByName(
  db: Executor,
  name: string,
): Promise<{ id: string; name: string; createdAt: Date } | null> {
  const [row] = await db
    .select({ id: organisations.id, name: organisations.name, createdAt: organisations.createdAt })
    .from(organisations)
    .where(eq(organisations.name, name))
    .orderBy(asc(organisations.createdAt))
    .limit(1);
  return row ?? null;
}
