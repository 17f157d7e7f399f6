// The per-process cache of derived released reports. A released report's snapshot never changes, so
// what a reader is shown of it follows from a few facts: the report and when it was released, how
// the reader reads it, which of the subject's earlier reports they may read too (the trend) and the
// subject's name. Those facts are the key, and they are loaded and judged by the access policy on
// every read: the cache holds the report, never the decision. Anything that changes what a reader
// may see (an erasure, a deactivation, the organisation's reader settings, a lost coach role) changes
// the decision or the key, in every process, without telling any of them. Bounded: least recently
// used entries go first, and none lives longer than `TTL_MS`, so an erased person's figures do not
// linger in a process that never hears of the erasure (the one that erases forgets at once).
import type { ReportView } from "@fivefold/domain";
import { deepFreeze } from "../freeze";

const MAX_ENTRIES = 500;
const TTL_MS = 10 * 60_000;

export interface ReportCacheKey {
  orgId: string;
  requestId: string;
  subjectId: string;
  subjectName: string;
  /** ISO timestamp of the release: the snapshot's version. */
  releasedAt: string;
  relation: ReportView["relation"];
  readableEarlier: readonly string[];
  /** The organisation's report layout (a settings change makes a new key). */
  defaultMode: ReportView["defaultMode"];
}

interface Entry {
  orgId: string;
  subjectId: string;
  view: ReportView;
  storedAt: number;
}

export class ReportCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxEntries = MAX_ENTRIES,
    private readonly ttlMs = TTL_MS,
    private readonly clock: () => number = Date.now,
  ) {}

  private static keyOf(key: ReportCacheKey): string {
    return JSON.stringify([
      key.orgId,
      key.requestId,
      key.subjectId,
      key.subjectName,
      key.releasedAt,
      key.relation,
      key.readableEarlier,
      key.defaultMode,
    ]);
  }

  get(key: ReportCacheKey): ReportView | undefined {
    const k = ReportCache.keyOf(key);
    const entry = this.entries.get(k);
    if (!entry) return undefined;
    this.entries.delete(k);
    if (this.clock() - entry.storedAt > this.ttlMs) return undefined;
    this.entries.set(k, entry); // most recently used last
    return entry.view;
  }

  set(key: ReportCacheKey, view: ReportView): void {
    const k = ReportCache.keyOf(key);
    this.entries.delete(k);
    // Frozen: readers share it, and its output check is done once (trpc/validated-once.ts).
    deepFreeze(view);
    this.entries.set(k, { orgId: key.orgId, subjectId: key.subjectId, view, storedAt: this.clock() });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }

  /** Forgets every report about this person (their erasure, in the process that erases). */
  forgetSubject(orgId: string, subjectId: string): void {
    for (const [k, entry] of this.entries) {
      if (entry.orgId === orgId && entry.subjectId === subjectId) this.entries.delete(k);
    }
  }

  /** How many reports about this person are held (tests). */
  heldAbout(orgId: string, subjectId: string): number {
    let n = 0;
    for (const entry of this.entries.values())
      if (entry.orgId === orgId && entry.subjectId === subjectId) n++;
    return n;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The process's cache of derived released reports. */
export const reportCache = new ReportCache();
