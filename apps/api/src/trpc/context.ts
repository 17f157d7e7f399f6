// The request context every procedure receives. Transport fills `userId` from the session
// cookie; tests build it directly with a seeded user's id.
import type { Database, Driver, Membership } from "@fivefold/db";

export interface Context {
  db: Database;
  driver: Driver;
  /** The Better Auth user behind this request, or null when not signed in. */
  userId: string | null;
  /** Per-request memo (shared by every call of one batched HTTP request). */
  memo: Map<string, Promise<unknown>>;
}

export interface MemberContext extends Context {
  userId: string;
  person: Membership["person"];
  org: Membership["org"];
  roles: Membership["roles"];
}

export function createContextFor(base: { db: Database; driver: Driver }, userId: string | null): Context {
  return { db: base.db, driver: base.driver, userId, memo: new Map() };
}

export function memoise<T>(ctx: Context, key: string, load: () => Promise<T>): Promise<T> {
  let hit = ctx.memo.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = load();
    ctx.memo.set(key, hit);
  }
  return hit;
}
