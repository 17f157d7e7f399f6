// Seeded randomness for the large organisation: every choice follows from `--seed`, and each concern
// (people, a subject's answers in a cycle, a plan) draws from its own stream, so changing one part of
// the generator does not reshuffle the others.
import { hashSeed, mulberry32, seededShuffle } from "@fivefold/domain";

export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** A whole number from min to max, both included. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Normally distributed with this mean and spread (Box–Muller). */
  normal(mean: number, sd: number): number;
  /** A shuffled copy. */
  shuffle<T>(items: readonly T[]): T[];
  /** The first `n` of a shuffled copy. */
  sample<T>(items: readonly T[], n: number): T[];
}

export function createRandom(seed: number, stream: string): Random {
  const next = mulberry32(hashSeed(`${seed}:${stream}`));
  const random: Random = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(next() * items.length)];
      if (item === undefined) throw new Error("pick from an empty list");
      return item;
    },
    normal(mean, sd) {
      const u = 1 - next();
      return mean + sd * Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    shuffle: (items) => seededShuffle(items, next),
    sample: (items, n) => random.shuffle(items).slice(0, n),
  };
  return random;
}
