// The contract of the read API for other systems (/api/v1, with an API token): what each path
// returns. People are the directory's plain facts (no roles, no sign-in state); teams and cycles
// reuse the procedures' own output schemas, so the API says exactly what the app says.
import { z } from "zod";

export const apiPersonOutput = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  managerId: z.string().nullable(),
  active: z.boolean(),
  createdAt: z.string(),
});
export const apiPeopleOutput = z.object({ items: z.array(apiPersonOutput) });

export const apiErrorOutput = z.object({
  error: z.object({ status: z.number().int(), message: z.string() }),
});
