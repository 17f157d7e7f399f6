// What the large seed has written so far, counted as each batch lands, and the progress reports
// `seedLargeOrganisation` hands to its caller (`pnpm seed:large` prints them on stderr).

export interface LargeSeedCounts {
  people: number;
  requests: number;
  responses: number;
  snapshots: number;
  plans: number;
  checkins: number;
}

export interface LargeSeedProgress {
  /** What is being written, e.g. "people" or "Autumn 2026". */
  stage: string;
  done: number;
  total: number;
  counts: LargeSeedCounts;
  elapsedMs: number;
}

export interface ProgressTracker {
  /** Updated in place by the writers. */
  counts: LargeSeedCounts;
  report(stage: string, done: number, total: number): void;
}

/** Counts starting at zero, and a `report` that passes a copy of them to `onProgress`, if any. */
export function trackProgress(
  onProgress: ((progress: LargeSeedProgress) => void) | undefined,
  started: number,
): ProgressTracker {
  const counts: LargeSeedCounts = {
    people: 0,
    requests: 0,
    responses: 0,
    snapshots: 0,
    plans: 0,
    checkins: 0,
  };
  return {
    counts,
    report: (stage, done, total) =>
      onProgress?.({
        stage,
        done,
        total,
        counts: { ...counts },
        elapsedMs: performance.now() - started,
      }),
  };
}
