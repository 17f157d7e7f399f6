// What every service verb receives, whoever calls it (a tRPC procedure, a job, the CLI, the seed):
// the database or the transaction the work runs in, the clock, and for member verbs the caller.
// Nothing here knows about HTTP or tRPC.
import type { Database, Driver, Executor, Membership } from "@fivefold/db";

export interface ServiceContext {
  /** The database, or the transaction this work runs in (see `withTransaction`). */
  db: Executor;
  /** True inside `withTransaction`: nested verbs reuse the transaction instead of opening one. */
  inTransaction?: boolean;
  driver: Driver;
  /** The origin people reach the app at, for links in e-mails. */
  appUrl: string;
  /** Without SMTP, e-mails stay in the outbox and admins read them in the Mailbox (demo). */
  mailboxEnabled: boolean;
  /** The server secret per-request answer keys derive from (DESIGN §4 rule 11). */
  sealingSecret: string;
  /** Per-call memo (shared by every call of one batched HTTP request). */
  memo: Map<string, Promise<unknown>>;
  /** The clock; tests and the seed set it. */
  now?: () => Date;
  /** Over HTTP: recent caches may answer (services/recent.ts). */
  recent?: boolean;
}

/** A verb called by a signed-in, active person of an organisation. */
export interface MemberServiceContext extends ServiceContext {
  person: Membership["person"];
  org: Membership["org"];
  roles: Membership["roles"];
  /**
   * Set when the caller is an API token (SCIM), not a signed-in person: `person` is then a
   * stand-in whose id is the token's (never a person's), and audit entries name the token.
   */
  apiToken?: { id: string; name: string };
}

export const nowOf = (ctx: Pick<ServiceContext, "now">): Date => (ctx.now ? ctx.now() : new Date());

/**
 * Runs `work` in a transaction: the caller's, when it already runs in one, so verbs compose and no
 * helper can run outside the transaction by mistake (on PGlite, with one connection, a query
 * outside it would wait for it forever).
 */
export async function withTransaction<C extends ServiceContext, T>(
  ctx: C,
  work: (ctx: C) => Promise<T>,
): Promise<T> {
  if (ctx.inTransaction) return work(ctx);
  return (ctx.db as Database).transaction((tx) => work({ ...ctx, db: tx, inTransaction: true }));
}

/** Memoises a look-up for the life of the context (one HTTP request, one job run). */
export function memoise<T>(
  ctx: Pick<ServiceContext, "memo">,
  key: string,
  load: () => Promise<T>,
): Promise<T> {
  let hit = ctx.memo.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    ctx.memo.set(key, hit);
  }
  return hit;
}
