// My open invitations to give feedback.
import { listInbox } from "../features/collect/responses";
import { memberProcedure, router } from "../trpc/init";

export const inboxRouter = router({
  list: memberProcedure.query(({ ctx }) => listInbox(ctx)),
});
