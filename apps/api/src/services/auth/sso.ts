// Single sign-on through an organisation's OpenID provider (openid-client): the start (discovery,
// an authorization URL with PKCE, state and nonce) and the finish (the code exchanged, the ID token
// checked for issuer, audience, expiry and nonce by openid-client, then our matching rules). A
// provider vouches only for its own organisation's people: the address must be verified, of one of
// the organisation's domains, and an active person there; nothing of another organisation is read.
import { randomUUID } from "node:crypto";
import {
  chooseOrganisationForSession,
  type Database,
  ensureUserOfAddress,
  findActivePersonOfAddress,
  findSsoProvider,
  linkPersonToUser,
  listSsoProvidersOfDomain,
  recordSsoSession,
  type SsoProviderRow,
} from "@fivefold/db";
import { decideSsoSignIn, domainOfAddress, type SsoRefusal } from "@fivefold/domain";
import * as oidc from "openid-client";
import { normaliseAddress } from "./identity";
import { openClientSecret } from "./sso-secret";

export interface SsoEnv {
  db: Database;
  sealingSecret: string;
  /** Where the provider sends the browser back (…/api/auth/sso/callback). */
  redirectUri: string;
}

/** What the browser's start leaves for the callback (kept server-side, keyed by the state). */
export interface PendingSso {
  orgId: string;
  codeVerifier: string;
  nonce: string;
}

async function configOf(env: SsoEnv, provider: SsoProviderRow): Promise<oidc.Configuration> {
  const secret = openClientSecret(env.sealingSecret, provider.orgId, provider.clientSecretSealed);
  const issuer = new URL(provider.issuer);
  const insecure = issuer.protocol === "http:";
  return oidc.discovery(
    issuer,
    provider.clientId,
    undefined,
    oidc.ClientSecretBasic(secret),
    insecure ? { execute: [oidc.allowInsecureRequests] } : undefined,
  );
}

/** The provider's authorization URL for this address, or null when no organisation covers its domain. */
export async function startSso(
  env: SsoEnv,
  email: string,
): Promise<{ url: string; state: string; pending: PendingSso } | null> {
  const domain = domainOfAddress(normaliseAddress(email));
  if (!domain) return null;
  const [provider] = await listSsoProvidersOfDomain(env.db, domain);
  if (!provider) return null;
  const config = await configOf(env, provider);
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: env.redirectUri,
    scope: "openid email profile",
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: "S256",
    state,
    nonce,
    login_hint: normaliseAddress(email),
  });
  return { url: url.href, state, pending: { orgId: provider.orgId, codeVerifier, nonce } };
}

export type SsoOutcome =
  | { ok: true; userId: string; orgId: string }
  | { ok: false; reason: SsoRefusal | "failed" };

/** true, false, or undefined when the provider does not say (some send the string "true"). */
const verifiedClaim = (value: unknown): boolean | undefined =>
  value === true || value === "true" ? true : value === false || value === "false" ? false : undefined;

/** The asserted address and whether the provider verified it: from the ID token, else userinfo. */
async function identityOf(config: oidc.Configuration, callbackUrl: URL, state: string, pending: PendingSso) {
  const tokens = await oidc.authorizationCodeGrant(config, callbackUrl, {
    pkceCodeVerifier: pending.codeVerifier,
    expectedState: state,
    expectedNonce: pending.nonce,
    idTokenExpected: true,
  });
  const claims = tokens.claims();
  if (!claims) throw new Error("no ID token");
  if (typeof claims.email === "string") {
    return { email: claims.email, emailVerified: verifiedClaim(claims.email_verified) };
  }
  const info = await oidc.fetchUserInfo(config, tokens.access_token, claims.sub);
  return { email: info.email, emailVerified: verifiedClaim(info.email_verified) };
}

/**
 * The callback: exchanges the code and decides. On success the address's sign-in exists and the
 * organisation's person holds it (that person only: other organisations' people are not linked).
 */
export async function finishSso(
  env: SsoEnv,
  input: { callbackUrl: URL; state: string; pending: PendingSso },
  now = new Date(),
): Promise<SsoOutcome> {
  const provider = await findSsoProvider(env.db, input.pending.orgId);
  if (!provider) return { ok: false, reason: "failed" };
  let identity: { email: string | undefined; emailVerified: boolean | undefined };
  try {
    identity = await identityOf(await configOf(env, provider), input.callbackUrl, input.state, input.pending);
  } catch (error) {
    console.warn("[sso] the provider's answer was refused:", (error as Error).message);
    return { ok: false, reason: "failed" };
  }
  const email = identity.email ? normaliseAddress(identity.email) : undefined;
  const person = email ? await findActivePersonOfAddress(env.db, provider.orgId, email) : undefined;
  const decision = decideSsoSignIn({
    email,
    emailVerified: identity.emailVerified,
    domains: provider.domains,
    personFound: Boolean(person),
    trustUnstatedVerification: provider.trustUnstatedVerification,
  });
  if (!decision.ok || !person || !email)
    return { ok: false, reason: decision.ok ? "no-person" : decision.reason };
  const userId = await env.db.transaction(async (tx) => {
    const id =
      person.userId ?? (await ensureUserOfAddress(tx, { id: randomUUID(), name: person.name, email }));
    await linkPersonToUser(tx, person.id, id, now);
    return id;
  });
  return { ok: true, userId, orgId: provider.orgId };
}

/** Marks a new session as its organisation's provider's: it answers for that organisation only. */
export async function bindSsoSession(
  env: Pick<SsoEnv, "db">,
  sessionId: string,
  orgId: string,
  now = new Date(),
) {
  await recordSsoSession(env.db, sessionId, orgId);
  await chooseOrganisationForSession(env.db, sessionId, orgId, now);
}
