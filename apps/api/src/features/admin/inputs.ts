// Input schemas of the admin procedures (transport-neutral: the web reuses them through types).
import {
  personEmailSchema,
  personNameSchema,
  roleSchema,
  settingsUpdateSchema,
  teamNameSchema,
} from "@fivefold/domain";
import { z } from "zod";

const id = (what: string) => z.uuid({ error: `${what} must be an id` });

/** About 5,000 people at ~100 characters a row fit many times over; fastify's body limit is 5 MB. */
export const MAX_CSV_LENGTH = 4_000_000;

export const importInput = z.object({
  csv: z
    .string()
    .min(1, { error: "Paste or upload a CSV file" })
    .max(MAX_CSV_LENGTH, { error: "The file is larger than 4 MB: split it" }),
  dryRun: z.boolean(),
  /** A full import: active people missing from the file are deactivated (never deleted). */
  deactivateMissing: z.boolean().default(false),
});

export const personIdInput = z.object({ personId: id("The person") });

export const createPersonInput = z.object({
  name: personNameSchema,
  email: personEmailSchema,
  managerId: id("The manager").nullable().default(null),
  roles: z.array(roleSchema).max(4).default([]),
  teamIds: z.array(id("A team")).max(100).default([]),
});

export const updatePersonInput = z.object({
  personId: id("The person"),
  name: personNameSchema.optional(),
  email: personEmailSchema.optional(),
  managerId: id("The manager").nullable().optional(),
  active: z.boolean().optional(),
  teamIds: z.array(id("A team")).max(100).optional(),
});

export const setRolesInput = z.object({
  personId: id("The person"),
  roles: z.array(roleSchema).max(4),
});

export const upsertTeamInput = z.object({
  id: id("The team").optional(),
  name: teamNameSchema,
  memberIds: z.array(id("A member")).max(2_000).optional(),
  coachIds: z.array(id("A coach")).max(50).optional(),
});

export const teamIdInput = z.object({ teamId: id("The team") });

export { settingsUpdateSchema as settingsUpdateInput };
