// The organisation view of a cycle (DESIGN §4 rule 7): the five dimensions by team, level,
// department or location, from released snapshots only. A cell is the mean over its people of each
// person's "everyone but self" figure, so a cell's sum is a plain sum of people's values, and any
// set of shown cells (with the organisation's total) lets a reader form linear combinations of
// them. The defence is complementary suppression over *atoms*: people who sit in exactly the same
// shown cells. Every combination of cell sums is constant on each atom, so when every atom holds 0
// or at least k people the reader cannot read, no combination isolates fewer than k of them. Cells
// are hidden (smallest first) until that holds, per dimension. Reports the reader may read one by
// one (their own, those they coach or manage) are known values: they never count towards k.
import { DIMENSION_KEYS, type DimensionKey } from "../instrument";

export interface PersonFigures {
  personId: string;
  /** "Everyone but self" mean per dimension from the person's released report; missing = hidden. */
  dimensions: Partial<Record<DimensionKey, number>>;
}

export interface CellDefinition {
  key: string;
  label: string;
  /** The people the cell covers (those without a released report are simply not counted). */
  memberIds: readonly string[];
}

export interface DimensionCell {
  mean: number;
  people: number;
}

export interface OrgCell {
  key: string;
  label: string;
  /** People with a released report in this cell, or null when fewer than k. */
  people: number | null;
  /** Null when the cell shows no dimension at all. */
  dimensions: Record<DimensionKey, DimensionCell | null> | null;
}

export interface OrgViewInput {
  figures: readonly PersonFigures[];
  cells: readonly CellDefinition[];
  threshold: number;
  /** People whose reports this reader may read one by one. */
  knownToReader?: ReadonlySet<string>;
  /**
   * What a view over the same figures and cells without `knownToReader` showed (the frozen view's
   * stored cells): per cell key (and `all`), the dimensions shown. The suppression then starts from
   * it instead of from every cell, so a reader who knows some reports is shown a subset of it, and
   * only the atoms their known people shrank make it hide more. Every shown figure still satisfies
   * the atom rule for this reader: the loop stops only when it does.
   */
  shownWithoutKnown?: ReadonlyMap<string, ReadonlySet<DimensionKey>>;
}

export interface OrgView {
  /** The whole organisation, shown like a cell (key `all`). */
  total: OrgCell;
  cells: OrgCell[];
}

export const ORG_TOTAL_KEY = "all";

interface Candidate {
  index: number;
  /** Members who have this dimension, readable or not. */
  members: string[];
  unknown: number;
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Signature → unknown people with it; the total is cell -1. */
function atomsOf(shown: readonly Candidate[], totalShown: boolean, unknown: ReadonlySet<string>) {
  const cellsOf = new Map<string, number[]>();
  for (const candidate of shown) {
    for (const id of candidate.members) {
      if (!unknown.has(id)) continue;
      const list = cellsOf.get(id);
      if (list) list.push(candidate.index);
      else cellsOf.set(id, [candidate.index]);
    }
  }
  if (totalShown) for (const id of unknown) if (!cellsOf.has(id)) cellsOf.set(id, []);
  const atoms = new Map<string, { cells: number[]; size: number }>();
  for (const list of cellsOf.values()) {
    const cells = totalShown ? [-1, ...list.sort((a, b) => a - b)] : list.sort((a, b) => a - b);
    const key = cells.join(",");
    const atom = atoms.get(key);
    if (atom) atom.size += 1;
    else atoms.set(key, { cells, size: 1 });
  }
  return atoms;
}

/** Which cell to hide for a small atom: its smallest cell, else the smallest neighbour, else the total. */
function cellToHide(
  atom: { cells: number[] },
  byIndex: ReadonlyMap<number, Candidate>,
  atoms: Map<string, { cells: number[]; size: number }>,
): number {
  const own = atom.cells.filter((index) => index >= 0).map((index) => byIndex.get(index) as Candidate);
  const smallest = (list: Candidate[]) =>
    list.sort((a, b) => a.unknown - b.unknown || a.index - b.index)[0]?.index;
  const mine = smallest(own);
  if (mine !== undefined) return mine;
  // Only the total holds this atom: hiding a cell whose other people share the rest of the
  // signature merges them into it.
  const neighbours = new Set<number>();
  for (const other of atoms.values()) {
    const extra = other.cells.filter((index) => !atom.cells.includes(index));
    if (extra.length === 1 && other.cells.length === atom.cells.length + 1)
      neighbours.add(extra[0] as number);
  }
  const neighbour = smallest([...neighbours].map((index) => byIndex.get(index) as Candidate));
  return neighbour ?? -1;
}

/** The cells (indexes) and total that may be shown for one dimension. */
function suppress(
  candidates: Candidate[],
  totalUnknown: number,
  unknown: ReadonlySet<string>,
  k: number,
  start: { cells: (index: number) => boolean; total: boolean },
) {
  let shown = candidates.filter((candidate) => candidate.unknown >= k && start.cells(candidate.index));
  let totalShown = totalUnknown >= k && start.total;
  for (;;) {
    const atoms = atomsOf(shown, totalShown, unknown);
    const small = [...atoms.values()].filter((atom) => atom.size > 0 && atom.size < k);
    if (small.length === 0) break;
    const byIndex = new Map(shown.map((candidate) => [candidate.index, candidate]));
    const hide = new Set(small.map((atom) => cellToHide(atom, byIndex, atoms)));
    if (hide.has(-1)) totalShown = false;
    shown = shown.filter((candidate) => !hide.has(candidate.index));
  }
  return { shown: new Set(shown.map((candidate) => candidate.index)), totalShown };
}

function meanOf(members: readonly string[], values: ReadonlyMap<string, number>): DimensionCell {
  let sum = 0;
  for (const id of members) sum += values.get(id) as number;
  return { mean: round2(sum / members.length), people: members.length };
}

/** The organisation view: cells and total, every shown figure safe against subtraction. */
export function organisationView(input: OrgViewInput): OrgView {
  const known = input.knownToReader ?? new Set<string>();
  const k = input.threshold;
  const cellDims = input.cells.map(() => ({}) as Record<DimensionKey, DimensionCell | null>);
  const totalDims = {} as Record<DimensionKey, DimensionCell | null>;
  // Which cells may be shown depends only on who has a figure for the dimension: usually everyone
  // has all five, so the suppression of one dimension serves the next.
  let previous: {
    ids: ReadonlyMap<string, number>;
    candidates: Candidate[];
    shown: Set<number>;
    totalShown: boolean;
  } | null = null;
  for (const dimension of DIMENSION_KEYS) {
    const values = new Map<string, number>();
    for (const person of input.figures) {
      const value = person.dimensions[dimension];
      if (value !== undefined) values.set(person.personId, value);
    }
    const same =
      previous !== null &&
      previous.ids.size === values.size &&
      [...values.keys()].every((id) => previous?.ids.has(id));
    let candidates: Candidate[];
    let shown: Set<number>;
    let totalShown: boolean;
    if (same && previous) {
      ({ candidates, shown, totalShown } = previous);
    } else {
      const unknown = new Set([...values.keys()].filter((id) => !known.has(id)));
      candidates = input.cells.map((cell, index) => {
        const members = [...new Set(cell.memberIds)].filter((id) => values.has(id));
        return { index, members, unknown: members.filter((id) => unknown.has(id)).length };
      });
      const before = input.shownWithoutKnown;
      const start = before
        ? {
            cells: (index: number) => before.get(input.cells[index]?.key as string)?.has(dimension) === true,
            total: before.get(ORG_TOTAL_KEY)?.has(dimension) === true,
          }
        : { cells: () => true, total: true };
      ({ shown, totalShown } = suppress(candidates, unknown.size, unknown, k, start));
    }
    previous = { ids: values, candidates, shown, totalShown };
    candidates.forEach((candidate, index) => {
      (cellDims[index] as Record<DimensionKey, DimensionCell | null>)[dimension] = shown.has(index)
        ? meanOf(candidate.members, values)
        : null;
    });
    totalDims[dimension] = totalShown ? meanOf([...values.keys()], values) : null;
  }
  const reported = new Set(input.figures.map((person) => person.personId));
  const unknownReported = (ids: readonly string[]) => ids.filter((id) => reported.has(id) && !known.has(id));
  const asCell = (
    key: string,
    label: string,
    ids: readonly string[],
    dims: Record<DimensionKey, DimensionCell | null>,
  ): OrgCell => {
    const people = new Set(ids.filter((id) => reported.has(id))).size;
    const anyShown = DIMENSION_KEYS.some((dimension) => dims[dimension] !== null);
    return {
      key,
      label,
      // The count too goes with the figures: shown where one is, so a hidden cell's count cannot be
      // compared with another's.
      people: anyShown && new Set(unknownReported(ids)).size >= k ? people : null,
      dimensions: anyShown ? dims : null,
    };
  };
  return {
    total: asCell(ORG_TOTAL_KEY, "Whole organisation", [...reported], totalDims),
    cells: input.cells.map((cell, index) =>
      asCell(
        cell.key,
        cell.label,
        cell.memberIds,
        cellDims[index] as Record<DimensionKey, DimensionCell | null>,
      ),
    ),
  };
}

/** The change of each shown dimension since an earlier view of the same cell (both shown). */
export function cellDeltas(
  now: OrgCell,
  before: OrgCell | undefined,
): Record<DimensionKey, { mean: number; people: number } | null> | null {
  if (!now.dimensions || !before?.dimensions) return null;
  const deltas = {} as Record<DimensionKey, { mean: number; people: number } | null>;
  for (const dimension of DIMENSION_KEYS) {
    const a = now.dimensions[dimension];
    const b = before.dimensions[dimension];
    deltas[dimension] = a && b ? { mean: round2(a.mean - b.mean), people: b.people } : null;
  }
  return deltas;
}

/**
 * People per band of their dimension mean (1–2, 2–3, 3–4, 4–5) across the organisation. A band is
 * shown only with at least k people the reader does not know; the hidden bands together hold none
 * or at least k of those (else the smallest shown band is hidden too); and nothing where the
 * organisation's total is hidden for this reader.
 */
export function dimensionDistribution(
  figures: readonly PersonFigures[],
  threshold: number,
  known: ReadonlySet<string> = new Set(),
  total?: OrgCell,
): Record<DimensionKey, (number | null)[]> {
  const result = {} as Record<DimensionKey, (number | null)[]>;
  for (const dimension of DIMENSION_KEYS) {
    const bands = [0, 0, 0, 0];
    const unknown = [0, 0, 0, 0];
    for (const person of figures) {
      const value = person.dimensions[dimension];
      if (value === undefined) continue;
      const band = bandOf(value);
      bands[band] = (bands[band] ?? 0) + 1;
      if (!known.has(person.personId)) unknown[band] = (unknown[band] ?? 0) + 1;
    }
    const totalShown = total === undefined || (total.dimensions?.[dimension] ?? null) !== null;
    result[dimension] = shownBands(bands, unknown, totalShown, threshold);
  }
  return result;
}

/** The distribution's band of a figure: 1–2, 2–3, 3–4, 4–5. */
export const bandOf = (value: number) => Math.min(3, Math.max(0, Math.floor(value) - 1));

/**
 * The bands shown: each with at least k people the reader does not know, and the hidden ones
 * together 0 or at least k (else the smallest shown band is hidden too), none without the total.
 */
export function shownBands(
  bands: readonly number[],
  unknown: readonly number[],
  totalShown: boolean,
  threshold: number,
): (number | null)[] {
  const shown = unknown.map((count) => totalShown && count >= threshold);
  for (;;) {
    const hiddenUnknown = unknown.reduce((sum, count, band) => sum + (shown[band] ? 0 : count), 0);
    if (hiddenUnknown === 0 || hiddenUnknown >= threshold) break;
    const smallest = unknown
      .map((count, band) => ({ count, band }))
      .filter(({ band }) => shown[band])
      .sort((a, b) => a.count - b.count)[0];
    if (!smallest) break;
    shown[smallest.band] = false;
  }
  return bands.map((count, band) => (shown[band] ? count : null));
}

/** Level in the reporting tree: 1 for people without a manager, 2 for their reports, and so on. */
export function reportingLevels(
  people: readonly { id: string; managerId: string | null }[],
): Map<string, number> {
  const managerOf = new Map(people.map((person) => [person.id, person.managerId]));
  const levels = new Map<string, number>();
  for (const person of people) {
    // Climb (without recursion: a chain may be thousands long) to someone whose level is known, a
    // top, or a loop in the reporting lines (bad data, which stops the climb).
    const chain: string[] = [];
    const seen = new Set<string>();
    let current: string | undefined = person.id;
    let base = 0;
    while (current !== undefined && !levels.has(current) && !seen.has(current)) {
      seen.add(current);
      chain.push(current);
      const manager = managerOf.get(current);
      current = manager && managerOf.has(manager) ? manager : undefined;
    }
    if (current !== undefined && levels.has(current)) base = levels.get(current) as number;
    for (let index = chain.length - 1; index >= 0; index -= 1) {
      base += 1;
      levels.set(chain[index] as string, base);
    }
  }
  return levels;
}
