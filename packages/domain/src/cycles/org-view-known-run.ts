// One reader's suppression over a prepared organisation view (org-view-known.ts): the rounds of the
// full suppression in `analytics.ts`, with the atoms kept up to date instead of rebuilt. Only the
// atoms whose size changed (a known person left them, a hidden cell's members moved in or out) can
// be under k; every other atom is the public view's and holds 0 or at least k people.
import { DIMENSION_KEYS, type DimensionKey } from "../instrument";
import {
  bandOf,
  type DimensionCell,
  ORG_TOTAL_KEY,
  type OrgCell,
  type OrgView,
  shownBands,
} from "./analytics";
import type { Base, PreparedOrgView } from "./org-view-known";

interface Run {
  base: Base;
  reported: readonly Int32Array[];
  /** Per person index: 1 when the reader knows their report. */
  known: Uint8Array;
  shown: Set<number>;
  totalShown: boolean;
  /** Unknown members per cell, where known people changed it. */
  unknownIn: Map<number, number>;
  /** Signatures and atom sizes that differ from the base. */
  signature: Map<number, readonly number[]>;
  sizes: Map<string, number>;
  /** Atoms that may be under k. */
  touched: Set<string>;
}

const sizeOf = (run: Run, key: string) => run.sizes.get(key) ?? run.base.sizes.get(key) ?? 0;
const signatureOf = (run: Run, person: number) =>
  run.signature.get(person) ?? (run.base.atoms[run.base.atomOf[person] as number] as readonly number[]);
const unknownOf = (run: Run, index: number) =>
  run.unknownIn.get(index) ?? (run.base.memberCount[index] as number);

function resize(run: Run, key: string, by: number): void {
  run.sizes.set(key, sizeOf(run, key) + by);
  run.touched.add(key);
}

/** Hides cells: their unknown members move to the atom of their signature without them. */
function hide(run: Run, cells: Iterable<number>): void {
  for (const index of cells) {
    if (!run.shown.delete(index)) continue;
    for (const person of run.reported[index] as Int32Array) {
      if (run.known[person] === 1 || !run.base.has(person)) continue;
      const before = signatureOf(run, person);
      const after = before.filter((cell) => cell !== index);
      resize(run, before.join(","), -1);
      resize(run, after.join(","), 1);
      run.signature.set(person, after);
    }
  }
}

/** The cell the full suppression hides for a small atom (analytics.ts `cellToHide`). */
function cellToHide(run: Run, atom: readonly number[]): number {
  const smallest = (list: number[]) => list.sort((a, b) => unknownOf(run, a) - unknownOf(run, b) || a - b)[0];
  const mine = smallest([...atom]);
  if (mine !== undefined) return mine;
  // Only the total holds it: the neighbours are the atoms of one cell alone.
  const neighbours = new Set<number>();
  for (const key of new Set([...run.base.sizes.keys(), ...run.sizes.keys()])) {
    if (key === "" || key.includes(",") || sizeOf(run, key) <= 0) continue;
    neighbours.add(Number(key));
  }
  return smallest([...neighbours]) ?? -1;
}

function suppress(
  prepared: PreparedOrgView,
  base: Base,
  known: { flags: Uint8Array; list: readonly number[] },
) {
  const k = prepared.threshold;
  const run: Run = {
    base,
    reported: prepared.reported,
    known: known.flags,
    shown: new Set(base.start),
    totalShown: base.totalStart,
    unknownIn: new Map(),
    signature: new Map(),
    sizes: new Map(),
    touched: new Set(base.small),
  };
  let knownHere = 0;
  for (const person of known.list) {
    if (!base.has(person)) continue;
    knownHere += 1;
    resize(run, signatureOf(run, person).join(","), -1);
    // With this figure, so a member of every cell it is listed in here.
    for (const index of prepared.cellsOf(person)) run.unknownIn.set(index, unknownOf(run, index) - 1);
  }
  if (base.people - knownHere < k) run.totalShown = false;
  hide(
    run,
    [...run.shown].filter((index) => unknownOf(run, index) < k),
  );
  for (;;) {
    const small = [...run.touched].filter((key) => {
      const size = sizeOf(run, key);
      return size > 0 && size < k && (key !== "" || run.totalShown);
    });
    if (small.length === 0) break;
    const atoms = small.map((key) => (key === "" ? [] : key.split(",").map(Number)));
    const chosen = new Set(atoms.map((atom) => cellToHide(run, atom)));
    if (chosen.has(-1)) run.totalShown = false;
    chosen.delete(-1);
    hide(run, chosen);
  }
  return { shown: run.shown, totalShown: run.totalShown };
}

/**
 * Known people with a released report here, as flags per person index (named as the prepared view
 * names them: person ids, or request ids for a stored view); any other name changes nothing.
 */
function knownFlags(prepared: PreparedOrgView, known: Iterable<string>) {
  const flags = new Uint8Array(prepared.people);
  const list: number[] = [];
  for (const name of known) {
    const person = prepared.indexOf(name);
    if (person === undefined || flags[person] === 1) continue;
    flags[person] = 1;
    list.push(person);
  }
  list.sort((a, b) => a - b);
  return { flags, list, count: list.length };
}

/**
 * The organisation view for a reader who knows `known` (people whose reports they may read one by
 * one): the same cells and figures as `organisationView` with `knownToReader` and the same
 * `shownWithoutKnown`, from a prepared view.
 */
export function organisationViewKnowing(prepared: PreparedOrgView, known: Iterable<string>): OrgView {
  const k = prepared.threshold;
  const knownPeople = knownFlags(prepared, known);
  const knownReported = knownPeople.count;
  const done = new Map<Base, ReturnType<typeof suppress>>();
  const cellDims = prepared.cells.map(() => ({}) as Record<DimensionKey, DimensionCell | null>);
  const totalDims = {} as Record<DimensionKey, DimensionCell | null>;
  for (const dimension of DIMENSION_KEYS) {
    const base = prepared.bases[dimension];
    let result = done.get(base);
    if (!result) {
      result = suppress(prepared, base, knownPeople);
      done.set(base, result);
    }
    const { shown, totalShown } = result;
    cellDims.forEach((dims, index) => {
      dims[dimension] = shown.has(index) ? prepared.mean(dimension, index) : null;
    });
    totalDims[dimension] = totalShown ? prepared.totalMeans[dimension] : null;
  }
  // Reported people each cell holds that the reader knows.
  const knownIn = new Map<number, number>();
  for (const person of knownPeople.list) {
    for (const index of prepared.cellsOf(person)) knownIn.set(index, (knownIn.get(index) ?? 0) + 1);
  }
  const asCell = (
    key: string,
    label: string,
    people: number,
    unknown: number,
    dims: Record<DimensionKey, DimensionCell | null>,
  ): OrgCell => {
    const anyShown = DIMENSION_KEYS.some((dimension) => dims[dimension] !== null);
    return {
      key,
      label,
      people: anyShown && unknown >= k ? people : null,
      dimensions: anyShown ? dims : null,
    };
  };
  const everyone = prepared.people;
  return {
    total: asCell(ORG_TOTAL_KEY, "Whole organisation", everyone, everyone - knownReported, totalDims),
    cells: prepared.cells.map((cell, index) => {
      const people = (prepared.reported[index] as Int32Array).length;
      const dims = cellDims[index] as Record<DimensionKey, DimensionCell | null>;
      return asCell(cell.key, cell.label, people, people - (knownIn.get(index) ?? 0), dims);
    }),
  };
}

/**
 * The distribution per dimension (`dimensionDistribution`) for a reader who knows `known`, from a
 * prepared view: each person's band counted once, known people never towards k.
 */
export function distributionKnowing(
  prepared: PreparedOrgView,
  known: Iterable<string>,
  total: OrgCell,
): Record<DimensionKey, (number | null)[]> {
  const { list } = knownFlags(prepared, known);
  const result = {} as Record<DimensionKey, (number | null)[]>;
  for (const dimension of DIMENSION_KEYS) {
    const values = prepared.values[dimension];
    const bands = prepared.bands[dimension];
    const unknown = [...bands];
    for (const person of list) {
      const value = values[person] as number;
      if (Number.isNaN(value)) continue;
      const band = bandOf(value);
      unknown[band] = (unknown[band] as number) - 1;
    }
    result[dimension] = shownBands(
      bands,
      unknown,
      (total.dimensions?.[dimension] ?? null) !== null,
      prepared.threshold,
    );
  }
  return result;
}
