// The marker on contract schemas that carry report figures: a released report's numbers, what is
// derived from them (dashboards, trends, profiles) and the listing of which reports someone may
// read. Every procedure whose output contains a marked schema must consult the access policy;
// apps/api/src/routers/access-invariant.test.ts finds them through `carriesFigures` and checks it.
import { z } from "zod";

/** The metadata key of the marker (zod's global registry). */
export const REPORT_FIGURES = "reportFigures";

/** Marks a schema as carrying report figures (returns a marked copy, as zod's `.meta` does). */
export function figures<S extends z.ZodType>(schema: S): S {
  return schema.meta({ [REPORT_FIGURES]: true }) as S;
}

/** Whether this very schema is marked (not what it contains: see `carriesFigures`). */
export function isFigures(schema: z.ZodType): boolean {
  return z.globalRegistry.get(schema)?.[REPORT_FIGURES] === true;
}

/** The schemas a zod 4 schema is built from: object fields, elements, options, wrapped types. */
function parts(schema: z.ZodType): z.ZodType[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  const pick = (...keys: string[]) =>
    keys.flatMap((key) => {
      const value = def[key];
      if (value === undefined || value === null) return [];
      if (Array.isArray(value)) return value as z.ZodType[];
      return [value as z.ZodType];
    });
  switch (def.type) {
    case "object":
      return [...Object.values(def.shape as Record<string, z.ZodType>), ...pick("catchall")];
    case "array":
    case "set":
      return pick("element", "valueType");
    case "union":
      return pick("options");
    case "intersection":
      return pick("left", "right");
    case "tuple":
      return pick("items", "rest");
    case "record":
    case "map":
      return pick("keyType", "valueType");
    case "pipe":
      return pick("in", "out");
    case "lazy":
      return [(def.getter as () => z.ZodType)()];
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
    case "success":
    case "promise":
      return pick("innerType");
    default:
      return [];
  }
}

/** Whether the schema, or anything it is built from, is marked as carrying report figures. */
export function carriesFigures(schema: z.ZodType, seen = new Set<z.ZodType>()): boolean {
  if (seen.has(schema)) return false;
  seen.add(schema);
  if (isFigures(schema)) return true;
  return parts(schema).some((part) => carriesFigures(part, seen));
}
