// Nominations: the subject proposes, the manager decides (one at a time, or a cycle's on one page).
import {
  cycleIdInput,
  decideManyNominationsInput,
  decideNominationInput,
  decideNominationOutput,
  nominationsForManagerOutput,
  proposeNominationInput,
  proposeNominationOutput,
} from "@fivefold/domain";
import { z } from "zod";
import { decideNomination, proposeNomination } from "../services/collect/nominations";
import { decideManyNominations, nominationsForManager } from "../services/cycles/nominations";
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
  forManager: memberProcedure
    .input(cycleIdInput)
    .output(nominationsForManagerOutput)
    .query(({ ctx, input }) => nominationsForManager({ ctx, input })),
  decideMany: memberProcedure
    .input(decideManyNominationsInput)
    .output(z.object({ decided: z.number() }))
    .mutation(({ ctx, input }) => decideManyNominations({ ctx, input })),
});
