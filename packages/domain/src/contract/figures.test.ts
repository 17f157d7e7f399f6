// carriesFigures finds the marker wherever a schema nests it.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { carriesFigures, figures, isFigures } from "./figures";

const mean = figures(z.number());

describe("figures marker", () => {
  it("marks a copy and leaves the original unmarked", () => {
    const plain = z.number();
    const marked = figures(plain);
    expect(isFigures(marked)).toBe(true);
    expect(isFigures(plain)).toBe(false);
    expect(marked.parse(3)).toBe(3);
  });

  it.each([
    ["an object field", z.object({ id: z.string(), mean })],
    ["an array element", z.array(z.object({ mean }))],
    ["a union option", z.union([z.null(), z.object({ mean })])],
    ["an optional", z.object({ mean: mean.optional() })],
    ["a nullable", z.object({ mean: mean.nullable() })],
    ["a record value", z.record(z.string(), mean)],
    ["a tuple item", z.tuple([z.string(), mean])],
    ["an intersection", z.intersection(z.object({ id: z.string() }), z.object({ mean }))],
    ["a default", z.object({ mean }).default({ mean: 3 })],
    ["a lazy schema", z.lazy(() => z.object({ mean }))],
    ["a pipe", z.unknown().pipe(z.object({ mean }))],
  ])("is found in %s", (_, schema) => {
    expect(carriesFigures(schema)).toBe(true);
  });

  it("is not found where there is none", () => {
    expect(carriesFigures(z.object({ id: z.string(), rows: z.array(z.number().nullable()) }))).toBe(false);
    expect(carriesFigures(z.void())).toBe(false);
  });
});
