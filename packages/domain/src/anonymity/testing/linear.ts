// Test-only brute force: can any linear combination of shown figures (sums = mean × n, and the
// counts per scale point) be a function of fewer than k anonymous raters' answers? For every set T
// of 1..k−1 anonymous raters it compares ranks: the span of the figures holds a non-zero vector
// living only on T's answers exactly when dropping T's columns lowers the rank. Figures of one
// dimension share variables across its items, so subtractions across items are covered too.
import type { Instrument } from "../../instrument";
import type { FigureCells } from "./checker";

export function rank(rows: number[][]): number {
  const matrix = rows.map((row) => [...row]);
  const columns = matrix[0]?.length ?? 0;
  let rank = 0;
  for (let column = 0; column < columns && rank < matrix.length; column += 1) {
    let pivot = rank;
    for (let row = rank + 1; row < matrix.length; row += 1) {
      if (Math.abs(matrix[row]?.[column] ?? 0) > Math.abs(matrix[pivot]?.[column] ?? 0)) pivot = row;
    }
    if (Math.abs(matrix[pivot]?.[column] ?? 0) < 1e-9) continue;
    [matrix[rank], matrix[pivot]] = [matrix[pivot] as number[], matrix[rank] as number[]];
    const top = matrix[rank] as number[];
    for (let row = rank + 1; row < matrix.length; row += 1) {
      const current = matrix[row] as number[];
      const factor = (current[column] ?? 0) / (top[column] ?? 1);
      if (factor === 0) continue;
      for (let c = column; c < columns; c += 1) current[c] = (current[c] ?? 0) - factor * (top[c] ?? 0);
    }
    rank += 1;
  }
  return rank;
}

export function subsets(items: readonly number[], maxSize: number): number[][] {
  const result: number[][] = [];
  const walk = (start: number, chosen: number[]) => {
    if (chosen.length > 0) result.push(chosen);
    if (chosen.length === maxSize) return;
    for (let index = start; index < items.length; index += 1)
      walk(index + 1, [...chosen, items[index] as number]);
  };
  walk(0, []);
  return result;
}

/** Sets of fewer than k anonymous raters whose answers some combination of shown figures isolates. */
export function isolatedRaterSets(
  instrument: Instrument,
  figures: readonly FigureCells[],
  isAnonymous: (rater: number) => boolean,
  threshold: number,
): number[][] {
  const isolated: number[][] = [];
  for (const dimension of instrument.dimensions) {
    const scopes = new Set([dimension.key, ...dimension.items.map((item) => item.id)]);
    const shown = figures.filter((figure) => scopes.has(figure.scope));
    // Identifiable raters' answers count as known: their cells are not unknowns.
    const cellKey = (cell: { rater: number; item: string }) => `${cell.rater}|${cell.item}`;
    const columns = new Map<string, { rater: number; index: number }>();
    for (const figure of shown) {
      for (const cell of figure.cells) {
        if (isAnonymous(cell.rater) && !columns.has(cellKey(cell))) {
          columns.set(cellKey(cell), { rater: cell.rater, index: columns.size });
        }
      }
    }
    if (columns.size === 0) continue;
    const rows = shown.map((figure) => {
      const row = new Array<number>(columns.size).fill(0);
      for (const cell of figure.cells) {
        const column = columns.get(cellKey(cell));
        if (column) row[column.index] = 1;
      }
      return row;
    });
    const full = rank(rows);
    const raters = [...new Set([...columns.values()].map((column) => column.rater))].sort((a, b) => a - b);
    for (const group of subsets(raters, threshold - 1)) {
      const keep = [...columns.values()]
        .filter((column) => !group.includes(column.rater))
        .map((c) => c.index);
      const reduced = rows.map((row) => keep.map((index) => row[index] ?? 0));
      if ((keep.length === 0 ? 0 : rank(reduced)) < full) isolated.push(group);
    }
  }
  return isolated;
}
