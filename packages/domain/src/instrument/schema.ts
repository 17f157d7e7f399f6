// zod schema of the instrument as the API returns it, for tRPC output validation and the web client.
import { z } from "zod";
import { dimensionKeySchema } from "./keys";

export const instrumentItemSchema = z.object({ id: z.string(), text: z.string() });

export const instrumentDimensionSchema = z.object({
  key: dimensionKeySchema,
  name: z.string(),
  description: z.string(),
  leadership: z.string(),
  management: z.string(),
  items: z.array(instrumentItemSchema),
});

export const instrumentSchema = z.object({
  version: z.number().int().positive(),
  scale: z.object({
    min: z.literal(1),
    max: z.literal(5),
    labels: z.tuple([z.string(), z.string(), z.string(), z.string(), z.string()]),
    notObservedLabel: z.string(),
  }),
  dimensions: z.array(instrumentDimensionSchema),
});
