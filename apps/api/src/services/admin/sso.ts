// Single sign-on settings (admins): the organisation's OpenID provider. The client secret is
// write-only: it is sealed when written and no answer carries it (docs/security.md, "Single sign-on").
import {
  deleteSsoProvider,
  findSsoProvider,
  listSsoProvidersOfDomain,
  type SsoProviderRow,
  saveSsoProvider,
} from "@fivefold/db";
import { ConflictError, InvalidInputError, type SsoSettings, type SsoSettingsInput } from "@fivefold/domain";
import { auditAs } from "../audit/record";
import { sealClientSecret } from "../auth/sso-secret";
import { type MemberServiceContext, nowOf, type ServiceContext, withTransaction } from "../context";

/** Where the provider sends people back; the admin registers it with the provider. */
export const ssoRedirectUri = (ctx: Pick<ServiceContext, "appUrl">) =>
  `${ctx.appUrl.replace(/\/+$/, "")}/api/auth/sso/callback`;

function present(ctx: ServiceContext, row: SsoProviderRow | undefined): SsoSettings {
  return {
    configured: Boolean(row),
    issuer: row?.issuer ?? null,
    clientId: row?.clientId ?? null,
    hasClientSecret: Boolean(row?.clientSecretSealed),
    domains: row?.domains ?? [],
    passwordsDisabled: row?.passwordsDisabled ?? false,
    trustUnstatedVerification: row?.trustUnstatedVerification ?? false,
    redirectUri: ssoRedirectUri(ctx),
  };
}

export async function getSsoSettings({ ctx }: { ctx: MemberServiceContext }): Promise<SsoSettings> {
  return present(ctx, await findSsoProvider(ctx.db, ctx.org.id));
}

export function updateSsoSettings({ ctx, input }: { ctx: MemberServiceContext; input: SsoSettingsInput }) {
  return withTransaction(ctx, async (ctx) => {
    const current = await findSsoProvider(ctx.db, ctx.org.id);
    const secret = input.clientSecret?.trim();
    if (!secret && !current) throw new InvalidInputError("Enter the client secret the provider gave you.");
    // One provider per domain: the sign-in page sends an address to exactly one.
    for (const domain of input.domains) {
      const claimed = await listSsoProvidersOfDomain(ctx.db, domain);
      if (claimed.some((p) => p.orgId !== ctx.org.id)) {
        throw new ConflictError(
          `Another organisation already signs in people of ${domain} through its provider.`,
        );
      }
    }
    const row: SsoProviderRow = {
      orgId: ctx.org.id,
      issuer: input.issuer,
      clientId: input.clientId,
      clientSecretSealed: secret
        ? sealClientSecret(ctx.sealingSecret, ctx.org.id, secret)
        : (current as SsoProviderRow).clientSecretSealed,
      domains: input.domains,
      passwordsDisabled: input.passwordsDisabled,
      trustUnstatedVerification: input.trustUnstatedVerification,
      updatedAt: nowOf(ctx),
    };
    await saveSsoProvider(ctx.db, row);
    // The audit names what changed, never the secret.
    await auditAs(
      ctx,
      "sso.update",
      { type: "organisation", id: ctx.org.id },
      {
        issuer: row.issuer,
        clientId: row.clientId,
        domains: row.domains,
        passwordsDisabled: row.passwordsDisabled,
        trustUnstatedVerification: row.trustUnstatedVerification,
        secretChanged: Boolean(secret),
      },
    );
    return present(ctx, row);
  });
}

export function removeSsoSettings({ ctx }: { ctx: MemberServiceContext }) {
  return withTransaction(ctx, async (ctx) => {
    const removed = await deleteSsoProvider(ctx.db, ctx.org.id);
    if (removed) await auditAs(ctx, "sso.remove", { type: "organisation", id: ctx.org.id });
    return { removed };
  });
}
