// The people of my organisation (any member may list them, e.g. to pick raters).
import { listPeople } from "@fivefold/db";
import { memberProcedure, router } from "../trpc/init";

export const peopleRouter = router({
  list: memberProcedure.query(({ ctx }) => listPeople(ctx.db, ctx.org.id)),
});
