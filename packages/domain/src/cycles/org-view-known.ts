// The organisation view for a reader who knows some reports, computed from the view without known
// reports (`organisationView` with `shownWithoutKnown`) without rebuilding every atom. The public
// view is a fixed point of the suppression: every atom of its shown cells holds 0 or at least k
// people. A reader's known people shrink only the atoms they sit in, and hiding a cell merges only
// the atoms of its members, so an atom that neither touches can never become small. The prepared
// view keeps each person's atom and each atom's size once per frozen cycle; a reader's call then
// re-checks only the atoms their known people or a hidden cell changed, and makes the same choices
// in the same rounds as the full suppression (the equivalence is a property test).
import { DIMENSION_KEYS, type DimensionKey } from "../instrument";
import { type CellDefinition, type DimensionCell, ORG_TOTAL_KEY, type PersonFigures } from "./analytics";

/** One suppression's starting point, shared by the dimensions that have the same people. */
export interface Base {
  /** Per cell: its distinct members (person indexes) who have a figure for these dimensions. */
  members: readonly Int32Array[];
  /** Cells in the start (shown without known reports, at least k members). */
  start: number[];
  /** The total in the start (shown without known reports, at least k people). */
  totalStart: boolean;
  people: number;
  /** Per person index: 1 when they have a figure for these dimensions. */
  has: Uint8Array;
  /** Per person index: the start cells they are in, ascending (empty without a figure). */
  signature: readonly (readonly number[])[];
  /** Atom (signature joined) → number of people with a figure. */
  sizes: ReadonlyMap<string, number>;
  /** Atoms already under k without any known people (none, for a view that was really shown). */
  small: readonly string[];
}

export interface PreparedOrgView {
  threshold: number;
  cells: readonly CellDefinition[];
  /** Person id → index (the order of the figures). */
  indexOf: ReadonlyMap<string, number>;
  /** Per dimension, its base (dimensions with the same people as the one before share one). */
  bases: Record<DimensionKey, Base>;
  /** Per dimension, each cell's figure over all its members, worked out when first shown. */
  mean(dimension: DimensionKey, index: number): DimensionCell;
  totalMeans: Record<DimensionKey, DimensionCell | null>;
  /** Per cell: its distinct people (indexes) with a released report. */
  reported: readonly Int32Array[];
  /** Per person index: every cell they are in. */
  cellsOf: readonly (readonly number[])[];
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Each cell's distinct reported people, as indexes. */
function reportedMembers(cells: readonly CellDefinition[], indexOf: ReadonlyMap<string, number>) {
  const seen = new Int32Array(indexOf.size).fill(-1);
  return cells.map((cell, index) => {
    const list: number[] = [];
    for (const id of cell.memberIds) {
      const person = indexOf.get(id);
      if (person === undefined || seen[person] === index) continue;
      seen[person] = index;
      list.push(person);
    }
    return Int32Array.from(list);
  });
}

function baseOf(
  input: {
    threshold: number;
    reported: readonly Int32Array[];
    shown: readonly boolean[];
    totalShown: boolean;
  },
  has: Uint8Array,
  people: number,
): Base {
  const everyone = people === has.length;
  const members = everyone
    ? input.reported
    : input.reported.map((list) => list.filter((person) => has[person] === 1));
  const start = members.flatMap((list, index) =>
    list.length >= input.threshold && input.shown[index] ? [index] : [],
  );
  const signature: number[][] = Array.from({ length: has.length }, () => []);
  for (const index of start)
    for (const person of members[index] as Int32Array) signature[person]?.push(index);
  const sizes = new Map<string, number>();
  signature.forEach((cells, person) => {
    if (has[person] !== 1) return;
    const key = cells.join(",");
    sizes.set(key, (sizes.get(key) ?? 0) + 1);
  });
  const small = [...sizes].filter(([, size]) => size < input.threshold).map(([key]) => key);
  return {
    members,
    start,
    totalStart: input.totalShown && people >= input.threshold,
    people,
    has,
    signature,
    sizes,
    small,
  };
}

/** What a reader's call needs that does not depend on the reader, computed once per frozen view. */
export function prepareOrganisationView(input: {
  figures: readonly PersonFigures[];
  cells: readonly CellDefinition[];
  threshold: number;
  shownWithoutKnown: ReadonlyMap<string, ReadonlySet<DimensionKey>>;
}): PreparedOrgView {
  const { cells, threshold, figures } = input;
  const indexOf = new Map<string, number>();
  for (const person of figures) if (!indexOf.has(person.personId)) indexOf.set(person.personId, indexOf.size);
  const reported = reportedMembers(cells, indexOf);
  const bases = {} as Record<DimensionKey, Base>;
  const values = {} as Record<DimensionKey, Float64Array>;
  const totalMeans = {} as Record<DimensionKey, DimensionCell | null>;
  let previous: Base | null = null;
  for (const dimension of DIMENSION_KEYS) {
    const has = new Uint8Array(indexOf.size);
    const value = new Float64Array(indexOf.size);
    for (const person of figures) {
      const figure = person.dimensions[dimension];
      if (figure === undefined) continue;
      const index = indexOf.get(person.personId) as number;
      has[index] = 1;
      value[index] = figure;
    }
    let people = 0;
    let sum = 0;
    has.forEach((flag, index) => {
      if (flag === 0) return;
      people += 1;
      sum += value[index] as number;
    });
    values[dimension] = value;
    totalMeans[dimension] = people > 0 ? { mean: round2(sum / people), people } : null;
    // As the full suppression does: the same people as the dimension before reuse its result.
    const before = previous;
    const same =
      before !== null && before.people === people && has.every((flag, index) => flag === before.has[index]);
    if (!same || !before) {
      const shown = cells.map((cell) => input.shownWithoutKnown.get(cell.key)?.has(dimension) === true);
      const totalShown = input.shownWithoutKnown.get(ORG_TOTAL_KEY)?.has(dimension) === true;
      previous = baseOf({ threshold, reported, shown, totalShown }, has, people);
    }
    bases[dimension] = previous as Base;
  }
  const cellsOf: number[][] = Array.from({ length: indexOf.size }, () => []);
  reported.forEach((list, index) => {
    for (const person of list) cellsOf[person]?.push(index);
  });
  const means = new Map<string, DimensionCell>();
  const mean = (dimension: DimensionKey, index: number): DimensionCell => {
    const key = `${dimension}:${index}`;
    const known = means.get(key);
    if (known) return known;
    const members = bases[dimension].members[index] as Int32Array;
    const value = values[dimension];
    let sum = 0;
    for (const person of members) sum += value[person] as number;
    const cell = { mean: round2(sum / members.length), people: members.length };
    means.set(key, cell);
    return cell;
  };
  return { threshold, cells, indexOf, bases, mean, totalMeans, reported, cellsOf };
}
