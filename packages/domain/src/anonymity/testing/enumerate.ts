// Test-only brute force over answers: which values could each anonymous answer have had, given
// every shown figure's counts per scale point (which also fix its mean and n)? Identifiable answers
// count as known. Searches for an alternative assignment per (answer, value), pruning as soon as a
// figure would need more of a value than it shows.
import type { RaterResponse } from "../types";
import type { FigureCells } from "./checker";

interface Cell {
  readonly rater: number;
  readonly item: string;
  readonly truth: number;
}

export function possibleValues(
  responses: readonly RaterResponse[],
  figures: readonly FigureCells[],
  isAnonymous: (rater: number) => boolean,
): Map<string, { cell: Cell; values: Set<number> }> {
  const key = (rater: number, item: string) => `${rater}|${item}`;
  const cells: Cell[] = [];
  const index = new Map<string, number>();
  for (const figure of figures) {
    for (const { rater, item } of figure.cells) {
      if (!isAnonymous(rater) || index.has(key(rater, item))) continue;
      index.set(key(rater, item), cells.length);
      cells.push({ rater, item, truth: responses[rater]?.answers[item] ?? 0 });
    }
  }
  // For each figure: its anonymous cells and how many of each value they must hold in total.
  const constraints = figures.map((figure) => {
    const members: number[] = [];
    const target = [0, 0, 0, 0, 0, 0];
    for (const { rater, item } of figure.cells) {
      const at = index.get(key(rater, item));
      if (at === undefined) continue;
      members.push(at);
      target[(cells[at] as Cell).truth] = (target[(cells[at] as Cell).truth] ?? 0) + 1;
    }
    return { members, target };
  });
  const constraintsOf = cells.map((_, at) =>
    constraints.filter((constraint) => constraint.members.includes(at)),
  );

  const search = (forced: number, forcedValue: number): boolean => {
    const counts = constraints.map(() => [0, 0, 0, 0, 0, 0]);
    const order = [forced, ...cells.map((_, at) => at).filter((at) => at !== forced)];
    const place = (step: number): boolean => {
      if (step === order.length) return true;
      const at = order[step] as number;
      const choices = step === 0 ? [forcedValue] : [1, 2, 3, 4, 5];
      for (const value of choices) {
        const touched = constraintsOf[at] ?? [];
        let fits = true;
        for (const constraint of touched) {
          const count = counts[constraints.indexOf(constraint)] as number[];
          if ((count[value] ?? 0) + 1 > (constraint.target[value] ?? 0)) fits = false;
        }
        if (!fits) continue;
        const shift = (by: number) => {
          for (const constraint of touched) {
            const count = counts[constraints.indexOf(constraint)] as number[];
            count[value] = (count[value] ?? 0) + by;
          }
        };
        shift(1);
        if (place(step + 1)) return true;
        shift(-1);
      }
      return false;
    };
    return place(0);
  };

  const result = new Map<string, { cell: Cell; values: Set<number> }>();
  cells.forEach((cell, at) => {
    const values = new Set<number>([cell.truth]);
    for (const value of [1, 2, 3, 4, 5]) if (value !== cell.truth && search(at, value)) values.add(value);
    result.set(key(cell.rater, cell.item), { cell, values });
  });
  return result;
}
