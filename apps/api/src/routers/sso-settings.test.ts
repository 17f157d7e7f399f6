// sso.* through createCaller on the real schema: only admins read and change the organisation's
// identity provider; the client secret is write-only (sealed at rest, in no answer, in no audit
// entry); another organisation's provider is neither read nor changed.
import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { openClientSecret } from "../services/auth/sso-secret";
import { createHarness, type Harness, smallOrg } from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;
const SECRET = "client-secret-that-must-never-come-back";

const config = {
  issuer: "https://idp.alpha.test/",
  clientId: "fivefold-alpha",
  clientSecret: SECRET,
  domains: ["Alpha.test", "alpha.test", "@corp.alpha.test"],
  passwordsDisabled: false,
};

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(smallOrg("Alpha", "alpha.test"));
  b = await h.seed(smallOrg("Beta", "beta.test"));
});
afterAll(async () => {
  await h?.close();
});

describe(`SSO settings on ${testDriver()}`, () => {
  it("stores the provider with normalised domains and answers without the secret", async () => {
    const admin = h.as(a, "admin");
    expect((await admin.sso.get()).configured).toBe(false);
    const saved = await admin.sso.update(config);
    expect(saved).toMatchObject({
      configured: true,
      issuer: "https://idp.alpha.test",
      clientId: "fivefold-alpha",
      hasClientSecret: true,
      domains: ["alpha.test", "corp.alpha.test"],
      passwordsDisabled: false,
      trustUnstatedVerification: false,
    });
    expect(saved.redirectUri).toMatch(/\/api\/auth\/sso\/callback$/);
    expect(JSON.stringify(saved)).not.toContain(SECRET);
    expect(JSON.stringify(await admin.sso.get())).not.toContain(SECRET);
  });

  it("reading the client secret back: it is sealed at rest and in no answer or audit entry", async () => {
    const [row] = await h.database.db
      .select()
      .from(schema.ssoProviders)
      .where(eq(schema.ssoProviders.orgId, a.orgId));
    expect(row?.clientSecretSealed).toBeDefined();
    expect(row?.clientSecretSealed).not.toContain(SECRET);
    expect(openClientSecret(h.sealingSecret, a.orgId, row?.clientSecretSealed ?? "")).toBe(SECRET);
    // Copied onto another organisation's row, it does not open.
    expect(() => openClientSecret(h.sealingSecret, b.orgId, row?.clientSecretSealed ?? "")).toThrow();
    const audit = await h.database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.orgId, a.orgId));
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    expect(audit.some((e) => e.action === "sso.update")).toBe(true);
  });

  it("keeps the stored secret when the field is left empty, and asks for one the first time", async () => {
    const admin = h.as(a, "admin");
    const kept = await admin.sso.update({ ...config, clientSecret: undefined, passwordsDisabled: true });
    expect(kept).toMatchObject({ hasClientSecret: true, passwordsDisabled: true });
    const [row] = await h.database.db
      .select()
      .from(schema.ssoProviders)
      .where(eq(schema.ssoProviders.orgId, a.orgId));
    expect(openClientSecret(h.sealingSecret, a.orgId, row?.clientSecretSealed ?? "")).toBe(SECRET);
    await expect(h.as(b, "admin").sso.update({ ...config, clientSecret: "" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("refuses an issuer over plain http to another machine and a domain that is not one", async () => {
    const admin = h.as(a, "admin");
    await expect(admin.sso.update({ ...config, issuer: "http://idp.alpha.test" })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(admin.sso.update({ ...config, domains: ["not a domain"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
  });

  it("B's admin neither reads nor replaces A's provider", async () => {
    const bAdmin = h.as(b, "admin");
    expect((await bAdmin.sso.get()).configured).toBe(false);
    await expect(bAdmin.sso.update({ ...config, clientId: "beta" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
    await bAdmin.sso.update({ ...config, clientId: "beta", domains: ["beta.test"] });
    expect((await h.as(a, "admin").sso.get()).clientId).toBe("fivefold-alpha");
    expect((await bAdmin.sso.remove()).removed).toBe(true);
    expect((await h.as(a, "admin").sso.get()).configured).toBe(true);
  });

  it("refuses the SSO settings to everyone but admins (a manager pointing sign-in at their own provider)", async () => {
    for (const key of ["manager", "coach", "ann"]) {
      await expect(h.as(a, key).sso.get()).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(h.as(a, key).sso.update(config)).rejects.toMatchObject({ code: "FORBIDDEN" });
      await expect(h.as(a, key).sso.remove()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(h.callerFor(null).sso.get()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });
});
