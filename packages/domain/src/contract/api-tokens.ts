// The contract of the API-token procedures (admins): what a token may do (its scopes), creating one
// (the secret comes back once, in that answer only), listing them without secrets, revoking one.
import { z } from "zod";

/** What a token may be used for; a call needs the scope of its area. */
export const API_TOKEN_SCOPES = [
  "scim",
  "people:read",
  "cycles:read",
  "cycles:write",
  "analytics:read",
] as const;
export type ApiTokenScope = (typeof API_TOKEN_SCOPES)[number];
export const apiTokenScopeSchema = z.enum(API_TOKEN_SCOPES, { error: "Pick one of the listed scopes" });

export const createApiTokenInput = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: "Name the token after the system that uses it" })
    .max(80, { error: "Keep the name under 80 characters" }),
  scopes: z
    .array(apiTokenScopeSchema)
    .min(1, { error: "Give the token at least one scope" })
    .max(API_TOKEN_SCOPES.length)
    .transform((scopes) => API_TOKEN_SCOPES.filter((s) => scopes.includes(s))),
  /** Optional: the moment the token stops working (refused with 401 from then on). */
  expiresAt: z.iso
    .datetime({ offset: true, error: "The expiry must be a date and time, such as 2027-06-30T00:00:00Z." })
    .optional(),
});

export const apiTokenIdInput = z.object({ tokenId: z.uuid({ error: "The token must be an id" }) });

export const apiTokenOutput = z.object({
  id: z.string(),
  name: z.string(),
  /** The token's visible start, e.g. `fvf_a1b2c3d4`: enough to recognise it, useless to call with. */
  prefix: z.string(),
  scopes: z.array(apiTokenScopeSchema),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string(), name: z.string() }).nullable(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
});
export type ApiTokenOutput = z.output<typeof apiTokenOutput>;

export const apiTokensListOutput = z.array(apiTokenOutput);

/** The one answer that carries the secret: it is not stored, so it cannot be shown again. */
export const createApiTokenOutput = z.object({ token: apiTokenOutput, secret: z.string() });

export const revokeApiTokenOutput = apiTokenOutput;

/** Whether a token's scopes allow a scope (no scope implies another). */
export function tokenAllows(scopes: readonly string[], scope: ApiTokenScope): boolean {
  return scopes.includes(scope);
}
