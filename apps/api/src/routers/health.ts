// Liveness with the database it runs on: a real query, so a dead database shows.
import { sql } from "drizzle-orm";
import { publicProcedure } from "../trpc/init";

export const health = publicProcedure.query(async ({ ctx }) => {
  await ctx.db.execute(sql`select 1`);
  return { ok: true as const, db: ctx.driver };
});
