// The organisation view for a reader who knows some reports, computed from the view without known
// reports (`organisationView` with `shownWithoutKnown`) without rebuilding every atom. The public
// view is a fixed point of the suppression: every atom of its shown cells holds 0 or at least k
// people. A reader's known people shrink only the atoms they sit in, and hiding a cell merges only
// the atoms of its members, so an atom that neither touches can never become small. The prepared
// view keeps each person's atom and each atom's size once per frozen cycle; a reader's call then
// re-checks only the atoms their known people or a hidden cell changed, and makes the same choices
// in the same rounds as the full suppression (the equivalence is a property test). The atoms are
// worked out when the view is frozen and kept with it (org-view-stored.ts), so preparing is reading
// them: the work of a reader's call follows their known people, not the organisation's size.
import { DIMENSION_KEYS, type DimensionKey } from "../instrument";
import { type CellDefinition, type DimensionCell, ORG_TOTAL_KEY, type PersonFigures } from "./analytics";
import { type CompactBase, type CompactOrgView, compactOrgView } from "./org-view-stored";

/** One suppression's starting point, shared by the dimensions that have the same people. */
export interface Base {
  /** Per cell: its members who have a figure for these dimensions. */
  memberCount: Int32Array;
  /** Cells in the start (shown without known reports, at least k members), ascending. */
  start: readonly number[];
  /** The total in the start (shown without known reports, at least k people). */
  totalStart: boolean;
  /** People with a figure for these dimensions. */
  people: number;
  /** Whether the person (index) has a figure for these dimensions. */
  has(person: number): boolean;
  /** Per person index: their atom, an index into `atoms`. */
  atomOf: Int32Array;
  /** Per atom: the start cells its people are in, ascending (empty for no cell, or without a figure). */
  atoms: readonly (readonly number[])[];
  /** Atom (its cells joined) → number of people with a figure. */
  sizes: ReadonlyMap<string, number>;
  /** Atoms already under k without any known people (none, for a view that was really shown). */
  small: readonly string[];
}

export interface PreparedOrgView {
  threshold: number;
  cells: readonly { key: string; label: string }[];
  /** People are the indexes 0 … people - 1. */
  people: number;
  /** A known report's name (a person id, or a request id for a stored view) → its person's index. */
  indexOf(name: string): number | undefined;
  /** Per dimension, per person: their figure, NaN without one. */
  values: Record<DimensionKey, Float64Array>;
  /** Per dimension, its base (dimensions with the same people as the one before share one). */
  bases: Record<DimensionKey, Base>;
  /** Per dimension, each cell's figure over all its members with one. */
  mean(dimension: DimensionKey, index: number): DimensionCell;
  totalMeans: Record<DimensionKey, DimensionCell | null>;
  /** Per dimension, people per band (1–2, 2–3, 3–4, 4–5) over the whole organisation. */
  bands: Record<DimensionKey, readonly number[]>;
  /** Per cell: its distinct people (indexes) with a released report. */
  reported: readonly Int32Array[];
  /** Per person index: every cell they are in. */
  cellsOf(person: number): Int32Array;
}

/** What a reader's call needs that does not depend on the reader, computed once per frozen view. */
export function prepareOrganisationView(input: {
  figures: readonly PersonFigures[];
  cells: readonly CellDefinition[];
  threshold: number;
  shownWithoutKnown: ReadonlyMap<string, ReadonlySet<DimensionKey>>;
}): PreparedOrgView {
  return prepareStoredView(compactOrgView({ ...input, totalKey: ORG_TOTAL_KEY }));
}

function baseFrom(stored: CompactBase, values: Float64Array, threshold: number): Base {
  const atoms: number[][] = [];
  const sizes = new Map<string, number>();
  for (let atom = 0; atom < stored.atomSize.length; atom++) {
    const cells = [...stored.atomCells.subarray(stored.atomStart[atom], stored.atomStart[atom + 1])];
    atoms.push(cells);
    const size = stored.atomSize[atom] as number;
    if (size > 0) sizes.set(cells.join(","), size);
  }
  return {
    memberCount: stored.memberCount,
    start: [...stored.start],
    totalStart: stored.totalStart,
    people: stored.people,
    has: (person) => !Number.isNaN(values[person] as number),
    atomOf: stored.atomOf,
    atoms,
    sizes,
    small: [...sizes].filter(([, size]) => size < threshold).map(([key]) => key),
  };
}

/** The same from the compact form a frozen view is kept in (org-view-stored.ts): a few small lists. */
export function prepareStoredView(view: CompactOrgView): PreparedOrgView {
  const { threshold, people } = view;
  const reported = view.cells.map((_, c) =>
    view.members.subarray(view.memberStart[c] as number, view.memberStart[c + 1] as number),
  );
  const built = view.bases.map((stored) =>
    baseFrom(stored, view.values[stored.dimension] as Float64Array, threshold),
  );
  const bases = {} as Record<DimensionKey, Base>;
  const values = {} as Record<DimensionKey, Float64Array>;
  const totalMeans = {} as Record<DimensionKey, DimensionCell | null>;
  const bands = {} as Record<DimensionKey, readonly number[]>;
  DIMENSION_KEYS.forEach((dimension, d) => {
    const base = built[view.baseOf[d] as number] as Base;
    bases[dimension] = base;
    values[dimension] = view.values[d] as Float64Array;
    const total = view.totals[d] as number;
    totalMeans[dimension] = Number.isNaN(total) ? null : { mean: total, people: base.people };
    bands[dimension] = [...view.bands.subarray(d * 4, d * 4 + 4)];
  });
  // Every person's cells, as runs of one array (counted, then placed), made when first asked for.
  let cellStart: Int32Array | null = null;
  let personCells: Int32Array | null = null;
  const cellsOf = (person: number) => {
    if (!cellStart || !personCells) {
      const starts = new Int32Array(people + 1);
      for (const member of view.members) starts[member + 1] = (starts[member + 1] as number) + 1;
      for (let p = 0; p < people; p++) starts[p + 1] = (starts[p + 1] as number) + (starts[p] as number);
      const list = new Int32Array(view.members.length);
      const placed = starts.slice(0, people);
      reported.forEach((members, index) => {
        for (const member of members) {
          list[placed[member] as number] = index;
          placed[member] = (placed[member] as number) + 1;
        }
      });
      cellStart = starts;
      personCells = list;
    }
    return personCells.subarray(cellStart[person] as number, cellStart[person + 1] as number);
  };
  const mean = (dimension: DimensionKey, index: number): DimensionCell => ({
    mean: view.means[index * DIMENSION_KEYS.length + DIMENSION_KEYS.indexOf(dimension)] as number,
    people: bases[dimension].memberCount[index] as number,
  });
  return {
    threshold,
    cells: view.cells,
    people,
    indexOf: (name) => {
      const position = view.names.find(name);
      return position < 0 ? undefined : (view.nameIndex[position] as number);
    },
    values,
    bases,
    mean,
    totalMeans,
    bands,
    reported,
    cellsOf,
  };
}
