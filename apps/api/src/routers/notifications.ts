// The bell (issue 18): what needs me now, and marking entries read.
import {
  notificationsListOutput,
  notificationsMarkReadInput,
  notificationsMarkReadOutput,
} from "@fivefold/domain";
import { listNotifications, markNotificationsRead } from "../services/notifications";
import { memberProcedure, router } from "../trpc/init";

export const notificationsRouter = router({
  list: memberProcedure.output(notificationsListOutput).query(({ ctx }) => listNotifications({ ctx })),
  markRead: memberProcedure
    .input(notificationsMarkReadInput)
    .output(notificationsMarkReadOutput)
    .mutation(({ ctx, input }) => markNotificationsRead({ ctx, input })),
});
