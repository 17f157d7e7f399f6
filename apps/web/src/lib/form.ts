// Forms validate with the domain's zod schemas through @mantine/form's zod resolver, so a field is
// refused in the browser with the very message the server would give, in the page's language (the
// domain writes English; i18n/sentence.ts translates it as it does the server's sentences).
import type { FormErrors } from "@mantine/form";
import { zod4Resolver } from "mantine-form-zod-resolver";
import type { z } from "zod";
import { sentence } from "../i18n/sentence";

export function schemaResolver<Values>(schema: z.ZodType): (values: Values) => FormErrors {
  const resolve = zod4Resolver(schema);
  return (values) => {
    const errors = resolve(values as Record<string, unknown>);
    return Object.fromEntries(
      Object.entries(errors).map(([path, message]) => [
        path,
        typeof message === "string" ? sentence(message) : message,
      ]),
    );
  };
}
