// Single sign-on: an organisation's identity provider (read, written, removed), finding the
// providers that cover an e-mail domain, and the one person of an organisation an address matches.
import { and, arrayContains, asc, eq, isNull } from "drizzle-orm";
import type { Executor } from "../client";
import { people, ssoProviders, ssoSessions } from "../schema";

export type SsoProviderRow = typeof ssoProviders.$inferSelect;

export async function findSsoProvider(db: Executor, orgId: string): Promise<SsoProviderRow | undefined> {
  const [row] = await db.select().from(ssoProviders).where(eq(ssoProviders.orgId, orgId));
  return row;
}

export async function saveSsoProvider(db: Executor, row: SsoProviderRow): Promise<void> {
  const { orgId, ...rest } = row;
  await db
    .insert(ssoProviders)
    .values(row)
    .onConflictDoUpdate({ target: ssoProviders.orgId, set: { ...rest, orgId } });
}

export async function deleteSsoProvider(db: Executor, orgId: string): Promise<boolean> {
  const rows = await db
    .delete(ssoProviders)
    .where(eq(ssoProviders.orgId, orgId))
    .returning({ orgId: ssoProviders.orgId });
  return rows.length > 0;
}

/** The providers that cover this domain (several organisations may name one), oldest change first. */
export function listSsoProvidersOfDomain(db: Executor, domain: string): Promise<SsoProviderRow[]> {
  return db
    .select()
    .from(ssoProviders)
    .where(arrayContains(ssoProviders.domains, [domain]))
    .orderBy(asc(ssoProviders.updatedAt), asc(ssoProviders.orgId));
}

/** The active, unerased person of this organisation with this (lower-case) address, if any. */
export async function findActivePersonOfAddress(db: Executor, orgId: string, email: string) {
  const [row] = await db
    .select({ id: people.id, name: people.name, userId: people.userId })
    .from(people)
    .where(
      and(eq(people.orgId, orgId), eq(people.email, email), eq(people.active, true), isNull(people.erasedAt)),
    );
  return row;
}

/** Links one person (of one organisation) to a sign-in, unless it already holds one. */
export async function linkPersonToUser(
  db: Executor,
  personId: string,
  userId: string,
  now: Date,
): Promise<void> {
  await db
    .update(people)
    .set({ userId, linkedAt: now, awaitingEntry: true })
    .where(and(eq(people.id, personId), isNull(people.userId)));
}

/** Records that a session was created through this organisation's provider. */
export async function recordSsoSession(db: Executor, sessionId: string, orgId: string): Promise<void> {
  await db.insert(ssoSessions).values({ sessionId, orgId }).onConflictDoNothing();
}
