// Process caches of data that may change, for calls over HTTP: who a session's member is, and the
// access facts of a released report. Each answer is at most RECENT_SECONDS old (the life of the
// signed session cookie, SESSION_CACHE_SECONDS), and any change this process makes or sees pass by
// forgets all of them at once: a tRPC mutation (HTTP or a caller), any HTTP request that is not a
// read (SCIM, the public API, sign-out), a background job's run. So within one process every change
// applies at once; a change made by another process (another worker, machine or the CLI) applies
// here within RECENT_SECONDS (docs/security.md, "Sessions"). A read that started before a change and
// ends after it stores nothing (the generation it started under has passed).

/** No longer than the signed session cookie's life (SESSION_CACHE_SECONDS; recent.test.ts checks). */
export const RECENT_SECONDS = 60;
const MAX_ENTRIES = 10_000;

let generation = 0;
const caches = new Set<RecentCache<unknown>>();

/** Something may have changed: every recent cache forgets everything, and reads in flight store nothing. */
export function forgetRecent(): void {
  generation++;
  for (const cache of caches) cache.clear();
}

interface Entry<V> {
  value: V;
  storedAt: number;
}

export class RecentCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  /** Loads under way, and the generation each began under (only the current one is joined). */
  private readonly loading = new Map<string, { generation: number; value: Promise<V> }>();

  constructor(
    private readonly maxEntries = MAX_ENTRIES,
    private readonly ttlMs = RECENT_SECONDS * 1000,
    // Read at each call (not Date.now itself), so a test's fake clock moves these caches too.
    private readonly clock: () => number = () => Date.now(),
  ) {
    caches.add(this as RecentCache<unknown>);
  }

  /**
   * The value stored under `key` less than the cache's life ago, else `load()`'s, stored when
   * `keep` says it may be (e.g. only a member, only a released report) and nothing changed meanwhile.
   * Calls that miss while a load of the same key, begun since the last change, is under way wait for
   * that load instead of starting their own (fifty readers after a change: one query, not fifty).
   */
  get(key: string, load: () => Promise<V>, keep: (value: V) => boolean): Promise<V> {
    const entry = this.entries.get(key);
    if (entry && this.clock() - entry.storedAt < this.ttlMs) return Promise.resolve(entry.value);
    if (entry) this.entries.delete(key);
    const pending = this.loading.get(key);
    if (pending && pending.generation === generation) return pending.value;
    const startedUnder = generation;
    const value = load().then((loaded) => {
      if (startedUnder === generation && keep(loaded)) this.put(key, loaded);
      return loaded;
    });
    this.loading.set(key, { generation: startedUnder, value });
    const done = () => {
      if (this.loading.get(key)?.value === value) this.loading.delete(key);
    };
    value.then(done, done);
    return value;
  }

  /** The value stored under `key` less than the cache's life ago, without loading anything. */
  peek(key: string): V | undefined {
    const entry = this.entries.get(key);
    return entry && this.clock() - entry.storedAt < this.ttlMs ? entry.value : undefined;
  }

  /**
   * Stores `value` now, for a caller that has itself made sure it is no older than what it was
   * derived from (http/known-answers.ts checks its sources on every use).
   */
  put(key: string, value: V): void {
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { value, storedAt: this.clock() });
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
    this.loading.clear();
  }
}
