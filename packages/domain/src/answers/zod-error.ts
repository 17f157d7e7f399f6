// Turns a zod error into the { message, fields } an InvalidInputError carries to the client.
import type { z } from "zod";
import { InvalidInputError } from "../errors";
import { forPeople } from "../i18n/for-people";

export interface InvalidInputDetails {
  message: string;
  fields: Record<string, string>;
}

export function zodErrorToFields(error: z.ZodError): InvalidInputDetails {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.length > 0 ? issue.path.map(String).join(".") : "_";
    // The first problem on a field is the one to fix first; later ones are usually consequences.
    fields[key] ??= issue.message;
  }
  const first = error.issues[0]?.message ?? forPeople("The input is not valid");
  const more = error.issues.length - 1;
  const message =
    more === 0
      ? first
      : forPeople(more === 1 ? `${first} (and 1 more problem)` : `${first} (and ${more} more problems)`);
  return { message, fields };
}

/** Parses input with a schema, throwing InvalidInputError with person-readable messages. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (!result.success) {
    const { message, fields } = zodErrorToFields(result.error);
    throw new InvalidInputError(message, fields);
  }
  return result.data;
}
