// A person as a SCIM User and back. userName is the person's e-mail address (it is what both
// Okta and Entra ID look people up by); the name is one field here, so a SCIM name is read from
// `name.formatted`, else given and family names, else `displayName`. The manager is the
// enterprise extension's `manager.value`, the SCIM id of another User.
import type { ScimPersonRow } from "@fivefold/db";
import { personEmailSchema, personNameSchema } from "@fivefold/domain";
import { z } from "zod";
import { SCHEMA } from "./discovery";
import { ScimError } from "./errors";

export interface ScimUser {
  schemas: string[];
  id: string;
  userName: string;
  /** The client's own identifier of the person (RFC 7643 §3.1), when it gave one. */
  externalId?: string;
  name: { formatted: string; givenName?: string; familyName?: string };
  displayName: string;
  emails: Array<{ value: string; type: string; primary: boolean }>;
  active: boolean;
  [SCHEMA.enterprise]?: { manager?: { value: string; $ref: string } };
  meta: { resourceType: "User"; created: string; lastModified: string; location: string };
}

export function userResource(row: ScimPersonRow, base: string): ScimUser {
  const created = row.createdAt.toISOString();
  return {
    schemas: row.managerId ? [SCHEMA.user, SCHEMA.enterprise] : [SCHEMA.user],
    id: row.id,
    userName: row.email,
    ...(row.externalId ? { externalId: row.externalId } : {}),
    name: { formatted: row.name },
    displayName: row.name,
    emails: [{ value: row.email, type: "work", primary: true }],
    active: row.active,
    ...(row.managerId
      ? { [SCHEMA.enterprise]: { manager: { value: row.managerId, $ref: `${base}/Users/${row.managerId}` } } }
      : {}),
    // No change time is kept per person: the creation time stands for both.
    meta: { resourceType: "User", created, lastModified: created, location: `${base}/Users/${row.id}` },
  };
}

/**
 * The resource a PATCH applies to: the name split at its first space into given and family name
 * (a guess, never shown), so a patch of one part ("name.familyName") keeps the other.
 */
export function patchBasis(user: ScimUser): ScimUser {
  const [givenName, ...rest] = user.name.formatted.split(" ");
  const familyName = rest.join(" ");
  return {
    ...user,
    name: { ...user.name, ...(givenName ? { givenName } : {}), ...(familyName ? { familyName } : {}) },
  };
}

export interface UserFields {
  email: string;
  name: string;
  active: boolean;
  managerId: string | null;
  /** undefined: the body does not say (kept); null: removed. */
  externalId: string | null | undefined;
}

const record = (value: unknown): Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value : undefined;

/** The name to keep: the first of the candidates that is given and is not the old name unchanged. */
function nameOf(body: Record<string, unknown>, previous: string | undefined): string {
  const name = record(body.name);
  const parts = [text(name.givenName), text(name.familyName)].filter(Boolean).join(" ");
  const candidates = [text(name.formatted), text(parts), text(body.displayName)];
  const raw = candidates.find((c) => c !== undefined && c !== previous) ?? previous;
  if (raw === undefined) {
    throw new ScimError(
      400,
      "Give the person's name (name.formatted, name.givenName and familyName, or displayName)",
      "invalidValue",
    );
  }
  const parsed = personNameSchema.safeParse(raw);
  if (!parsed.success)
    throw new ScimError(400, `name: ${parsed.error.issues[0]?.message ?? "not a name"}`, "invalidValue");
  return parsed.data;
}

function activeOf(raw: unknown, fallback: boolean): boolean {
  if (raw === undefined || raw === null) return fallback;
  if (typeof raw === "boolean") return raw;
  // Entra ID has sent booleans as the strings "True" and "False".
  if (typeof raw === "string" && /^(true|false)$/i.test(raw)) return raw.toLowerCase() === "true";
  throw new ScimError(400, "active must be true or false", "invalidValue");
}

const scimId = z.uuid();

function externalIdOf(raw: unknown): string | null | undefined {
  if (raw === undefined) return undefined;
  if (raw === null || raw === "") return null;
  if (typeof raw !== "string" || raw.length > 255) {
    throw new ScimError(400, "externalId must be a string of at most 255 characters", "invalidValue");
  }
  return raw;
}

function managerOf(body: Record<string, unknown>): string | null {
  const manager = record(body[SCHEMA.enterprise]).manager;
  const raw = typeof manager === "string" ? manager : record(manager).value;
  if (raw === undefined || raw === null || raw === "") return null;
  if (typeof raw !== "string" || !scimId.safeParse(raw).success) {
    throw new ScimError(400, "manager.value must be the id of a User of this organisation", "invalidValue");
  }
  return raw;
}

/**
 * What a User body (a POST, a PUT, or a resource after PATCH) asks the person to be. After a
 * PATCH, `previous` is the resource before it: a name part the patch changed wins over the old
 * full name it left in place, and an absent `active` keeps its value.
 */
export function readUser(body: unknown, previous?: { name?: string; active: boolean }): UserFields {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new ScimError(400, "The body must be a SCIM User object", "invalidSyntax");
  }
  const user = body as Record<string, unknown>;
  if (user.schemas !== undefined && !(Array.isArray(user.schemas) && user.schemas.includes(SCHEMA.user))) {
    throw new ScimError(400, `schemas must include ${SCHEMA.user}`, "invalidSyntax");
  }
  const email = personEmailSchema.safeParse(typeof user.userName === "string" ? user.userName : "");
  if (!email.success) {
    throw new ScimError(400, "userName must be the person's e-mail address", "invalidValue");
  }
  return {
    email: email.data,
    name: nameOf(user, previous?.name),
    active: activeOf(user.active, previous?.active ?? true),
    managerId: managerOf(user),
    externalId: externalIdOf(user.externalId),
  };
}
