// When the supervisor starts a dead worker again: at once would crash-loop a worker that dies on
// start (a database down, a bad deploy), so the pause doubles, 1 s up to 30 s, while it keeps
// dying young, and starts over once a worker has lived half a minute.
const HEALTHY_AFTER_MS = 30_000;
const FIRST_PAUSE_MS = 1_000;
const LONGEST_PAUSE_MS = 30_000;

/** Crashes in a row, counting this one, for a worker that lived `livedMs`. */
export function crashesAfter(previous: number, livedMs: number): number {
  return livedMs >= HEALTHY_AFTER_MS ? 1 : previous + 1;
}

export function restartPauseMs(consecutiveCrashes: number): number {
  return Math.min(FIRST_PAUSE_MS * 2 ** Math.max(0, consecutiveCrashes - 1), LONGEST_PAUSE_MS);
}
