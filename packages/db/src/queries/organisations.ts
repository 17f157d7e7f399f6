// Organisation-level reads.
import { sql } from "drizzle-orm";
import type { Executor } from "../client";
import { organisations } from "../schema";

export async function countOrganisations(db: Executor): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(organisations);
  return row?.n ?? 0;
}
