// The five dimension keys: stable identifiers stored in responses, snapshots and plans.
import { z } from "zod";

export const DIMENSION_KEYS = ["inspire", "vision", "empower", "dream", "risk"] as const;
export type DimensionKey = (typeof DIMENSION_KEYS)[number];
export const dimensionKeySchema = z.enum(DIMENSION_KEYS);

export function isDimensionKey(value: string): value is DimensionKey {
  return (DIMENSION_KEYS as readonly string[]).includes(value);
}
