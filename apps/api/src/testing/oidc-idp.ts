// A real OpenID provider for tests (oidc-provider, on loopback over HTTP): discovery, the code flow
// with PKCE required, client_secret_basic at the token endpoint, userinfo. There is no login page:
// the interaction signs in whichever account the test set with `loginAs`. `audienceOverride` makes
// the token endpoint hand out the ID token re-signed, with the provider's own key, for another client
// (what a relying party would see if a token minted for another application were passed to it).
import { createServer, type Server } from "node:http";
import { decodeJwt, exportJWK, generateKeyPair, SignJWT } from "jose";
import Provider from "oidc-provider";

export interface IdpAccount {
  email: string;
  /** Left out: the provider does not say (as Entra ID's tokens). */
  email_verified?: boolean;
}

export interface TestIdp {
  issuer: string;
  accounts: Map<string, IdpAccount>;
  loginAs: string | null;
  audienceOverride: string | null;
  close(): Promise<void>;
}

export async function startTestIdp(options: {
  port: number;
  clients: { clientId: string; clientSecret: string; redirectUri: string }[];
}): Promise<TestIdp> {
  const issuer = `http://127.0.0.1:${options.port}`;
  const { privateKey } = await generateKeyPair("RS256", { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: "test-key", alg: "RS256", use: "sig" };
  const accounts = new Map<string, IdpAccount>();
  const idp: TestIdp = { issuer, accounts, loginAs: null, audienceOverride: null, close: async () => {} };
  const provider = new Provider(issuer, {
    clients: options.clients.map((c) => ({
      client_id: c.clientId,
      client_secret: c.clientSecret,
      redirect_uris: [c.redirectUri],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
    })),
    jwks: { keys: [jwk as never] },
    cookies: { keys: ["test-idp-cookie-key"] },
    claims: { openid: ["sub"], email: ["email", "email_verified"] },
    pkce: { required: () => true },
    features: { devInteractions: { enabled: false } },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (_ctx, sub) => {
      const account = accounts.get(sub);
      return account ? { accountId: sub, claims: () => ({ sub, ...account }) } : undefined;
    },
    // No consent page: the grant is given at once.
    loadExistingGrant: async (ctx) => {
      const clientId = ctx.oidc.client?.clientId ?? "";
      const existing = ctx.oidc.session?.grantIdFor(clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId: ctx.oidc.session?.accountId });
      grant.addOIDCScope("openid email");
      await grant.save();
      return grant;
    },
  });
  provider.use(async (ctx, next) => {
    await next();
    const body = ctx.body as { id_token?: string } | undefined;
    if (ctx.path === "/token" && idp.audienceOverride && body?.id_token) {
      const claims = decodeJwt(body.id_token);
      const forged = await new SignJWT({ ...claims, aud: idp.audienceOverride })
        .setProtectedHeader({ alg: "RS256", kid: "test-key" })
        .sign(privateKey);
      ctx.body = { ...body, id_token: forged };
    }
  });
  const handle = provider.callback();
  const server: Server = createServer(async (req, res) => {
    if (!req.url?.startsWith("/interaction/")) return handle(req, res);
    try {
      await provider.interactionDetails(req, res);
      await provider.interactionFinished(
        req,
        res,
        { login: { accountId: idp.loginAs ?? "nobody" } },
        { mergeWithLastSubmission: false },
      );
    } catch (error) {
      res.statusCode = 500;
      res.end(String(error));
    }
  });
  await new Promise<void>((done) => server.listen(options.port, "127.0.0.1", done));
  idp.close = () =>
    new Promise<void>((done) => {
      server.close(() => done());
      server.closeAllConnections();
    });
  return idp;
}
