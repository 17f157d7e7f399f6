// Running counts behind one figure: which raters scored, how often each scale point, "not observed".
import type { Distribution, FigureStats } from "./types";

/** Scores are stored as 1..5, with 0 for "not observed". */
export type StoredScore = 0 | 1 | 2 | 3 | 4 | 5;

export function roundMean(sum: number, count: number): number {
  // From integers, so that the rounding never depends on the order scores were added in.
  return Math.round((sum * 100) / count) / 100;
}

export class Tally {
  readonly raters = new Set<number>();
  readonly distribution: Distribution = [0, 0, 0, 0, 0];
  notObserved = 0;

  add(rater: number, score: StoredScore): void {
    if (score === 0) {
      this.notObserved += 1;
      return;
    }
    this.raters.add(rater);
    this.distribution[score - 1] = (this.distribution[score - 1] ?? 0) + 1;
  }

  /** Adds one rater's scores at the given item positions. */
  addAt(rater: number, scores: readonly StoredScore[], positions: readonly number[]): void {
    for (let index = 0; index < positions.length; index += 1) {
      this.add(rater, scores[positions[index] as number] ?? 0);
    }
  }

  get scores(): number {
    return this.distribution.reduce((total, count) => total + count, 0);
  }

  mean(): number | null {
    const scores = this.scores;
    if (scores === 0) return null;
    const sum = this.distribution.reduce((total, count, index) => total + count * (index + 1), 0);
    return roundMean(sum, scores);
  }

  stats(): FigureStats | null {
    const mean = this.mean();
    if (mean === null) return null;
    return {
      mean,
      n: this.raters.size,
      notObserved: this.notObserved,
      distribution: [...this.distribution],
    };
  }
}
