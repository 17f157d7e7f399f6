// apiTokens.* through createCaller on the real schema: only admins manage tokens; the secret is
// returned once and stored only as its SHA-256; lists never carry it; revoking is final; another
// organisation's token is not found; every change leaves an audit entry without the secret.
import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { hashApiToken } from "../services/api-tokens/manage";
import { createHarness, type Harness, smallOrg } from "../testing/harness";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(smallOrg("Alpha", "alpha.test"));
  b = await h.seed(smallOrg("Beta", "beta.test"));
});
afterAll(async () => {
  await h?.close();
});

describe(`API tokens on ${testDriver()}`, () => {
  it("creates a token whose secret is shown once and stored only as its SHA-256", async () => {
    const admin = h.as(a, "admin");
    const created = await admin.apiTokens.create({ name: "Okta", scopes: ["scim", "people:read", "scim"] });
    expect(created.secret).toMatch(/^fvf_[A-Za-z0-9_-]{43}$/);
    expect(created.token.prefix).toBe(created.secret.slice(0, 12));
    expect(created.token.scopes).toEqual(["scim", "people:read"]);
    expect(created.token.createdBy?.name).toBe("Alpha Admin");
    expect(created.token.revokedAt).toBeNull();

    const [row] = await h.database.db
      .select()
      .from(schema.apiTokens)
      .where(eq(schema.apiTokens.id, created.token.id));
    expect(row?.secretHash).toBe(hashApiToken(created.secret));
    expect(JSON.stringify(row)).not.toContain(created.secret.slice(12));

    const listed = await admin.apiTokens.list();
    expect(listed.map((t) => t.id)).toContain(created.token.id);
    expect(JSON.stringify(listed)).not.toContain(created.secret.slice(12));
    expect(JSON.stringify(listed)).not.toContain(row?.secretHash);
  });

  it("refuses token management to everyone but admins (a manager minting a SCIM token)", async () => {
    for (const key of ["manager", "coach", "ann"]) {
      await expect(h.as(a, key).apiTokens.create({ name: "Mine", scopes: ["scim"] })).rejects.toMatchObject({
        code: "FORBIDDEN",
      });
      await expect(h.as(a, key).apiTokens.list()).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    await expect(h.callerFor(null).apiTokens.list()).rejects.toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("asks for a name and at least one known scope", async () => {
    const admin = h.as(a, "admin");
    await expect(admin.apiTokens.create({ name: " ", scopes: ["scim"] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(admin.apiTokens.create({ name: "X", scopes: [] })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });
    await expect(
      // @ts-expect-error: a scope that does not exist
      admin.apiTokens.create({ name: "X", scopes: ["admin"] }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("revokes a token once, and audits creation and revocation without the secret", async () => {
    const admin = h.as(a, "admin");
    const { token, secret } = await admin.apiTokens.create({ name: "Entra ID", scopes: ["scim"] });
    const revoked = await admin.apiTokens.revoke({ tokenId: token.id });
    expect(revoked.revokedAt).not.toBeNull();
    await expect(admin.apiTokens.revoke({ tokenId: token.id })).rejects.toMatchObject({
      code: "PRECONDITION_FAILED",
    });
    const entries = await admin.audit.list({ targetType: "api_token", targetId: token.id, limit: 10 });
    expect(entries.items.map((e) => e.action).sort()).toEqual(["apiTokens.create", "apiTokens.revoke"]);
    expect(entries.items[0]?.details).toMatchObject({ name: "Entra ID", prefix: token.prefix });
    expect(JSON.stringify(entries)).not.toContain(secret.slice(12));
  });

  it("never shows or revokes another organisation's token (an admin of B revoking A's SCIM token)", async () => {
    const { token } = await h.as(a, "admin").apiTokens.create({ name: "Alpha SCIM", scopes: ["scim"] });
    const other = h.as(b, "admin");
    expect((await other.apiTokens.list()).map((t) => t.id)).not.toContain(token.id);
    await expect(other.apiTokens.revoke({ tokenId: token.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const [row] = await h.database.db
      .select()
      .from(schema.apiTokens)
      .where(eq(schema.apiTokens.id, token.id));
    expect(row?.revokedAt).toBeNull();
  });
});
