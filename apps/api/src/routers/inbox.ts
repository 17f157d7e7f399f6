// My open invitations to give feedback.
import { inboxOutput } from "@fivefold/domain";
import { listInbox } from "../services/collect/responses";
import { memberProcedure, router } from "../trpc/init";

export const inboxRouter = router({
  list: memberProcedure.output(inboxOutput).query(({ ctx }) => listInbox({ ctx })),
});
