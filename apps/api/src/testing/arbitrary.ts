// Test-only: fast-check inputs from a zod input schema, for the fuzz suite. The schema goes through
// z.toJSONSchema (input side), so whatever zod can describe is covered, and a construct this
// walker does not know fails loudly instead of being skipped. Each node gives two arbitraries:
// `valid` (what the schema accepts, as far as JSON Schema says) and `mixed` (mostly valid, with
// near-valid values: a bound off by one, a missing or unknown key, a wrong type, a hostile value).
import fc from "fast-check";
import { z } from "zod";
import { nasty } from "./nasties";

export interface Pair {
  valid: fc.Arbitrary<unknown>;
  mixed: fc.Arbitrary<unknown>;
}

type Node = Record<string, unknown>;

export interface WalkOptions {
  /**
   * Values for uuid-formatted strings, given the name of the property they are for (`planId`,
   * `memberIds`): real ids of both organisations, mostly of the kind the name says.
   */
  uuid: (field: string | undefined) => fc.Arbitrary<string>;
  /** Values for e-mail-formatted strings. */
  email: fc.Arbitrary<string>;
  /** Arbitraries for a property of this name, whatever its schema (answers, tokens, dates...). */
  byKey: Record<string, Pair>;
}

interface Walk {
  root: Node;
  options: WalkOptions;
  /** The property this node is the value of (for the hints). */
  key: string | undefined;
  /** The nearest property name above, through arrays and unions (what kind of id this is). */
  field: string | undefined;
}

/** The arbitraries of a zod schema (a procedure's input parser). */
export function arbitraryOf(schema: unknown, options: WalkOptions): Pair {
  const root = z.toJSONSchema(schema as z.ZodType, { io: "input", unrepresentable: "any" }) as Node;
  return walk(root, { root, options, key: undefined, field: undefined });
}

/** Mostly the valid value; sometimes a near-valid one of this node; now and then a hostile one. */
function mix(valid: fc.Arbitrary<unknown>, near: fc.Arbitrary<unknown>[]): fc.Arbitrary<unknown> {
  return fc.oneof({ arbitrary: valid, weight: 5 }, ...near.map((arbitrary) => ({ arbitrary, weight: 1 })), {
    arbitrary: nasty,
    weight: 1,
  });
}

const pair = (valid: fc.Arbitrary<unknown>, near: fc.Arbitrary<unknown>[]): Pair => ({
  valid,
  mixed: mix(valid, near),
});

function walk(node: Node | boolean, w: Walk): Pair {
  if (node === true) return anything();
  if (node === false) throw new Error("no generator for the schema `false`");
  const hinted = w.key && Object.hasOwn(w.options.byKey, w.key) ? w.options.byKey[w.key] : undefined;
  if (hinted) return hinted;
  if (typeof node.$ref === "string") return walk(resolveRef(node.$ref, w.root), w);
  const branches = (node.anyOf ?? node.oneOf) as Node[] | undefined;
  if (branches) {
    const pairs = branches.map((branch) => walk(branch, w));
    return {
      valid: fc.oneof(...pairs.map((p) => p.valid)),
      mixed: fc.oneof(...pairs.map((p) => p.mixed)),
    };
  }
  if (Array.isArray(node.allOf)) return walk(mergeAll(node.allOf as Node[]), w);
  if ("const" in node) return pair(fc.constant(node.const), [fc.constant(`${String(node.const)}x`)]);
  if (Array.isArray(node.enum)) return enumeration(node.enum);
  if (Array.isArray(node.type)) return walk({ anyOf: node.type.map((type) => ({ ...node, type })) }, w);
  switch (node.type) {
    case "string":
      return stringOf(node, w);
    case "integer":
    case "number":
      return numberOf(node);
    case "boolean":
      return pair(fc.boolean(), [fc.constantFrom("true", 1, 0, null)]);
    case "null":
      return pair(fc.constant(null), [fc.constantFrom("null", 0, "")]);
    case "array":
      return arrayOf(node, w);
    case "object":
      return objectOf(node, w);
    case undefined:
      if (Object.keys(node).every((key) => ANNOTATIONS.has(key))) return anything();
  }
  throw new Error(`no generator for the schema node ${JSON.stringify(node).slice(0, 300)}`);
}

const ANNOTATIONS = new Set(["$schema", "default", "description", "title", "examples", "$id"]);

function anything(): Pair {
  return pair(fc.jsonValue({ maxDepth: 2 }), []);
}

function resolveRef(ref: string, root: Node): Node {
  const match = /^#\/(\$defs|definitions)\/(.+)$/.exec(ref);
  const target = match ? (root[match[1] ?? ""] as Record<string, Node> | undefined)?.[match[2] ?? ""] : null;
  if (ref === "#") return root;
  if (!target) throw new Error(`no generator for the reference ${ref}`);
  return target;
}

function mergeAll(parts: Node[]): Node {
  if (!parts.every((part) => part.type === "object")) {
    throw new Error(`no generator for allOf over ${JSON.stringify(parts).slice(0, 300)}`);
  }
  return {
    type: "object",
    properties: Object.assign({}, ...parts.map((part) => part.properties ?? {})),
    required: parts.flatMap((part) => (part.required as string[] | undefined) ?? []),
  };
}

function enumeration(values: unknown[]): Pair {
  const strings = values.filter((v): v is string => typeof v === "string");
  const near =
    strings.length > 0 ? [fc.constantFrom(...strings.map((s) => s.toUpperCase()), "", "other")] : [];
  return pair(fc.constantFrom(...values), near);
}

const DAY = 86_400_000;
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
/**
 * Dates mostly in the next two months (deadlines and cycle days must be ahead, in order, within a
 * year), some around today, and any from 1900 to 2200.
 */
const dates = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 60 }).map((days) => new Date(Date.now() + days * DAY)), weight: 3 },
  fc.integer({ min: -400, max: 400 }).map((days) => new Date(Date.now() + days * DAY)),
  fc.date({ min: new Date("1900-01-01"), max: new Date("2200-01-01"), noInvalidDate: true }),
);
export const dayString: Pair = pair(dates.map(isoDay), [
  fc.constantFrom(
    "2026-02-30",
    "2026-13-01",
    "2026-00-10",
    "0000-01-01",
    "9999-12-31",
    "20261231",
    "2026-1-1",
  ),
  fc.constantFrom("+275760-09-13", "-000001-01-01", "2026-12-31T00:00:00Z", "tomorrow"),
]);
const dateTimeString: Pair = pair(
  dates.map((d) => d.toISOString()),
  [
    fc.constantFrom(
      "2026-12-01T25:00:00Z",
      "2026-12-32T00:00:00Z",
      "2026-12-01 10:00",
      "2026-12-01T10:00:00",
    ),
    fc.constantFrom("+275760-09-13T00:00:00.000Z", "-000001-01-01T00:00:00Z", "0000-01-01T00:00:00+14:00"),
  ],
);

function stringOf(node: Node, w: Walk): Pair {
  switch (node.format) {
    case "uuid": {
      const ids = w.options.uuid(w.field);
      return pair(ids, [
        ids.map((id) => id.toUpperCase()),
        ids.map((id) => `${id} `),
        ids.map((id) => id.slice(0, 35)),
        fc.constantFrom("not-an-id", "00000000-0000-0000-0000-000000000000", "1"),
      ]);
    }
    case "date":
      return dayString;
    case "date-time":
      return dateTimeString;
    case "email":
      return pair(w.options.email, [
        fc.constantFrom("no-at-sign", "a@b", " Admin@Alpha.Test ", `a@${"x".repeat(320)}.test`),
        fc.emailAddress().map((email) => email.toUpperCase()),
      ]);
  }
  return plainString(node);
}

function plainString(node: Node): Pair {
  const min = (node.minLength as number | undefined) ?? 0;
  const max = (node.maxLength as number | undefined) ?? 10_000;
  const pattern = typeof node.pattern === "string" ? new RegExp(node.pattern) : null;
  const fit = (s: string) => (s.length >= min ? s : s.padEnd(min, s || "a")).slice(0, max);
  const text = fc.oneof(
    fc.string({ maxLength: Math.min(max, 40), unit: "grapheme-ascii" }),
    fc.string({ maxLength: Math.min(max, 40), unit: "grapheme" }),
    fc.lorem({ maxCount: 6 }),
  );
  const valid = pattern ? fc.stringMatching(pattern).map(fit) : text.map(fit);
  const near: fc.Arbitrary<unknown>[] = [
    fc.constantFrom(...boundaryLengths(min, max).map((n) => "b".repeat(n))),
    text.map((s) => `  ${s}  `),
    fc.constantFrom(0, 42, true, ["text"]),
  ];
  return pair(valid, near);
}

/** Lengths just inside and just outside the bounds (not the huge ones: the nasties have those). */
function boundaryLengths(min: number, max: number): number[] {
  const lengths = [min, min + 1, max, max + 1, Math.max(min - 1, 0)];
  return [...new Set(lengths.filter((n) => n <= 100_000))];
}

function numberOf(node: Node): Pair {
  const integer = node.type === "integer";
  const lowest = (node.minimum as number | undefined) ?? (node.exclusiveMinimum as number | undefined);
  const highest = (node.maximum as number | undefined) ?? (node.exclusiveMaximum as number | undefined);
  const min = Math.max(lowest ?? -1_000_000, Number.MIN_SAFE_INTEGER);
  const max = Math.min(highest ?? 1_000_000, Number.MAX_SAFE_INTEGER);
  const valid = integer
    ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) })
    : fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
  const edges = [min, max, min - 1, max + 1, min + 0.5, -1, 0, 2.5, -0.25, 1e21];
  return pair(valid, [fc.constantFrom(...edges), fc.constantFrom("3", "", null, [1])]);
}

function arrayOf(node: Node, w: Walk): Pair {
  const min = (node.minItems as number | undefined) ?? 0;
  const max = (node.maxItems as number | undefined) ?? 20;
  if (Array.isArray(node.prefixItems)) {
    const items = (node.prefixItems as Node[]).map((item) => walk(item, { ...w, key: undefined }));
    return pair(fc.tuple(...items.map((i) => i.valid)), [fc.tuple(...items.map((i) => i.mixed))]);
  }
  const item = walk((node.items as Node | undefined) ?? true, { ...w, key: undefined });
  const span = { minLength: min, maxLength: Math.min(max, min + 6) };
  const near: fc.Arbitrary<unknown>[] = [
    fc.array(item.mixed, span),
    fc.constantFrom({ 0: "not an array" }, "[]"),
  ];
  if (min > 0) near.push(fc.array(item.valid, { maxLength: min - 1 }));
  if (max < 200) near.push(fc.array(item.valid, { minLength: max + 1, maxLength: max + 1 }));
  return pair(fc.array(item.valid, span), near);
}

/** The value with an own `__proto__` key in front, as JSON.parse makes it from a request body. */
function withProtoKey(value: unknown): unknown {
  const rest = JSON.stringify(value).slice(1);
  return JSON.parse(`{"__proto__": {"isAdmin": true}${rest === "}" ? "" : ","} ${rest}`);
}

function objectOf(node: Node, w: Walk): Pair {
  const properties = (node.properties as Record<string, Node> | undefined) ?? {};
  const required = (node.required as string[] | undefined) ?? [];
  const extra = node.additionalProperties;
  const keys = Object.keys(properties);
  if (keys.length === 0 && extra && typeof extra === "object") {
    const value = walk(extra as Node, { ...w, key: undefined });
    const key = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom("__proto__", "\u0000", "\uD800"));
    return pair(fc.dictionary(key, value.valid, { maxKeys: 5 }), [
      fc.dictionary(key, value.mixed, { maxKeys: 5 }),
    ]);
  }
  const props = Object.fromEntries(
    keys.map((key) => [key, walk(properties[key] ?? true, { ...w, key, field: key })]),
  );
  const model = (side: keyof Pair) => Object.fromEntries(keys.map((key) => [key, props[key]?.[side]]));
  const valid = fc.record(model("valid") as Record<string, fc.Arbitrary<unknown>>, {
    requiredKeys: required,
  });
  const mixed = fc.record(model("mixed") as Record<string, fc.Arbitrary<unknown>>, {
    requiredKeys: required,
  });
  const near: fc.Arbitrary<unknown>[] = [
    mixed,
    mixed,
    valid.map((value) => ({ ...(value as object), unexpected: "key" })),
    valid.map(withProtoKey),
  ];
  if (required.length > 0) {
    near.push(
      fc
        .tuple(valid, fc.constantFrom(...required))
        .map(([value, key]) =>
          Object.fromEntries(Object.entries(value as object).filter(([k]) => k !== key)),
        ),
    );
  }
  return pair(valid, near);
}
