// The rate limits at the edge (docs/security.md, "Throttling"). Buckets live in the database, so
// every process and machine of a deployment counts into the same ones. A bucket's key is a scope
// and a SHA-256 of what it counts: no client address, e-mail or token is stored in the clear.
import { createHash } from "node:crypto";
import {
  type Database,
  deleteExpiredRateLimitBuckets,
  hitRateLimitBuckets,
  readRateLimitBuckets,
  refundRateLimitBuckets,
} from "@fivefold/db";
import { forPeople } from "@fivefold/domain";

export interface Limit {
  /** Hits allowed in one window. */
  max: number;
  windowMs: number;
}

export interface RateLimitSettings {
  /** Every sign-in attempt, per client address. */
  signInPerAddress: Limit;
  /** Failed sign-ins per account (the e-mail as typed, normalised), from any address. */
  signInFailuresPerAccount: Limit;
  /** Password mails asked for, per account (whether or not it exists: the answer must not tell). */
  passwordMailPerAccount: Limit;
  /** Password mails asked for, per client address. */
  passwordMailPerAddress: Limit;
  /** Every other auth call (setting a password with a link, signing out), per client address. */
  authPerAddress: Limit;
  /** Calls with one one-time link, whoever makes them. */
  linkPerToken: Limit;
  /** Calls with a link that does not exist, per client address (someone trying tokens). */
  linkMissesPerAddress: Limit;
  /** Calls with one API token (SCIM), whoever makes them. */
  apiPerToken: Limit;
  /** Calls with an API token that is unknown or revoked, per client address (someone trying tokens). */
  apiTokenMissesPerAddress: Limit;
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;

export function defaultRateLimits(
  overrides: Partial<Record<"signIn" | "signInAccount" | "passwordMail" | "link" | "api", number>> = {},
): RateLimitSettings {
  const passwordMail = overrides.passwordMail ?? 3;
  return {
    signInPerAddress: { max: overrides.signIn ?? 10, windowMs: 10 * SECOND },
    signInFailuresPerAccount: { max: overrides.signInAccount ?? 10, windowMs: 15 * MINUTE },
    passwordMailPerAccount: { max: passwordMail, windowMs: 60 * MINUTE },
    passwordMailPerAddress: { max: passwordMail * 10, windowMs: 60 * MINUTE },
    authPerAddress: { max: 100, windowMs: 10 * SECOND },
    linkPerToken: { max: overrides.link ?? 60, windowMs: 10 * MINUTE },
    linkMissesPerAddress: { max: 20, windowMs: 10 * MINUTE },
    // An identity provider's first full sync sends a request or two per person: 600 a minute
    // syncs 5,000 people in about a quarter of an hour without letting one token flood the database.
    apiPerToken: { max: overrides.api ?? 600, windowMs: MINUTE },
    apiTokenMissesPerAddress: { max: 20, windowMs: 10 * MINUTE },
  };
}

export type LimitName = keyof RateLimitSettings;

/** One bucket to count into: which limit, and what it counts (an address, an e-mail, a token). */
export interface Bucket {
  limit: LimitName;
  subject: string;
}

export interface Verdict {
  allowed: boolean;
  /** The limit that refused, when one did. */
  refusedBy?: LimitName;
  /** Seconds until the refusing bucket's window ends. */
  retryAfterSeconds: number;
  /** Takes the hits back from these limits' buckets (an attempt that turned out not to count, such as a right password). */
  refund(limits: readonly LimitName[]): Promise<void>;
}

/** The normal form of an e-mail for counting: what Better Auth looks a sign-in up by. */
export function normaliseEmail(email: string): string {
  return email.normalize("NFC").trim().toLowerCase();
}

/** How often expired buckets are swept, per process. */
const SWEEP_EVERY_MS = 5 * MINUTE;

export class RateLimiter {
  private lastSweep = Date.now();

  constructor(
    private readonly db: Database,
    readonly settings: RateLimitSettings,
    private readonly onError: (error: unknown) => void = () => {},
  ) {}

  private key(bucket: Bucket): string {
    const digest = createHash("sha256").update(bucket.subject).digest("base64url");
    return `${bucket.limit}:${digest}`;
  }

  /** A bucket's key and limit, for a write that counts into it in its own statement. */
  bucket(bucket: Bucket): { key: string; max: number; windowMs: number } {
    return { key: this.key(bucket), ...this.settings[bucket.limit] };
  }

  /** Seconds until a window ending at `resetsAt` ends, for a refusal's answer. */
  retryAfterSeconds(resetsAt: Date): number {
    return Math.max(1, Math.ceil((resetsAt.getTime() - Date.now()) / SECOND));
  }

  /** Counts one hit into every bucket; refused when any of them is over its limit. */
  async hit(buckets: readonly Bucket[]): Promise<Verdict> {
    const keyed = buckets.map((b) => ({ ...b, key: this.key(b), ...this.settings[b.limit] }));
    const counts = await hitRateLimitBuckets(this.db, keyed);
    this.sweepNow();
    const byKey = new Map(counts.map((c) => [c.key, c]));
    let refusedBy: LimitName | undefined;
    let retryAfterMs = 0;
    for (const bucket of keyed) {
      const count = byKey.get(bucket.key);
      if (count && count.hits > bucket.max) {
        const wait = count.resetsAt.getTime() - Date.now();
        if (refusedBy === undefined || wait > retryAfterMs) {
          refusedBy = bucket.limit;
          retryAfterMs = wait;
        }
      }
    }
    return {
      allowed: refusedBy === undefined,
      ...(refusedBy ? { refusedBy } : {}),
      retryAfterSeconds: Math.max(1, Math.ceil(retryAfterMs / SECOND)),
      refund: (limits) =>
        refundRateLimitBuckets(
          this.db,
          keyed.filter((b) => limits.includes(b.limit)).map((b) => b.key),
        ),
    };
  }

  /**
   * Whether every bucket still has room, without counting: for limits counted after the fact
   * (a link that turned out not to exist), so that nothing is ever counted that did not happen.
   */
  async check(buckets: readonly Bucket[]): Promise<Omit<Verdict, "refund">> {
    const keyed = buckets.map((b) => ({ ...b, key: this.key(b), ...this.settings[b.limit] }));
    const counts = new Map(
      (
        await readRateLimitBuckets(
          this.db,
          keyed.map((b) => b.key),
        )
      ).map((c) => [c.key, c]),
    );
    for (const bucket of keyed) {
      const count = counts.get(bucket.key);
      if (count && count.hits >= bucket.max) {
        const wait = count.resetsAt.getTime() - Date.now();
        return {
          allowed: false,
          refusedBy: bucket.limit,
          retryAfterSeconds: Math.max(1, Math.ceil(wait / SECOND)),
        };
      }
    }
    return { allowed: true, retryAfterSeconds: 0 };
  }

  private sweepNow(): void {
    if (Date.now() - this.lastSweep < SWEEP_EVERY_MS) return;
    this.lastSweep = Date.now();
    // A bucket whose window ended a minute ago counts nothing any more.
    deleteExpiredRateLimitBuckets(this.db, new Date(Date.now() - MINUTE)).catch(this.onError);
  }
}

/**
 * Each limit's refusal and the wait, marked `forPeople` so the web's catalogues translate them: the
 * reason and the wait are whole phrases, each translated in turn inside the sentence they fill.
 */
const REFUSALS: Record<LimitName, string> = {
  signInPerAddress: forPeople("Too many sign-in attempts from your network"),
  signInFailuresPerAccount: forPeople("Too many wrong passwords for this account"),
  passwordMailPerAccount: forPeople("Too many password e-mails asked for this address"),
  passwordMailPerAddress: forPeople("Too many password e-mails asked for from your network"),
  authPerAddress: forPeople("Too many requests from your network"),
  linkPerToken: forPeople("Too many tries with this link"),
  linkMissesPerAddress: forPeople("Too many links tried that do not exist"),
  apiPerToken: forPeople("Too many calls with this API token"),
  apiTokenMissesPerAddress: forPeople("Too many API tokens tried that do not exist"),
};

export function refusal(limit: LimitName, retryAfterSeconds: number): string {
  const reason = REFUSALS[limit];
  const wait = inWords(retryAfterSeconds);
  return forPeople(`${reason}: try again in ${wait}.`);
}

/** "10 seconds", "4 minutes": the wait in words for an answer. */
export function inWords(seconds: number): string {
  if (seconds < 90) return seconds === 1 ? forPeople("1 second") : forPeople(`${seconds} seconds`);
  const minutes = Math.ceil(seconds / 60);
  // From 90 seconds on, always 2 minutes or more.
  return forPeople(`${minutes} minutes`);
}
