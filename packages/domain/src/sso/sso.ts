// Single sign-on rules (pure): which issuers are accepted, how domains are written, and whether an
// identity asserted by an organisation's provider may become a session there.

/** https, or plain http to the loopback (a provider on the same machine, tests). */
export function isAcceptableIssuer(issuer: string): boolean {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return false;
  }
  if (url.search || url.hash || url.username || url.password) return false;
  if (url.protocol === "https:") return true;
  return url.protocol === "http:" && ["127.0.0.1", "localhost", "[::1]"].includes(url.hostname);
}

/** The issuer without a trailing slash. */
export const normaliseIssuer = (issuer: string): string => issuer.trim().replace(/\/+$/, "");

const DOMAIN = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

export const isDomainName = (domain: string): boolean => DOMAIN.test(domain);

/** Lower case, without duplicates, sorted. */
export function normaliseDomains(domains: readonly string[]): string[] {
  return [...new Set(domains.map((d) => d.trim().toLowerCase().replace(/^@/, "")))].sort();
}

/** The domain part of an address, lower case; null when it has none. */
export function domainOfAddress(email: string): string | null {
  const at = email.lastIndexOf("@");
  if (at <= 0 || at === email.length - 1) return null;
  return email
    .slice(at + 1)
    .trim()
    .toLowerCase();
}

export type SsoRefusal = "unverified-email" | "other-domain" | "no-person";

/**
 * Whether the identity the organisation's provider vouched for (its ID token already checked for
 * issuer, audience, expiry and nonce) may sign in: its address must be verified by the provider, of
 * one of the organisation's domains, and be an active person of that organisation (never another).
 */
export function decideSsoSignIn(input: {
  email: string | undefined;
  emailVerified: boolean | undefined;
  domains: readonly string[];
  personFound: boolean;
  /** The organisation takes an address as verified when the provider does not say (Entra ID). */
  trustUnstatedVerification?: boolean;
}): { ok: true } | { ok: false; reason: SsoRefusal } {
  const verified =
    input.emailVerified === true ||
    (input.emailVerified === undefined && input.trustUnstatedVerification === true);
  if (!input.email || !verified) return { ok: false, reason: "unverified-email" };
  const domain = domainOfAddress(input.email);
  if (domain === null || !input.domains.includes(domain)) return { ok: false, reason: "other-domain" };
  if (!input.personFound) return { ok: false, reason: "no-person" };
  return { ok: true };
}
