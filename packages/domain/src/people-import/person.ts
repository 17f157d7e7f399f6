// What a valid person looks like, for the import and for editing by hand: a name, an e-mail
// address (compared in lower case), roles and team names.
import { z } from "zod";
import { forPeople } from "../i18n/for-people";
import { ROLES, type Role } from "../roles";

export const MAX_NAME_LENGTH = 200;
export const MAX_EMAIL_LENGTH = 254;
export const MAX_TEAM_NAME_LENGTH = 100;

const emailFormat = z.email();
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const CONTROL = /[\u0000-\u001f\u007f]/;

/** Trims and lower-cases an address; null when it is not a valid e-mail address. */
export function normaliseEmail(raw: string): string | null {
  const email = raw.trim().toLowerCase();
  if (email.length === 0 || email.length > MAX_EMAIL_LENGTH) return null;
  return emailFormat.safeParse(email).success ? email : null;
}

/** Trims and collapses inner whitespace; returns an error message instead when the name is unusable. */
export function normaliseName(raw: string): { name: string } | { error: string } {
  const name = raw.trim().replace(/\s+/g, " ");
  if (name.length === 0) return { error: forPeople("A name is required") };
  if (name.length > MAX_NAME_LENGTH)
    return { error: forPeople(`The name is longer than ${MAX_NAME_LENGTH} characters`) };
  if (CONTROL.test(name)) return { error: forPeople("The name contains control characters") };
  return { name };
}

/** Trims a team name; returns an error message instead when it is unusable. */
export function normaliseTeamName(raw: string): { name: string } | { error: string } {
  const name = raw.trim().replace(/\s+/g, " ");
  if (name.length === 0) return { error: forPeople("A team name is required") };
  if (name.length > MAX_TEAM_NAME_LENGTH) {
    return { error: forPeople(`The team name is longer than ${MAX_TEAM_NAME_LENGTH} characters`) };
  }
  if (CONTROL.test(name)) return { error: forPeople("The team name contains control characters") };
  return { name };
}

/** Everyone is a member; the other roles are added to it, once each, in a stable order. */
export function withMemberRole(roles: readonly Role[]): Role[] {
  const held = new Set<Role>(["member", ...roles]);
  return ROLES.filter((role) => held.has(role));
}

export const personNameSchema = z.string().transform((raw, ctx) => {
  const result = normaliseName(raw);
  if ("error" in result) {
    ctx.addIssue({ code: "custom", message: result.error });
    return z.NEVER;
  }
  return result.name;
});

export const personEmailSchema = z.string().transform((raw, ctx) => {
  const email = normaliseEmail(raw);
  if (!email) {
    ctx.addIssue({ code: "custom", message: "Enter a valid e-mail address" });
    return z.NEVER;
  }
  return email;
});

export const teamNameSchema = z.string().transform((raw, ctx) => {
  const result = normaliseTeamName(raw);
  if ("error" in result) {
    ctx.addIssue({ code: "custom", message: result.error });
    return z.NEVER;
  }
  return result.name;
});
