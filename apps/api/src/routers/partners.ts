// Accountability partners: answer an invitation, step down from a circle, list the plans I support.
import {
  answerInvitationInput,
  answerInvitationOutput,
  leaveCircleOutput,
  listSupportedPlansOutput,
  partnershipIdInput,
} from "@fivefold/domain";
import { respondToInvitation } from "../services/grow/invitations";
import { leaveCircle } from "../services/grow/leaving";
import { listSupportedPlans } from "../services/grow/supported";
import { memberProcedure, router } from "../trpc/init";

export const partnersRouter = router({
  respond: memberProcedure
    .input(answerInvitationInput)
    .output(answerInvitationOutput)
    .mutation(respondToInvitation),
  leave: memberProcedure.input(partnershipIdInput).output(leaveCircleOutput).mutation(leaveCircle),
  list: memberProcedure.output(listSupportedPlansOutput).query(listSupportedPlans),
});
