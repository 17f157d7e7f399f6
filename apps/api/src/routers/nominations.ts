// Nominations: the subject proposes, the manager decides.
import { decideInput, proposeInput } from "../features/collect/inputs";
import { decideNomination, proposeNomination } from "../features/collect/nominations";
import { memberProcedure, router } from "../trpc/init";

export const nominationsRouter = router({
  propose: memberProcedure.input(proposeInput).mutation(({ ctx, input }) => proposeNomination(ctx, input)),
  decide: memberProcedure.input(decideInput).mutation(({ ctx, input }) => decideNomination(ctx, input)),
});
