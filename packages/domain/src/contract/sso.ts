// The contract of the single sign-on settings (admins): the client secret is write-only.
import { z } from "zod";
import { isAcceptableIssuer, isDomainName, normaliseDomains, normaliseIssuer } from "../sso/sso";

export const ssoSettingsOutput = z.object({
  configured: z.boolean(),
  issuer: z.string().nullable(),
  clientId: z.string().nullable(),
  /** Whether a client secret is stored; the secret itself is never returned. */
  hasClientSecret: z.boolean(),
  domains: z.array(z.string()),
  passwordsDisabled: z.boolean(),
  trustUnstatedVerification: z.boolean(),
  /** Where the identity provider must send people back (register it there). */
  redirectUri: z.string(),
});
export type SsoSettings = z.infer<typeof ssoSettingsOutput>;

export const ssoSettingsInput = z.object({
  issuer: z
    .string()
    .max(500)
    .transform(normaliseIssuer)
    .refine(isAcceptableIssuer, "The issuer must be an https:// URL (http:// only on this machine)."),
  clientId: z.string().trim().min(1).max(500),
  /** Omitted (or empty): keep the stored secret. Required the first time. */
  clientSecret: z.string().max(2000).optional(),
  domains: z
    .array(z.string().max(253))
    .min(1)
    .max(50)
    .transform(normaliseDomains)
    .refine((ds) => ds.every(isDomainName), "Each domain must be a domain name, such as example.com."),
  passwordsDisabled: z.boolean(),
  /** Take addresses as verified when the provider's token does not say (Entra ID); default false. */
  trustUnstatedVerification: z.boolean().default(false),
});
export type SsoSettingsInput = z.infer<typeof ssoSettingsInput>;

export const ssoRemoveOutput = z.object({ removed: z.boolean() });
