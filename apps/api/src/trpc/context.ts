// The request context every procedure receives. Transport fills `userId` from the session
// cookie; tests build it directly with a seeded user's id.
import type { Database, Driver, Membership } from "@fivefold/db";
import type { EdgeContext } from "./link-limits";

export interface Context {
  db: Database;
  driver: Driver;
  /** The Better Auth user behind this request, or null when not signed in. */
  userId: string | null;
  /**
   * The Better Auth session of this request (null without one, e.g. a test's caller): a sign-in
   * with persons in several organisations answers for the one this session chose.
   */
  sessionId: string | null;
  /** The origin people reach the app at, for links in e-mails. */
  appUrl: string;
  /** Without SMTP, e-mails stay in the outbox and admins read them in the Mailbox (demo). */
  mailboxEnabled: boolean;
  /**
   * The server secret that per-request answer keys derive from (DESIGN §4 rule 11): never in the
   * database, the same in every process of a deployment (SEALING_SECRET).
   */
  sealingSecret: string;
  /** Per-request memo (shared by every call of one batched HTTP request). */
  memo: Map<string, Promise<unknown>>;
  /** The client address and the rate limiter, for calls that came over HTTP. */
  edge?: EdgeContext;
  /** The clock services read (`nowOf`); the real one when omitted (only the e2e test clock sets it). */
  now?: () => Date;
  /**
   * Calls over HTTP may read who the member is, and a released report's access facts, from the
   * process's recent caches (services/recent.ts: at most a minute old, forgotten at every change).
   */
  recent?: boolean;
}

export interface ContextBase {
  db: Database;
  driver: Driver;
  appUrl: string;
  mailboxEnabled: boolean;
  sealingSecret: string;
  now?: (() => Date) | undefined;
}

export interface MemberContext extends Context {
  userId: string;
  person: Membership["person"];
  org: Membership["org"];
  roles: Membership["roles"];
}

export function createContextFor(
  base: ContextBase,
  userId: string | null,
  edge?: EdgeContext,
  sessionId: string | null = null,
): Context {
  return {
    ...(edge ? { edge } : {}),
    ...(base.now ? { now: base.now } : {}),
    db: base.db,
    driver: base.driver,
    appUrl: base.appUrl,
    mailboxEnabled: base.mailboxEnabled,
    sealingSecret: base.sealingSecret,
    userId,
    sessionId: userId ? sessionId : null,
    memo: new Map(),
  };
}

export function memoise<T>(ctx: Context, key: string, load: () => Promise<T>): Promise<T> {
  let hit = ctx.memo.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    ctx.memo.set(key, hit);
  }
  return hit;
}
