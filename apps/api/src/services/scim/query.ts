// A SCIM list's query (RFC 7644 §3.4.2): `filter` parsed by scim2-parse-filter, `startIndex`
// (1-based) and `count`. SCIM compares our attributes without regard to case (none is caseExact
// but `id`, and ids are lower-case UUIDs), so filters are tested on a case-folded copy.
import { type Filter, filter as matcher, parse } from "scim2-parse-filter";
import { MAX_RESULTS } from "./discovery";
import { ScimError } from "./errors";

export interface ListQuery {
  filter: Filter | undefined;
  startIndex: number;
  count: number;
}

/** Longer than any filter an identity provider sends; parsing stays cheap. */
const MAX_FILTER_LENGTH = 1_000;

function integer(raw: unknown, name: string, fallback: number): number {
  if (raw === undefined || raw === "") return fallback;
  const value = typeof raw === "string" && /^-?\d{1,9}$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isInteger(value)) throw new ScimError(400, `${name} must be a whole number`, "invalidValue");
  return value;
}

export function parseListQuery(query: Record<string, unknown>): ListQuery {
  const startIndex = Math.max(1, integer(query.startIndex, "startIndex", 1));
  const count = Math.min(MAX_RESULTS, Math.max(0, integer(query.count, "count", MAX_RESULTS)));
  const raw = query.filter;
  if (raw === undefined || raw === "") return { filter: undefined, startIndex, count };
  if (typeof raw !== "string" || raw.length > MAX_FILTER_LENGTH) {
    throw new ScimError(
      400,
      `A filter is one expression of at most ${MAX_FILTER_LENGTH} characters`,
      "invalidFilter",
    );
  }
  let parsed: Filter;
  try {
    parsed = parse(raw);
  } catch {
    throw new ScimError(
      400,
      `The filter ${JSON.stringify(raw)} is not a SCIM filter (RFC 7644 §3.4.2.2)`,
      "invalidFilter",
    );
  }
  return { filter: foldFilter(parsed), startIndex, count };
}

function foldFilter(f: Filter): Filter {
  switch (f.op) {
    case "and":
    case "or":
      return { ...f, filters: f.filters.map(foldFilter) };
    case "not":
      return { ...f, filter: foldFilter(f.filter) };
    case "[]":
      return { ...f, attrPath: f.attrPath.toLowerCase(), valFilter: foldFilter(f.valFilter) };
    case "pr":
      return { ...f, attrPath: f.attrPath.toLowerCase() };
    default: {
      const compare = f as Extract<Filter, { compValue: unknown }>;
      const value =
        typeof compare.compValue === "string" ? compare.compValue.toLowerCase() : compare.compValue;
      return { ...compare, attrPath: compare.attrPath.toLowerCase(), compValue: value };
    }
  }
}

function fold(value: unknown): unknown {
  if (typeof value === "string") return value.toLowerCase();
  if (Array.isArray(value)) return value.map(fold);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k.toLowerCase(), fold(v)]));
  }
  return value;
}

/** The value of `attr eq "…"` when the whole filter is just that (a look-up an index answers). */
export function equalityOn(filter: Filter | undefined, attr: string): string | undefined {
  if (filter?.op !== "eq") return undefined;
  const compare = filter as Extract<Filter, { compValue: unknown }>;
  return compare.attrPath === attr.toLowerCase() && typeof compare.compValue === "string"
    ? compare.compValue
    : undefined;
}

/** The resources the filter selects, then the asked page of them, and how many were selected. */
export function page<T>(resources: T[], query: ListQuery): { items: T[]; total: number } {
  let selected = resources;
  if (query.filter) {
    try {
      const test = matcher(query.filter);
      selected = resources.filter((r) => test(fold(r)));
    } catch {
      throw new ScimError(400, "The filter cannot be applied to these resources", "invalidFilter");
    }
  }
  const from = query.startIndex - 1;
  return { items: selected.slice(from, from + query.count), total: selected.length };
}
