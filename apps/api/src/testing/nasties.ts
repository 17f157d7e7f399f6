// Test-only: hand-picked hostile values for the fuzz suite (issue 14, "Hostile input"), mixed into
// every generated input. Each is something a client can send as JSON: broken or huge text, control
// and direction characters, SQL and HTML fragments, wrong types, absurd numbers, deep nesting.
import fc from "fast-check";

const MEGABYTE = 1_000_000;

/** Built once: the big ones cost time to build, not to reuse. */
export const NASTY_STRINGS: readonly string[] = [
  "\uD800",
  "\uDFFF",
  "before \uDBFF after",
  "pair reversed \uDC00\uD800",
  "\u0000",
  "one\u0000two",
  "",
  " ",
  "\t\n\r",
  "\u202Eevil.exe\u202C",
  "\u200B\u200C\u200D\uFEFF",
  "\u061C\u200F\u200E mixed עברית العربية",
  "\u0007\u001b[31mred\u001b[0m",
  "Z\u0351\u0352\u0353\u0354\u0355\u0356\u0357\u0358\u0359\u035A".repeat(40),
  "👩‍👩‍👧‍👦🏳️‍🌈",
  "'; drop table people; --",
  "' OR '1'='1",
  '" OR ""="',
  "%_\\",
  "$1 $$ $$; select pg_sleep(10); $$",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "javascript:alert(1)",
  "{{7*7}}${7*7}",
  "__proto__",
  "constructor",
  "null",
  "undefined",
  "NaN",
  "-1",
  "1e309",
  "9".repeat(400),
  "2026-02-30",
  "x".repeat(MEGABYTE),
  "é".repeat(MEGABYTE),
  "😀".repeat(MEGABYTE / 2),
  "\u05D0".repeat(MEGABYTE / 4),
  `${"a".repeat(MEGABYTE)}@example.test`,
  "y".repeat(2_000_001),
];

function nested(depth: number, leaf: unknown, asObject: boolean): unknown {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asObject ? { a: value } : [value];
  return value;
}

export const NASTY_VALUES: readonly unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  -1,
  0.5,
  -2.5,
  2.5,
  1e21,
  -1e308,
  Number.MAX_SAFE_INTEGER + 2,
  Number.MIN_SAFE_INTEGER,
  [],
  [null],
  {},
  { "": "" },
  JSON.parse('{"__proto__": {"admin": true}, "constructor": {"prototype": {"x": 1}}}'),
  nested(40, "deep", true),
  nested(10_000, 1, false),
  Array.from({ length: 10_000 }, () => null),
];

/** One hostile value of any kind. */
export const nasty: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY_STRINGS), weight: 3 },
  { arbitrary: fc.constantFrom(...NASTY_VALUES), weight: 2 },
);

/** A hostile value in place of a whole input (a procedure's input is an object, mostly). */
export const nastyInput: fc.Arbitrary<unknown> = fc.oneof(
  nasty,
  fc.constant(undefined),
  fc.jsonValue({ maxDepth: 3 }),
);
