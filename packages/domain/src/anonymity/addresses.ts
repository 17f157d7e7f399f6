// E-mail addresses as the anonymity rules compare them (DESIGN §4 rule 9): one mailbox has many
// spellings (capitals, a `+tag`, the dots Gmail ignores), and a reader who invites a spelling of their
// own address as an "external" rater reads their own answers. Every comparison goes through here.

/** Providers that deliver `a.b.c@` and `abc@` to the same mailbox; the second name is an alias. */
const DOT_BLIND_DOMAINS: Readonly<Record<string, string>> = {
  "gmail.com": "gmail.com",
  "googlemail.com": "gmail.com",
};

/**
 * Public mail providers: anyone can open an address there, so such a domain says nothing about who
 * holds it and can never vouch for an external rater.
 */
export const PUBLIC_MAIL_DOMAINS: ReadonlySet<string> = new Set([
  "aol.com",
  "gmail.com",
  "googlemail.com",
  "gmx.com",
  "gmx.de",
  "gmx.net",
  "hey.com",
  "hotmail.com",
  "icloud.com",
  "live.com",
  "mac.com",
  "mail.com",
  "me.com",
  "msn.com",
  "outlook.com",
  "pm.me",
  "proton.me",
  "protonmail.com",
  "tutanota.com",
  "web.de",
  "yahoo.com",
  "yandex.com",
  "zoho.com",
]);

/** The lower-cased domain of an address, without surrounding space ("" when there is none). */
export function emailDomain(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const at = trimmed.lastIndexOf("@");
  return at < 0 ? "" : trimmed.slice(at + 1);
}

/**
 * The mailbox an address reaches: lower case, no surrounding space, no `+tag`, no dots where the
 * provider ignores them, one name per provider. Two addresses with the same result reach one person.
 */
export function mailboxOf(address: string): string {
  const trimmed = address.trim().toLowerCase();
  const at = trimmed.lastIndexOf("@");
  if (at < 0) return trimmed;
  let local = trimmed.slice(0, at);
  let domain = trimmed.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus >= 0) local = local.slice(0, plus);
  const canonical = DOT_BLIND_DOMAINS[domain];
  if (canonical) {
    local = local.replaceAll(".", "");
    domain = canonical;
  }
  return `${local}@${domain}`;
}

/** A domain as an admin may type it (`@Partner.com `), or null when it is not a domain name. */
export function normaliseDomain(value: string): string | null {
  const domain = value.trim().toLowerCase().replace(/^@/, "");
  const label = "[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?";
  return new RegExp(`^(?:${label}\\.)+[a-z]{2,63}$`).test(domain) && domain.length <= 253 ? domain : null;
}
