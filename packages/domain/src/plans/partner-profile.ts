// What partner matching may know of a colleague, and what they offer: their own latest released
// everyone-but-self means (figures that met k, nothing finer), and their opt-in.
import { z } from "zod";
import type { ReportSnapshot } from "../anonymity";
import { DIMENSION_KEYS, type DimensionKey, dimensionKeySchema } from "../instrument";

export function partnerProfile(
  snapshot: ReportSnapshot | null,
): Partial<Record<DimensionKey, number | null>> {
  if (!snapshot) return {};
  return Object.fromEntries(
    snapshot.dimensions.map((dimension) => [dimension.key, dimension.others?.mean ?? null]),
  );
}

/** Dimensions come back once each, in instrument order; an empty list means "any". */
export const partnerOptInSchema = z.object({
  optIn: z.boolean(),
  dimensions: z
    .array(dimensionKeySchema)
    .max(DIMENSION_KEYS.length * 2)
    .default([])
    .transform((keys) => DIMENSION_KEYS.filter((key) => keys.includes(key))),
});
export type PartnerOptIn = z.output<typeof partnerOptInSchema>;
