// Nominations: the subject proposes, the manager decides.
import {
  decideNominationInput,
  decideNominationOutput,
  proposeNominationInput,
  proposeNominationOutput,
} from "@fivefold/domain";
import { decideNomination, proposeNomination } from "../services/collect/nominations";
import { memberProcedure, router } from "../trpc/init";

export const nominationsRouter = router({
  propose: memberProcedure
    .input(proposeNominationInput)
    .output(proposeNominationOutput)
    .mutation(({ ctx, input }) => proposeNomination({ ctx, input })),
  decide: memberProcedure
    .input(decideNominationInput)
    .output(decideNominationOutput)
    .mutation(({ ctx, input }) => decideNomination({ ctx, input })),
});
