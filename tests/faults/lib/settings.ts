// How big a fault run is: `full` for `pnpm test:faults` (the figures in docs/reliability.md),
// `quick` for the one-minute version inside `pnpm test`. Both check the same promises.
export type Scale = "quick" | "full";

export interface ScenarioSizes {
  /** Steady load: concurrent raters and how long they submit. */
  steady: { raters: number; durationMs: number; requests: number };
  /** Submits of one invitation at once. */
  contended: { parallel: number };
  /** Backends terminated during load. */
  terminations: { raters: number; count: number; everyMs: number; requests: number };
  /** A worker killed -9 under load, with mail going out. */
  workerKill: { raters: number; durationMs: number; killAfterMs: number; requests: number };
  /** SIGTERM to the supervisor under load. */
  gracefulStop: { raters: number; afterMs: number; requests: number };
  /** The embedded database killed during writes. */
  embedded: { raters: number; killAfterMs: number; requests: number };
}

export const SIZES: Record<Scale, ScenarioSizes> = {
  full: {
    steady: { raters: 200, durationMs: 30_000, requests: 300 },
    contended: { parallel: 50 },
    terminations: { raters: 60, count: 5, everyMs: 2_500, requests: 120 },
    workerKill: { raters: 100, durationMs: 12_000, killAfterMs: 4_000, requests: 120 },
    gracefulStop: { raters: 100, afterMs: 3_000, requests: 40 },
    embedded: { raters: 20, killAfterMs: 3_000, requests: 20 },
  },
  quick: {
    steady: { raters: 40, durationMs: 5_000, requests: 40 },
    contended: { parallel: 50 },
    terminations: { raters: 20, count: 5, everyMs: 1_200, requests: 40 },
    workerKill: { raters: 30, durationMs: 5_000, killAfterMs: 1_500, requests: 20 },
    gracefulStop: { raters: 30, afterMs: 1_500, requests: 10 },
    embedded: { raters: 8, killAfterMs: 1_500, requests: 6 },
  },
};

/** The local Postgres the fault runs create their databases on, or null to skip those scenarios. */
export function postgresAdminUrl(fallbackToLocal: boolean): string | null {
  return (
    process.env.TEST_DATABASE_URL || (fallbackToLocal ? "postgres://postgres@127.0.0.1:5432/postgres" : null)
  );
}
