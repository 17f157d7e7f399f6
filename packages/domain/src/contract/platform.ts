// The contract of the platform procedures: health, who am I, and the demo Mailbox.
import { z } from "zod";
import { roleSchema } from "../roles";

export const healthOutput = z.object({ ok: z.literal(true), db: z.enum(["pglite", "postgres"]) });

export const meOutput = z.object({
  person: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  org: z.object({ id: z.string(), name: z.string(), anonymityThreshold: z.number().int() }),
  roles: z.array(roleSchema),
});

/** me.organisations: the organisations this sign-in holds an active person in. */
export const meOrganisationsOutput = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    /** The organisation this session answers for now. */
    current: z.boolean(),
  }),
);
export type MeOrganisationsOutput = z.output<typeof meOrganisationsOutput>;

/** me.switchOrganisation: answer for this organisation from the next call on (this session only). */
export const switchOrganisationInput = z.object({
  orgId: z.uuid({ error: "The organisation must be an id" }),
});

export const mailboxOutput = z.array(
  z.object({
    id: z.string(),
    template: z.string(),
    /** A reminder's recipient is hidden (DESIGN §4 rule 8). */
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    state: z.enum(["pending", "sending", "sent", "failed"]),
    createdAt: z.string(),
  }),
);
export type MailboxOutput = z.output<typeof mailboxOutput>;
