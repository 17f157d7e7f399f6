// Liveness with the database it runs on: a real query, so a dead database shows.
import { pingDatabase } from "@fivefold/db";
import { healthOutput } from "@fivefold/domain";
import { publicProcedure } from "../trpc/init";

export const health = publicProcedure.output(healthOutput).query(async ({ ctx }) => {
  await pingDatabase(ctx.db);
  return { ok: true as const, db: ctx.driver };
});
