// API tokens: listing an organisation's tokens (never their hash), creating and revoking one, and
// finding the live token behind a presented secret's hash, with its organisation.
import { and, desc, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { apiTokens, organisations, people } from "../schema";

export interface ApiTokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  expiresAt: Date | null;
  createdById: string | null;
  createdByName: string | null;
}

const listed = {
  id: apiTokens.id,
  name: apiTokens.name,
  prefix: apiTokens.prefix,
  scopes: apiTokens.scopes,
  createdAt: apiTokens.createdAt,
  lastUsedAt: apiTokens.lastUsedAt,
  revokedAt: apiTokens.revokedAt,
  expiresAt: apiTokens.expiresAt,
  createdById: apiTokens.createdBy,
  createdByName: people.name,
};

/** The organisation's tokens, newest first, revoked ones included (they say when). */
export function listApiTokens(db: Executor, orgId: string): Promise<ApiTokenRow[]> {
  return db
    .select(listed)
    .from(apiTokens)
    .leftJoin(people, and(eq(people.id, apiTokens.createdBy), eq(people.orgId, apiTokens.orgId)))
    .where(eq(apiTokens.orgId, orgId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id));
}

export async function findApiToken(
  db: Executor,
  orgId: string,
  tokenId: string,
): Promise<ApiTokenRow | null> {
  const [row] = await db
    .select(listed)
    .from(apiTokens)
    .leftJoin(people, and(eq(people.id, apiTokens.createdBy), eq(people.orgId, apiTokens.orgId)))
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, tokenId)));
  return row ?? null;
}

export async function insertApiToken(
  db: Executor,
  token: {
    orgId: string;
    name: string;
    prefix: string;
    secretHash: string;
    scopes: string[];
    createdBy: string;
    expiresAt?: Date | null;
  },
): Promise<string> {
  const [row] = await db.insert(apiTokens).values(token).returning({ id: apiTokens.id });
  if (!row) throw new Error("inserting an API token returned nothing");
  return row.id;
}

/** Revokes a live token of the organisation; false when there is none (absent or already revoked). */
export async function revokeApiToken(
  db: Executor,
  orgId: string,
  tokenId: string,
  at: Date,
): Promise<boolean> {
  const rows = await db
    .update(apiTokens)
    .set({ revokedAt: at })
    .where(and(eq(apiTokens.orgId, orgId), eq(apiTokens.id, tokenId), isNull(apiTokens.revokedAt)))
    .returning({ id: apiTokens.id });
  return rows.length > 0;
}

export interface TokenPrincipal {
  tokenId: string;
  name: string;
  prefix: string;
  scopes: string[];
  org: { id: string; name: string; anonymityThreshold: number; language: "en" | "de" };
}

/**
 * The live token (not revoked, not past its expiry by the database's clock) whose secret hashes to
 * this, with its organisation; null otherwise. */
export async function findLiveApiTokenByHash(
  db: Executor,
  secretHash: string,
): Promise<TokenPrincipal | null> {
  const [row] = await db
    .select({
      tokenId: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      scopes: apiTokens.scopes,
      orgId: organisations.id,
      orgName: organisations.name,
      anonymityThreshold: organisations.anonymityThreshold,
      orgLanguage: organisations.language,
    })
    .from(apiTokens)
    .innerJoin(organisations, eq(organisations.id, apiTokens.orgId))
    .where(
      and(
        eq(apiTokens.secretHash, secretHash),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), sql`${apiTokens.expiresAt} > now()`),
      ),
    )
    .limit(1);
  if (!row) return null;
  return {
    tokenId: row.tokenId,
    name: row.name,
    prefix: row.prefix,
    scopes: [...row.scopes],
    org: {
      id: row.orgId,
      name: row.orgName,
      anonymityThreshold: row.anonymityThreshold,
      language: row.orgLanguage as "en" | "de",
    },
  };
}

/** Notes that the token was used, unless that was noted less than a minute ago (one write a minute at most). */
export async function touchApiToken(db: Executor, tokenId: string): Promise<void> {
  await db
    .update(apiTokens)
    .set({ lastUsedAt: sql`now()` })
    .where(
      and(
        eq(apiTokens.id, tokenId),
        or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, sql`now() - interval '1 minute'`)),
      ),
    );
}
