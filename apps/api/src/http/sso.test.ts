// Single sign-on over real HTTP against a real OpenID provider (oidc-provider on loopback, started
// here): discovery, the code flow with PKCE, and the attacks on the matching (docs/security.md,
// "Single sign-on"). Alpha signs in alpha.test through the provider; Beta, another organisation,
// has persons with alpha.test addresses (its admin added them), which Alpha's provider never reaches.
import { type DatabaseHandle, saveSsoProvider, schema } from "@fivefold/db";
import { createTestDatabase, testDriver } from "@fivefold/db/testing";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAuth, servedOrigins } from "../auth";
import { type SeededOrganisation, seedOrganisation } from "../seed/organisation";
import { buildServer } from "../server";
import { sealClientSecret } from "../services/auth/sso-secret";
import { freePort } from "../testing/free-port";
import { smallOrg, TEST_SEALING_SECRET } from "../testing/harness";
import { startTestIdp, type TestIdp } from "../testing/oidc-idp";

let database: DatabaseHandle;
let app: FastifyInstance;
let idp: TestIdp;
let base: string;
let alpha: SeededOrganisation;
let beta: SeededOrganisation;

/** A browser's cookie jar, per site, as far as these tests need one. */
class Jar {
  cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const pair = line.split(";")[0] ?? "";
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1);
      if (value === "" || /max-age=0(;|$)/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

beforeAll(async () => {
  database = await createTestDatabase();
  alpha = await seedOrganisation(database.db, {
    ...smallOrg("Alpha", "alpha.test"),
    password: "right-password",
  });
  const betaSeed = smallOrg("Beta", "beta.test");
  beta = await seedOrganisation(database.db, {
    ...betaSeed,
    people: [
      ...betaSeed.people,
      { key: "annToo", name: "Ann in Beta", email: "ann@alpha.test" },
      { key: "onlyBeta", name: "Only Beta", email: "only-beta@alpha.test" },
    ],
  });
  const [port, idpPort] = [await freePort(), await freePort()];
  base = `http://127.0.0.1:${port}`;
  const redirectUri = `${base}/api/auth/sso/callback`;
  idp = await startTestIdp({
    port: idpPort,
    clients: [
      { clientId: "fivefold-alpha", clientSecret: "alpha-client-secret", redirectUri },
      { clientId: "other-app", clientSecret: "other-secret", redirectUri },
    ],
  });
  const verified = (email: string) => ({ email, email_verified: true });
  idp.accounts.set("ann", verified("Ann@Alpha.test"));
  idp.accounts.set("bob-unverified", { email: "bob@alpha.test", email_verified: false });
  idp.accounts.set("eve", verified("admin@beta.test"));
  idp.accounts.set("only-beta", verified("only-beta@alpha.test"));
  idp.accounts.set("cat-unstated", { email: "cat@alpha.test" });
  await saveSsoProvider(database.db, {
    orgId: alpha.orgId,
    issuer: idp.issuer,
    clientId: "fivefold-alpha",
    clientSecretSealed: sealClientSecret(TEST_SEALING_SECRET, alpha.orgId, "alpha-client-secret"),
    domains: ["alpha.test"],
    passwordsDisabled: false,
    trustUnstatedVerification: false,
    updatedAt: new Date(),
  });
  const auth = createAuth({
    db: database.db,
    secret: "test-secret-test-secret-test-secret",
    baseURL: base,
    trustedOrigins: servedOrigins(port, undefined),
    production: false,
    sealingSecret: TEST_SEALING_SECRET,
  });
  app = await buildServer({
    database,
    auth,
    appUrl: base,
    mailboxEnabled: true,
    sealingSecret: TEST_SEALING_SECRET,
  });
  await app.listen({ port, host: "127.0.0.1" });
}, 60_000);
afterAll(async () => {
  await app?.close();
  await idp?.close();
  await database?.close();
});

interface Journey {
  /** The provider's authorization URL the start answered. */
  authorizeUrl: URL;
  /** Where the callback sent the browser. */
  landedOn: string;
  app: Jar;
}

/** A browser signing in: the start, the provider's redirects, the callback. */
async function ssoSignIn(email: string, account: string): Promise<Journey> {
  const appJar = new Jar();
  const idpJar = new Jar();
  idp.loginAs = account;
  const start = await fetch(`${base}/api/auth/sso/start`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email }),
  });
  expect(start.status).toBe(200);
  appJar.take(start);
  const authorizeUrl = new URL(((await start.json()) as { url: string }).url);
  let url = authorizeUrl.href;
  for (let hop = 0; hop < 10 && !url.startsWith(base); hop++) {
    const response = await fetch(url, { redirect: "manual", headers: { cookie: idpJar.header() } });
    idpJar.take(response);
    const location = response.headers.get("location");
    if (!location) throw new Error(`the provider stopped at ${response.status}: ${await response.text()}`);
    url = new URL(location, url).href;
  }
  const back = await fetch(url, { redirect: "manual", headers: { cookie: appJar.header() } });
  expect(back.status).toBe(302);
  appJar.take(back);
  return { authorizeUrl, landedOn: back.headers.get("location") ?? "", app: appJar };
}

async function call(jar: Jar, path: string, input?: unknown) {
  const response = input
    ? await fetch(`${base}/trpc/${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base, cookie: jar.header() },
        body: JSON.stringify(input),
      })
    : await fetch(`${base}/trpc/${path}`, { headers: { cookie: jar.header() } });
  const body = (await response.json()) as {
    result?: { data: unknown };
    error?: { data?: { code?: string } };
  };
  return {
    status: response.status,
    data: body.result?.data as Record<string, unknown> | undefined,
    code: body.error?.data?.code,
  };
}

async function userOf(personId: string | undefined): Promise<string | null> {
  const [row] = await database.db
    .select({ userId: schema.people.userId })
    .from(schema.people)
    .where(eq(schema.people.id, personId ?? ""));
  return row?.userId ?? null;
}

const hasSession = (jar: Jar) => [...jar.cookies.keys()].some((name) => name.endsWith("session_token"));

describe(`single sign-on on ${testDriver()}`, () => {
  it("discovers the provider and signs Ann in with the code flow and PKCE, answering for Alpha", async () => {
    const discovery = await fetch(`${idp.issuer}/.well-known/openid-configuration`);
    expect(((await discovery.json()) as { issuer: string }).issuer).toBe(idp.issuer);
    const journey = await ssoSignIn("ann@alpha.test", "ann");
    expect(journey.authorizeUrl.origin).toBe(idp.issuer);
    expect(journey.authorizeUrl.searchParams.get("code_challenge_method")).toBe("S256");
    expect(journey.authorizeUrl.searchParams.get("code_challenge")).toMatch(/^[\w-]{43}$/);
    expect(journey.authorizeUrl.searchParams.get("client_id")).toBe("fivefold-alpha");
    expect(journey.landedOn).toBe(`${base}/`);
    expect(hasSession(journey.app)).toBe(true);
    const me = await call(journey.app, "me.get");
    expect(me.data).toMatchObject({ person: { id: alpha.people.ann?.personId }, org: { id: alpha.orgId } });
  });

  it("a session from Alpha's provider never answers for Beta, where the same address is a person", async () => {
    // Alpha's provider linked Alpha's person only (the first test signed Ann in).
    expect(await userOf(beta.people.annToo?.personId)).toBeNull();
    // A password link asked for links every organisation's person of the address (identity.ts):
    // the sign-in now holds Beta's person too.
    const reset = await fetch(`${base}/api/auth/request-password-reset`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ email: "ann@alpha.test" }),
    });
    expect(reset.status).toBe(200);
    expect(await userOf(beta.people.annToo?.personId)).toBe(await userOf(alpha.people.ann?.personId));

    const journey = await ssoSignIn("ann@alpha.test", "ann");
    const orgs = await call(journey.app, "me.organisations");
    expect((orgs.data as unknown as { id: string }[]).map((o) => o.id)).toEqual([alpha.orgId]);
    const switched = await call(journey.app, "me.switchOrganisation", { orgId: beta.orgId });
    expect(switched.code).toBe("NOT_FOUND");
    expect((await call(journey.app, "me.get")).data).toMatchObject({ org: { id: alpha.orgId } });
  });

  it("a person of another organisation is never matched: an address only Beta has is refused", async () => {
    const journey = await ssoSignIn("only-beta@alpha.test", "only-beta");
    expect(journey.landedOn).toBe(`${base}/sign-in?sso=no-person`);
    expect(hasSession(journey.app)).toBe(false);
    expect(await userOf(beta.people.onlyBeta?.personId)).toBeNull();
  });

  it("a user of another domain is refused: Alpha's provider vouching for a beta.test address", async () => {
    const journey = await ssoSignIn("ann@alpha.test", "eve");
    expect(journey.landedOn).toBe(`${base}/sign-in?sso=other-domain`);
    expect(hasSession(journey.app)).toBe(false);
  });

  it("an address the provider has not verified is refused", async () => {
    const journey = await ssoSignIn("bob@alpha.test", "bob-unverified");
    expect(journey.landedOn).toBe(`${base}/sign-in?sso=unverified-email`);
    expect(hasSession(journey.app)).toBe(false);
  });

  it("an address the provider does not say is verified is refused, unless the organisation trusts it", async () => {
    expect((await ssoSignIn("cat@alpha.test", "cat-unstated")).landedOn).toBe(
      `${base}/sign-in?sso=unverified-email`,
    );
    await database.db
      .update(schema.ssoProviders)
      .set({ trustUnstatedVerification: true })
      .where(eq(schema.ssoProviders.orgId, alpha.orgId));
    try {
      const trusted = await ssoSignIn("cat@alpha.test", "cat-unstated");
      expect(trusted.landedOn).toBe(`${base}/`);
      expect((await call(trusted.app, "me.get")).data).toMatchObject({
        person: { id: alpha.people.cat?.personId },
      });
      // A provider that says "not verified" is still refused.
      expect((await ssoSignIn("bob@alpha.test", "bob-unverified")).landedOn).toBe(
        `${base}/sign-in?sso=unverified-email`,
      );
    } finally {
      await database.db
        .update(schema.ssoProviders)
        .set({ trustUnstatedVerification: false })
        .where(eq(schema.ssoProviders.orgId, alpha.orgId));
    }
  });

  it("an ID token for another client (wrong audience) is refused, though the provider signed it", async () => {
    idp.audienceOverride = "other-app";
    try {
      const journey = await ssoSignIn("ann@alpha.test", "ann");
      expect(journey.landedOn).toBe(`${base}/sign-in?sso=failed`);
      expect(hasSession(journey.app)).toBe(false);
    } finally {
      idp.audienceOverride = null;
    }
  });

  it("login CSRF: a callback this browser did not start is refused", async () => {
    const victim = new Jar();
    const callback = await fetch(`${base}/api/auth/sso/callback?code=stolen&state=someone-elses`, {
      redirect: "manual",
      headers: { cookie: victim.header() },
    });
    expect(callback.status).toBe(302);
    expect(callback.headers.get("location")).toBe(`${base}/sign-in?sso=failed`);
    victim.take(callback);
    expect(hasSession(victim)).toBe(false);
  });

  it("an address no organisation signs in through a provider gets NO_SSO", async () => {
    const start = await fetch(`${base}/api/auth/sso/start`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: base },
      body: JSON.stringify({ email: "admin@beta.test" }),
    });
    expect(start.status).toBe(404);
    expect(((await start.json()) as { code: string }).code).toBe("NO_SSO");
  });

  it("with passwords off, a password session no longer answers for Alpha, and one from its provider does", async () => {
    await database.db
      .update(schema.ssoProviders)
      .set({ passwordsDisabled: true })
      .where(eq(schema.ssoProviders.orgId, alpha.orgId));
    try {
      const jar = new Jar();
      const signIn = await fetch(`${base}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: base },
        body: JSON.stringify({ email: "manager@alpha.test", password: "right-password" }),
      });
      jar.take(signIn);
      const me = await call(jar, "me.get");
      expect(me.data).toBeUndefined();
      const journey = await ssoSignIn("ann@alpha.test", "ann");
      expect((await call(journey.app, "me.get")).data).toMatchObject({ org: { id: alpha.orgId } });
    } finally {
      await database.db
        .update(schema.ssoProviders)
        .set({ passwordsDisabled: false })
        .where(eq(schema.ssoProviders.orgId, alpha.orgId));
    }
  });
});
