// The questionnaire: the five dimensions, their behaviours and the scale (public: the token page needs it).
import { instrumentInput, instrumentSchema } from "@fivefold/domain";
import { describeInstrument } from "../services/collect/instrument";
import { publicProcedure, router } from "../trpc/init";

export const instrumentRouter = router({
  get: publicProcedure
    .input(instrumentInput)
    .output(instrumentSchema)
    .query(({ input }) => describeInstrument({ input })),
});
