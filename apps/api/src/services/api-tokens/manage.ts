// API tokens (admins): list them without secrets, create one (the secret is returned once and only
// its SHA-256 is kept), revoke one. Each change is audited with the token's name, prefix and
// scopes, never its secret.
import { createHash, randomBytes } from "node:crypto";
import { type ApiTokenRow, findApiToken, insertApiToken, listApiTokens, revokeApiToken } from "@fivefold/db";
import {
  API_TOKEN_SCOPES,
  type ApiTokenOutput,
  type ApiTokenScope,
  type createApiTokenInput,
  InvalidInputError,
  NotFoundError,
  PreconditionFailedError,
} from "@fivefold/domain";
import type { z } from "zod";
import { auditAs } from "../audit/record";
import { type MemberServiceContext, nowOf, withTransaction } from "../context";

/** Every token starts so: a secret scanner (or a person) recognises one pasted where it should not be. */
export const TOKEN_MARK = "fvf_";
/** Characters of the token kept in the clear to tell tokens apart: the mark and 8 of the secret. */
const PREFIX_LENGTH = TOKEN_MARK.length + 8;

/** SHA-256 (hex) of a presented token: the secret has 256 random bits, so no salt or slow hash is needed. */
export function hashApiToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

function toOutput(row: ApiTokenRow): ApiTokenOutput {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    scopes: row.scopes.filter((s): s is ApiTokenScope => (API_TOKEN_SCOPES as readonly string[]).includes(s)),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdById ? { id: row.createdById, name: row.createdByName ?? "" } : null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    expiresAt: row.expiresAt?.toISOString() ?? null,
  };
}

export async function listTokens({ ctx }: { ctx: MemberServiceContext }): Promise<ApiTokenOutput[]> {
  return (await listApiTokens(ctx.db, ctx.org.id)).map(toOutput);
}

export function createToken({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: z.output<typeof createApiTokenInput>;
}): Promise<{ token: ApiTokenOutput; secret: string }> {
  const expiresAt = input.expiresAt ? new Date(input.expiresAt) : null;
  if (expiresAt && expiresAt.getTime() <= nowOf(ctx).getTime()) {
    throw new InvalidInputError("The expiry must be in the future.");
  }
  return withTransaction(ctx, async (ctx) => {
    const secret = `${TOKEN_MARK}${randomBytes(32).toString("base64url")}`;
    const prefix = secret.slice(0, PREFIX_LENGTH);
    const id = await insertApiToken(ctx.db, {
      orgId: ctx.org.id,
      name: input.name,
      prefix,
      secretHash: hashApiToken(secret),
      scopes: input.scopes,
      createdBy: ctx.person.id,
      expiresAt,
    });
    await auditAs(
      ctx,
      "apiTokens.create",
      { type: "api_token", id },
      {
        name: input.name,
        prefix,
        scopes: input.scopes,
        expiresAt: expiresAt?.toISOString() ?? null,
      },
    );
    const row = await findApiToken(ctx.db, ctx.org.id, id);
    if (!row) throw new Error("token vanished inside its own transaction");
    return { token: toOutput(row), secret };
  });
}

export function revokeToken({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { tokenId: string };
}): Promise<ApiTokenOutput> {
  return withTransaction(ctx, async (ctx) => {
    const existing = await findApiToken(ctx.db, ctx.org.id, input.tokenId);
    if (!existing) throw new NotFoundError("Token");
    if (existing.revokedAt) throw new PreconditionFailedError("This token was already revoked");
    await revokeApiToken(ctx.db, ctx.org.id, existing.id, nowOf(ctx));
    await auditAs(
      ctx,
      "apiTokens.revoke",
      { type: "api_token", id: existing.id },
      {
        name: existing.name,
        prefix: existing.prefix,
      },
    );
    const row = await findApiToken(ctx.db, ctx.org.id, existing.id);
    if (!row) throw new Error("token vanished inside its own transaction");
    return toOutput(row);
  });
}
