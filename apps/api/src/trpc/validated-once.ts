// Output validation once per immutable answer. A procedure whose answers come from a cache (a
// released report: its snapshot never changes) returns the very same deeply frozen object to many
// readers; checking it against its output schema on every call cost a tenth of the process's time
// on the hottest read path. The parsed result of a frozen object is remembered (weakly: it goes with
// the object) and is itself frozen; anything not frozen is parsed every time, as before. The schema
// seen by the OpenAPI document and by type inference is the same one.
import type { z } from "zod";
import { deepFreeze } from "../services/freeze";

export function validatedOnce<S extends z.ZodType>(schema: S): S {
  const results = new WeakMap<object, unknown>();
  const once = Object.create(schema) as S;
  const parseOnce = async (value: unknown, params?: Parameters<S["parseAsync"]>[1]): Promise<z.output<S>> => {
    if (!value || typeof value !== "object" || !Object.isFrozen(value))
      return schema.parseAsync(value, params);
    if (results.has(value)) return results.get(value) as z.output<S>;
    const parsed = deepFreeze(await schema.parseAsync(value, params));
    results.set(value, parsed);
    return parsed;
  };
  once.parseAsync = parseOnce;
  return once;
}
