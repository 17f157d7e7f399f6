// The questionnaire: the five dimensions, their behaviours and the scale (public: the token page needs it).
import { getInstrument } from "@fivefold/domain";
import { z } from "zod";
import { publicProcedure, router } from "../trpc/init";

export const instrumentRouter = router({
  get: publicProcedure
    .input(z.object({ version: z.number().int().positive().optional() }).optional())
    .query(({ input }) => {
      const instrument = getInstrument(input?.version);
      return {
        version: instrument.version,
        scale: {
          min: instrument.scale.min,
          max: instrument.scale.max,
          labels: [...instrument.scale.labels],
          notObservedLabel: instrument.scale.notObservedLabel,
        },
        dimensions: instrument.dimensions.map((d) => ({
          key: d.key,
          name: d.name,
          description: d.description,
          leadership: d.leadership,
          management: d.management,
          items: d.items.map((item) => ({ id: item.id, text: item.text })),
        })),
      };
    }),
});
