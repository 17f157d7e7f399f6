// A frozen organisation view in the form it is kept in (the API stores it at release): people as
// indexes, each dimension's figures as one array, every cell's members as a run of one array, and
// what the view without known reports showed as bits per cell. Reading it back is a handful of
// array views over one buffer, so a reader's first call does not rebuild ten thousand people's
// cells from text and maps (issue 16: `analytics.org` cold ≤ 100 ms). Pure: bytes in, bytes out.
import { DIMENSION_KEYS, type DimensionKey } from "../instrument";
import { bandOf, type CellDefinition, type PersonFigures } from "./analytics";

export interface CompactOrgView {
  threshold: number;
  /** People are the indexes 0 … people - 1. */
  people: number;
  /**
   * What a reader's known reports are named by (request ids as stored, person ids when made from
   * figures), in order; the name at position i belongs to person `nameIndex[i]`.
   */
  names: NameTable;
  nameIndex: Int32Array;
  /** Per dimension, in DIMENSION_KEYS order, per person: their figure, NaN without one. */
  values: readonly Float64Array[];
  cells: readonly { key: string; label: string }[];
  /** Cell c's distinct people with a released report: `members[memberStart[c]] … members[memberStart[c + 1] - 1]`. */
  memberStart: Int32Array;
  members: Int32Array;
  /** Per cell, then the total: bit d set when DIMENSION_KEYS[d] was shown without known reports. */
  shown: Uint8Array;
  /** Per dimension: the index of its base in `bases`. */
  baseOf: Int32Array;
  bases: readonly CompactBase[];
  /** Cell c's mean for dimension d over its members with that figure at `c * 5 + d`, NaN without any. */
  means: Float64Array;
  /** Per dimension: the whole organisation's mean, NaN without any figure. */
  totals: Float64Array;
  /** Per dimension d, people per band (bandOf) at `d * 4 + band`. */
  bands: Int32Array;
}

/**
 * Where one suppression starts, shared by the dimensions that have a figure from the same people
 * as the dimension before them: the cells shown without known reports and each person's atom (the
 * start cells they are in), worked out when the view is frozen, so a reader's first call reads
 * them instead of building them for ten thousand people.
 */
export interface CompactBase {
  /** The dimension (index) whose figures say who is in it: the first of those sharing it. */
  dimension: number;
  /** People with a figure. */
  people: number;
  /** The total in the start (shown without known reports, at least k people). */
  totalStart: boolean;
  /** Cells in the start (shown without known reports, at least k members), ascending. */
  start: Int32Array;
  /** Per cell: its members with a figure. */
  memberCount: Int32Array;
  /** Per person: their atom. */
  atomOf: Int32Array;
  /** Atom a's start cells: `atomCells[atomStart[a]] … atomCells[atomStart[a + 1] - 1]`, ascending. */
  atomStart: Int32Array;
  atomCells: Int32Array;
  /** Per atom: its people with a figure. */
  atomSize: Int32Array;
}

/** Names in ascending order, found by halving (no map of ten thousand keys to build). */
export interface NameTable {
  readonly size: number;
  /** The position of `name`, or -1. */
  find(name: string): number;
}

class SortedNames implements NameTable {
  constructor(readonly list: readonly string[]) {}
  get size() {
    return this.list.length;
  }
  find(name: string): number {
    let low = 0;
    let high = this.list.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const here = this.list[middle] as string;
      if (here === name) return middle;
      if (here < name) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function uuidBytes(name: string, into: Uint8Array, at: number): void {
  const hex = name.replaceAll("-", "");
  for (let i = 0; i < 16; i++) into[at + i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
}

/** Lower-case uuids as 16 bytes each, in ascending order (the same order as their text). */
class PackedUuids implements NameTable {
  private readonly probe = new Uint8Array(16);
  constructor(readonly bytes: Uint8Array) {}
  get size() {
    return this.bytes.length / 16;
  }
  find(name: string): number {
    if (!UUID.test(name)) return -1;
    uuidBytes(name, this.probe, 0);
    let low = 0;
    let high = this.size - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      let order = 0;
      for (let i = 0; i < 16 && order === 0; i++)
        order = (this.bytes[middle * 16 + i] as number) - (this.probe[i] as number);
      if (order === 0) return middle;
      if (order < 0) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

export class StoredOrgViewError extends Error {}

/**
 * The compact form of a view's inputs. People are the distinct `personId`s of the figures (a
 * person's later figure for a dimension wins); `names` (one per figure, default its person id)
 * name what a reader's known reports will be given as.
 */
export function compactOrgView(input: {
  figures: readonly PersonFigures[];
  names?: readonly string[];
  cells: readonly CellDefinition[];
  threshold: number;
  shownWithoutKnown: ReadonlyMap<string, ReadonlySet<DimensionKey>>;
  totalKey: string;
}): CompactOrgView {
  const { figures, cells } = input;
  const indexOf = new Map<string, number>();
  for (const person of figures) if (!indexOf.has(person.personId)) indexOf.set(person.personId, indexOf.size);
  const people = indexOf.size;
  const values = DIMENSION_KEYS.map(() => new Float64Array(people).fill(Number.NaN));
  for (const person of figures) {
    const index = indexOf.get(person.personId) as number;
    DIMENSION_KEYS.forEach((dimension, d) => {
      const figure = person.dimensions[dimension];
      if (figure !== undefined) (values[d] as Float64Array)[index] = figure;
    });
  }
  const named = figures.map((person, position) => ({
    name: input.names?.[position] ?? person.personId,
    index: indexOf.get(person.personId) as number,
  }));
  named.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const memberStart = new Int32Array(cells.length + 1);
  const members: number[] = [];
  const seen = new Int32Array(people).fill(-1);
  cells.forEach((cell, c) => {
    for (const id of cell.memberIds) {
      const person = indexOf.get(id);
      if (person === undefined || seen[person] === c) continue;
      seen[person] = c;
      members.push(person);
    }
    memberStart[c + 1] = members.length;
  });
  const bits = (key: string) => {
    const dims = input.shownWithoutKnown.get(key);
    let value = 0;
    DIMENSION_KEYS.forEach((dimension, d) => {
      if (dims?.has(dimension)) value |= 1 << d;
    });
    return value;
  };
  const shown = Uint8Array.from([...cells.map((cell) => bits(cell.key)), bits(input.totalKey)]);
  const memberList = Int32Array.from(members);
  const bases: CompactBase[] = [];
  const baseOf = new Int32Array(DIMENSION_KEYS.length);
  DIMENSION_KEYS.forEach((_, d) => {
    const before = bases[bases.length - 1];
    // As the full suppression does: the same people as the dimension before reuse its result.
    if (before && sameFigures(values[before.dimension] as Float64Array, values[d] as Float64Array)) {
      baseOf[d] = bases.length - 1;
      return;
    }
    baseOf[d] = bases.length;
    bases.push(
      compactBase({
        dimension: d,
        values: values[d] as Float64Array,
        memberStart,
        members: memberList,
        shown,
        threshold: input.threshold,
      }),
    );
  });
  const means = new Float64Array(cells.length * DIMENSION_KEYS.length).fill(Number.NaN);
  const totals = new Float64Array(DIMENSION_KEYS.length).fill(Number.NaN);
  const bands = new Int32Array(DIMENSION_KEYS.length * 4);
  values.forEach((list, d) => {
    for (let c = 0; c < cells.length; c++) {
      let sum = 0;
      let count = 0;
      for (let at = memberStart[c] as number; at < (memberStart[c + 1] as number); at++) {
        const value = list[memberList[at] as number] as number;
        if (Number.isNaN(value)) continue;
        sum += value;
        count += 1;
      }
      if (count > 0) means[c * DIMENSION_KEYS.length + d] = round2(sum / count);
    }
    let sum = 0;
    let count = 0;
    for (const value of list) {
      if (Number.isNaN(value)) continue;
      sum += value;
      count += 1;
      bands[d * 4 + bandOf(value)] = (bands[d * 4 + bandOf(value)] as number) + 1;
    }
    if (count > 0) totals[d] = round2(sum / count);
  });
  return {
    threshold: input.threshold,
    people,
    names: new SortedNames(named.map((entry) => entry.name)),
    nameIndex: Int32Array.from(named, (entry) => entry.index),
    values,
    cells: cells.map((cell) => ({ key: cell.key, label: cell.label })),
    memberStart,
    members: memberList,
    shown,
    baseOf,
    bases,
    means,
    totals,
    bands,
  };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** Whether two dimensions have a figure from exactly the same people. */
function sameFigures(a: Float64Array, b: Float64Array): boolean {
  for (let i = 0; i < a.length; i++)
    if (Number.isNaN(a[i] as number) !== Number.isNaN(b[i] as number)) return false;
  return true;
}

function compactBase(input: {
  dimension: number;
  values: Float64Array;
  memberStart: Int32Array;
  members: Int32Array;
  shown: Uint8Array;
  threshold: number;
}): CompactBase {
  const { values, memberStart, members, threshold } = input;
  const cells = memberStart.length - 1;
  const bit = 1 << input.dimension;
  const has = (person: number) => !Number.isNaN(values[person] as number);
  const memberCount = new Int32Array(cells);
  const start: number[] = [];
  for (let c = 0; c < cells; c++) {
    let count = 0;
    for (let at = memberStart[c] as number; at < (memberStart[c + 1] as number); at++)
      if (has(members[at] as number)) count += 1;
    memberCount[c] = count;
    if (count >= threshold && ((input.shown[c] as number) & bit) !== 0) start.push(c);
  }
  // Each person's atom is the list of start cells they are in, ascending: a path in a trie grown
  // cell by cell (node 0 is no cell), so ten thousand people need no list or key of their own.
  const nodeOf = new Int32Array(values.length);
  const parentOf = [-1];
  const cellOf = [-1];
  const child = new Map<number, number>();
  for (const c of start) {
    for (let at = memberStart[c] as number; at < (memberStart[c + 1] as number); at++) {
      const person = members[at] as number;
      if (!has(person)) continue;
      const node = nodeOf[person] as number;
      const step = node * cells + c;
      let next = child.get(step);
      if (next === undefined) {
        next = parentOf.length;
        parentOf.push(node);
        cellOf.push(c);
        child.set(step, next);
      }
      nodeOf[person] = next;
    }
  }
  // Atoms are the nodes someone ends at, numbered in node order.
  const atomOfNode = new Int32Array(parentOf.length).fill(-1);
  for (const node of nodeOf) atomOfNode[node] = 0;
  let atoms = 0;
  const atomCells: number[] = [];
  const atomStart = [0];
  atomOfNode.forEach((flag, node) => {
    if (flag < 0) return;
    atomOfNode[node] = atoms++;
    const path: number[] = [];
    for (let at = node; at > 0; at = parentOf[at] as number) path.push(cellOf[at] as number);
    atomCells.push(...path.reverse());
    atomStart.push(atomCells.length);
  });
  const atomOf = new Int32Array(values.length);
  const atomSize = new Int32Array(atoms);
  let people = 0;
  nodeOf.forEach((node, person) => {
    const atom = atomOfNode[node] as number;
    atomOf[person] = atom;
    if (!has(person)) return;
    atomSize[atom] = (atomSize[atom] as number) + 1;
    people += 1;
  });
  return {
    dimension: input.dimension,
    people,
    totalStart: ((input.shown[cells] as number) & bit) !== 0 && people >= threshold,
    start: Int32Array.from(start),
    memberCount,
    atomOf,
    atomStart: Int32Array.from(atomStart),
    atomCells: Int32Array.from(atomCells),
    atomSize,
  };
}

const MAGIC = 0x5646_4f46; // the bytes "FOFV"
const VERSION = 1;
const HEADER_AT = 12;
/** A figure kept in hundredths (-32768: no figure). */
const NO_FIGURE = -32768;
const DIMENSIONS = DIMENSION_KEYS.length;

interface Header {
  threshold: number;
  people: number;
  /** The names, or null when they are uuids kept as 16 bytes each. */
  names: string[] | null;
  nameCount: number;
  cells: [string, string][];
  members: number;
  /** "centi": every figure has at most two decimals and is kept in hundredths (int16). */
  values: "centi" | "float64";
  baseOf: number[];
  bases: {
    dimension: number;
    people: number;
    totalStart: boolean;
    start: number[];
    atoms: number;
    atomCells: number;
  }[];
  /** Per dimension: the whole organisation's mean, null without a figure. */
  totals: (number | null)[];
  bands: number[];
}

const align8 = (offset: number) => Math.ceil(offset / 8) * 8;

/** Whether every figure reads back exactly from its hundredths. */
function inHundredths(values: readonly Float64Array[]): boolean {
  for (const list of values) {
    for (const value of list) {
      if (Number.isNaN(value)) continue;
      const centi = Math.round(value * 100);
      if (centi / 100 !== value || Math.abs(centi) >= -NO_FIGURE) return false;
    }
  }
  return true;
}

type Section = readonly [name: string, bytes: number];

/** The sections after the header, in order, each from an 8-byte boundary. */
function sections(header: Header): Section[] {
  const cells = header.cells.length;
  const list: Section[] = [
    ["values", DIMENSIONS * header.people * (header.values === "centi" ? 2 : 8)],
    ["means", cells * DIMENSIONS * 8],
    ["names", header.names === null ? header.nameCount * 16 : 0],
    ["nameIndex", header.nameCount * 4],
    ["memberStart", (cells + 1) * 4],
    ["members", header.members * 4],
    ["shown", cells + 1],
  ];
  header.bases.forEach((base, b) => {
    list.push(
      [`atomOf${b}`, header.people * 4],
      [`atomStart${b}`, (base.atoms + 1) * 4],
      [`atomCells${b}`, base.atomCells * 4],
      [`atomSize${b}`, base.atoms * 4],
      [`memberCount${b}`, cells * 4],
    );
  });
  return list;
}

/** Where each section starts, and the whole length. */
function layout(header: Header, headerLength: number) {
  const at = new Map<string, number>();
  let size = align8(HEADER_AT + headerLength);
  for (const [name, length] of sections(header)) {
    at.set(name, size);
    size = align8(size + length);
  }
  return { at: (name: string) => at.get(name) as number, size };
}

/**
 * The bytes a compact view is kept as: the word "FOFV", the format's version, the header's length,
 * the header (JSON: k, counts, cell keys and labels, the names unless they are uuids, each base's
 * start cells, the totals and bands), then each from an 8-byte boundary: the figures (hundredths
 * as int16 when every figure has at most two decimals, else float64), the cells' means (float64),
 * the uuids (16 bytes each), the name indexes, cell starts and members (int32), the shown bits,
 * and per base its atoms and member counts (int32), all little-endian whatever the platform.
 */
export function encodeOrgView(view: CompactOrgView): Uint8Array {
  const list = view.names instanceof SortedNames ? view.names.list : null;
  const packed = list === null || list.every((name) => UUID.test(name));
  const header: Header = {
    threshold: view.threshold,
    people: view.people,
    names: packed ? null : [...(list ?? [])],
    nameCount: view.names.size,
    cells: view.cells.map((cell) => [cell.key, cell.label]),
    members: view.members.length,
    values: inHundredths(view.values) ? "centi" : "float64",
    baseOf: [...view.baseOf],
    bases: view.bases.map((base) => ({
      dimension: base.dimension,
      people: base.people,
      totalStart: base.totalStart,
      start: [...base.start],
      atoms: base.atomSize.length,
      atomCells: base.atomCells.length,
    })),
    totals: [...view.totals].map((value) => (Number.isNaN(value) ? null : value)),
    bands: [...view.bands],
  };
  const json = new TextEncoder().encode(JSON.stringify(header));
  const { at, size } = layout(header, json.length);
  const bytes = new Uint8Array(size);
  const data = new DataView(bytes.buffer);
  data.setUint32(0, MAGIC, true);
  data.setUint16(4, VERSION, true);
  data.setUint32(8, json.length, true);
  bytes.set(json, HEADER_AT);
  let offset = at("values");
  for (const values of view.values) {
    for (const value of values) {
      if (header.values === "centi") {
        data.setInt16(offset, Number.isNaN(value) ? NO_FIGURE : Math.round(value * 100), true);
        offset += 2;
      } else {
        data.setFloat64(offset, value, true);
        offset += 8;
      }
    }
  }
  offset = at("means");
  for (const value of view.means) {
    data.setFloat64(offset, value, true);
    offset += 8;
  }
  if (packed) {
    const start = at("names");
    if (view.names instanceof PackedUuids) bytes.set(view.names.bytes, start);
    else
      list?.forEach((name, i) => {
        uuidBytes(name, bytes, start + i * 16);
      });
  }
  const ints: [string, Int32Array][] = [
    ["nameIndex", view.nameIndex],
    ["memberStart", view.memberStart],
    ["members", view.members],
  ];
  view.bases.forEach((base, b) => {
    ints.push(
      [`atomOf${b}`, base.atomOf],
      [`atomStart${b}`, base.atomStart],
      [`atomCells${b}`, base.atomCells],
      [`atomSize${b}`, base.atomSize],
      [`memberCount${b}`, base.memberCount],
    );
  });
  for (const [name, values] of ints) {
    offset = at(name);
    for (const value of values) {
      data.setInt32(offset, value, true);
      offset += 4;
    }
  }
  bytes.set(view.shown, at("shown"));
  return bytes;
}

const littleEndian = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/** `count` int32 at `offset`: a view of the buffer on a little-endian platform, else a copy. */
function int32s(buffer: ArrayBuffer, offset: number, count: number): Int32Array {
  if (littleEndian) return new Int32Array(buffer, offset, count);
  const data = new DataView(buffer);
  const list = new Int32Array(count);
  for (let i = 0; i < count; i++) list[i] = data.getInt32(offset + i * 4, true);
  return list;
}

function float64s(buffer: ArrayBuffer, offset: number, count: number): Float64Array {
  if (littleEndian) return new Float64Array(buffer, offset, count);
  const data = new DataView(buffer);
  const list = new Float64Array(count);
  for (let i = 0; i < count; i++) list[i] = data.getFloat64(offset + i * 8, true);
  return list;
}

function figures(buffer: ArrayBuffer, offset: number, people: number, centi: boolean): Float64Array[] {
  const data = new DataView(buffer);
  return DIMENSION_KEYS.map((_, d) => {
    if (!centi) return float64s(buffer, offset + d * people * 8, people);
    const list = new Float64Array(people);
    const start = offset + d * people * 2;
    for (let i = 0; i < people; i++) {
      const value = data.getInt16(start + i * 2, true);
      list[i] = value === NO_FIGURE ? Number.NaN : value / 100;
    }
    return list;
  });
}

/** Whether every value lies in 0 … limit - 1. */
function allBelow(list: ArrayLike<number>, limit: number): boolean {
  for (let i = 0; i < list.length; i++) {
    const value = list[i] as number;
    if (!(value >= 0 && value < limit)) return false;
  }
  return true;
}

/** Whether `starts` runs from 0 to `length` without going back. */
function runsOver(starts: Int32Array, length: number): boolean {
  if (starts[0] !== 0 || starts[starts.length - 1] !== length) return false;
  for (let i = 1; i < starts.length; i++) if ((starts[i] as number) < (starts[i - 1] as number)) return false;
  return true;
}

/** The compact view kept as `encodeOrgView`'s bytes; refuses bytes that are not one, whole. */
export function decodeOrgView(stored: Uint8Array): CompactOrgView {
  // A copy of our own, aligned for the typed arrays: a driver's buffer may be a slice of a pool
  // (and a Node Buffer's own slice() is a view, not a copy).
  const bytes = new Uint8Array(stored);
  const buffer = bytes.buffer;
  const data = new DataView(buffer);
  if (bytes.length < HEADER_AT || data.getUint32(0, true) !== MAGIC)
    throw new StoredOrgViewError("not a stored organisation view");
  const version = data.getUint16(4, true);
  if (version !== VERSION) throw new StoredOrgViewError(`stored organisation view of version ${version}`);
  const headerLength = data.getUint32(8, true);
  if (HEADER_AT + headerLength > bytes.length)
    throw new StoredOrgViewError("stored organisation view cut short");
  const header = JSON.parse(
    new TextDecoder().decode(bytes.subarray(HEADER_AT, HEADER_AT + headerLength)),
  ) as Header;
  const { people, cells } = header;
  const { at, size } = layout(header, headerLength);
  if (size !== bytes.length) throw new StoredOrgViewError("stored organisation view of the wrong length");
  const fail = (what: string) => {
    throw new StoredOrgViewError(`stored organisation view ${what}`);
  };
  const names =
    header.names === null
      ? new PackedUuids(bytes.subarray(at("names"), at("names") + header.nameCount * 16))
      : new SortedNames(header.names);
  const nameIndex = int32s(buffer, at("nameIndex"), header.nameCount);
  const memberStart = int32s(buffer, at("memberStart"), cells.length + 1);
  const members = int32s(buffer, at("members"), header.members);
  if (names.size !== header.nameCount || !allBelow(nameIndex, people) || !allBelow(members, people))
    fail("names a person it does not hold");
  if (!runsOver(memberStart, header.members)) fail("has cells that do not cover its members");
  if (header.baseOf.length !== DIMENSIONS || !allBelow(header.baseOf, header.bases.length))
    fail("has a dimension without a base");
  const bases = header.bases.map((base, b): CompactBase => {
    const atomOf = int32s(buffer, at(`atomOf${b}`), people);
    const atomStart = int32s(buffer, at(`atomStart${b}`), base.atoms + 1);
    const atomCells = int32s(buffer, at(`atomCells${b}`), base.atomCells);
    if (
      !allBelow(atomOf, base.atoms) ||
      !runsOver(atomStart, base.atomCells) ||
      !allBelow(atomCells, cells.length)
    )
      fail("has an atom it does not hold");
    if (!allBelow(base.start, cells.length) || !allBelow([base.dimension], DIMENSIONS))
      fail("starts from a cell it does not hold");
    return {
      dimension: base.dimension,
      people: base.people,
      totalStart: base.totalStart,
      start: Int32Array.from(base.start),
      memberCount: int32s(buffer, at(`memberCount${b}`), cells.length),
      atomOf,
      atomStart,
      atomCells,
      atomSize: int32s(buffer, at(`atomSize${b}`), base.atoms),
    };
  });
  const shown = bytes.subarray(at("shown"), at("shown") + cells.length + 1);
  return {
    threshold: header.threshold,
    people,
    names,
    nameIndex,
    values: figures(buffer, at("values"), people, header.values === "centi"),
    cells: cells.map(([key, label]) => ({ key, label })),
    memberStart,
    members,
    shown,
    baseOf: Int32Array.from(header.baseOf),
    bases,
    means: float64s(buffer, at("means"), cells.length * DIMENSIONS),
    totals: Float64Array.from(header.totals, (value) => value ?? Number.NaN),
    bands: Int32Array.from(header.bands),
  };
}
