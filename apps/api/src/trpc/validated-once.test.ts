import { describe, expect, it } from "vitest";
import { z } from "zod";
import { deepFreeze } from "../services/freeze";
import { validatedOnce } from "./validated-once";

function counted() {
  let checks = 0;
  const schema = z.object({ name: z.string(), figures: z.array(z.number()) }).refine(() => {
    checks += 1;
    return true;
  });
  return { schema, checks: () => checks };
}

describe("validatedOnce", () => {
  it("checks a frozen answer once and returns the same stripped, frozen result after", async () => {
    const { schema, checks } = counted();
    const once = validatedOnce(schema);
    const answer = deepFreeze({ name: "Mei", figures: [3.4], secret: "not in the schema" });
    const first = await once.parseAsync(answer);
    const second = await once.parseAsync(answer);
    expect(first).toEqual({ name: "Mei", figures: [3.4] });
    expect(second).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.figures)).toBe(true);
    expect(checks()).toBe(1);
  });

  it("checks every answer that is not frozen, every time, as the schema alone would", async () => {
    const { schema, checks } = counted();
    const once = validatedOnce(schema);
    const answer = { name: "Mei", figures: [3.4] };
    await once.parseAsync(answer);
    answer.figures.push(Number.NaN); // a mutable answer may change between calls
    await expect(once.parseAsync(answer)).rejects.toThrow();
    expect(checks()).toBe(1); // the refine never ran on the failing one: the array check failed first
  });

  it("never remembers a frozen answer that fails, and keeps the schema's shape for documents", async () => {
    const { schema } = counted();
    const once = validatedOnce(schema);
    const bad = deepFreeze({ name: 7, figures: [] });
    await expect(once.parseAsync(bad)).rejects.toThrow();
    await expect(once.parseAsync(bad)).rejects.toThrow();
    expect(once).toBeInstanceOf(z.ZodType);
    expect(z.toJSONSchema(once)).toEqual(z.toJSONSchema(schema));
  });
});
