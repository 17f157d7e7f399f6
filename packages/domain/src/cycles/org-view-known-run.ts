// One reader's suppression over a prepared organisation view (org-view-known.ts): the rounds of the
// full suppression in `analytics.ts`, with the atoms kept up to date instead of rebuilt. Only the
// atoms whose size changed (a known person left them, a hidden cell's members moved in or out) can
// be under k; every other atom is the public view's and holds 0 or at least k people.
import { DIMENSION_KEYS, type DimensionKey } from "../instrument";
import { type DimensionCell, ORG_TOTAL_KEY, type OrgCell, type OrgView } from "./analytics";
import type { Base, PreparedOrgView } from "./org-view-known";

interface Run {
  base: Base;
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
  run.signature.get(person) ?? (run.base.signature[person] as readonly number[]);
const unknownOf = (run: Run, index: number) =>
  run.unknownIn.get(index) ?? (run.base.members[index] as Int32Array).length;

function resize(run: Run, key: string, by: number): void {
  run.sizes.set(key, sizeOf(run, key) + by);
  run.touched.add(key);
}

/** Hides cells: their unknown members move to the atom of their signature without them. */
function hide(run: Run, cells: Iterable<number>): void {
  for (const index of cells) {
    if (!run.shown.delete(index)) continue;
    for (const person of run.base.members[index] as Int32Array) {
      if (run.known[person] === 1) continue;
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

function suppress(prepared: PreparedOrgView, base: Base, known: Uint8Array) {
  const k = prepared.threshold;
  const run: Run = {
    base,
    known,
    shown: new Set(base.start),
    totalShown: base.totalStart,
    unknownIn: new Map(),
    signature: new Map(),
    sizes: new Map(),
    touched: new Set(base.small),
  };
  let knownHere = 0;
  known.forEach((flag, person) => {
    if (flag === 0 || base.has[person] !== 1) return;
    knownHere += 1;
    resize(run, signatureOf(run, person).join(","), -1);
    // With this figure, so a member of every cell it is listed in here.
    for (const index of prepared.cellsOf[person] ?? []) run.unknownIn.set(index, unknownOf(run, index) - 1);
  });
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
 * The organisation view for a reader who knows `known` (people whose reports they may read one by
 * one): the same cells and figures as `organisationView` with `knownToReader` and the same
 * `shownWithoutKnown`, from a prepared view.
 */
export function organisationViewKnowing(prepared: PreparedOrgView, known: ReadonlySet<string>): OrgView {
  const k = prepared.threshold;
  // Known people with a released report here, as indexes; anyone else changes nothing.
  const flags = new Uint8Array(prepared.indexOf.size);
  let knownReported = 0;
  for (const id of known) {
    const person = prepared.indexOf.get(id);
    if (person === undefined) continue;
    flags[person] = 1;
    knownReported += 1;
  }
  const done = new Map<Base, ReturnType<typeof suppress>>();
  const cellDims = prepared.cells.map(() => ({}) as Record<DimensionKey, DimensionCell | null>);
  const totalDims = {} as Record<DimensionKey, DimensionCell | null>;
  for (const dimension of DIMENSION_KEYS) {
    const base = prepared.bases[dimension];
    let result = done.get(base);
    if (!result) {
      result = suppress(prepared, base, flags);
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
  flags.forEach((flag, person) => {
    if (flag === 0) return;
    for (const index of prepared.cellsOf[person] ?? []) knownIn.set(index, (knownIn.get(index) ?? 0) + 1);
  });
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
  const everyone = prepared.indexOf.size;
  return {
    total: asCell(ORG_TOTAL_KEY, "Whole organisation", everyone, everyone - knownReported, totalDims),
    cells: prepared.cells.map((cell, index) => {
      const people = (prepared.reported[index] as Int32Array).length;
      const dims = cellDims[index] as Record<DimensionKey, DimensionCell | null>;
      return asCell(cell.key, cell.label, people, people - (knownIn.get(index) ?? 0), dims);
    }),
  };
}
