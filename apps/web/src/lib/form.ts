// Forms validate with the domain's zod schemas through @mantine/form's zod resolver, so a field is
// refused in the browser with the very message the server would give.
import type { FormErrors } from "@mantine/form";
import { zod4Resolver } from "mantine-form-zod-resolver";
import type { z } from "zod";

export function schemaResolver<Values>(schema: z.ZodType): (values: Values) => FormErrors {
  const resolve = zod4Resolver(schema);
  return (values) => resolve(values as Record<string, unknown>);
}
