// The contract of the platform procedures: health, who am I, and the demo Mailbox.
import { z } from "zod";
import { LANGUAGES, languageSchema } from "../i18n/languages";
import { roleSchema } from "../roles";

export const healthOutput = z.object({ ok: z.literal(true), db: z.enum(["pglite", "postgres"]) });

export const meOutput = z.object({
  /** `language`: the person's own choice, null when they follow the organisation's. */
  person: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    language: z.enum(LANGUAGES).nullable(),
  }),
  /** `language`: the organisation's default. */
  org: z.object({
    id: z.string(),
    name: z.string(),
    anonymityThreshold: z.number().int(),
    language: z.enum(LANGUAGES),
  }),
  roles: z.array(roleSchema),
  /** The language this person reads the web and their e-mails in. */
  language: z.enum(LANGUAGES),
});

export type MeOutput = z.output<typeof meOutput>;

/** me.setLanguage: read Fivefold in this language, or (null) in the organisation's. */
export const setLanguageInput = z.object({ language: languageSchema.nullable() });

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
  orgId: z.uuid({ error: "Choose the organisation by its id" }),
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
