// Every contract module at once: no output schema lets an undeclared key through (so a column added
// to a table can never reach a caller by accident), and the cycles contract reads its inputs as the
// issue names them and refuses keys it does not know (a cycleId sent where none is expected).
import { describe, expect, it } from "vitest";
import { z } from "zod";
import * as admin from "./admin";
import * as audit from "./audit";
import * as collect from "./collect";
import * as cycles from "./cycles";
import * as dashboards from "./dashboards";
import * as followups from "./followups";
import * as grow from "./grow";
import * as platform from "./platform";
import * as reports from "./reports";

const modules = { admin, audit, collect, cycles, dashboards, followups, grow, platform, reports };
const ID = "5b0f7c1e-4a8b-4c3d-9e2f-0a1b2c3d4e5f";

/** Every object schema inside a schema (through arrays, optionals, nullables, unions, records). */
function objectsIn(schema: z.ZodType, seen = new Set<z.ZodType>()): z.ZodObject[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const children: z.ZodType[] = [];
  for (const key of ["innerType", "element", "valueType", "in", "out", "left", "right"]) {
    if (def[key] instanceof z.ZodType) children.push(def[key] as z.ZodType);
  }
  if (Array.isArray(def.options)) children.push(...(def.options as z.ZodType[]));
  if (schema instanceof z.ZodObject) children.push(...(Object.values(schema.shape) as z.ZodType[]));
  const own = schema instanceof z.ZodObject ? [schema] : [];
  return [...own, ...children.flatMap((child) => objectsIn(child, seen))];
}

describe("the contract", () => {
  it("never passes an undeclared key through, in any output of any area", () => {
    let outputs = 0;
    for (const [area, exports] of Object.entries(modules)) {
      for (const [name, value] of Object.entries(exports)) {
        if (!(value instanceof z.ZodType) || !/Output$/.test(name)) continue;
        outputs += 1;
        for (const object of objectsIn(value)) {
          const catchall = (object._zod.def as { catchall?: z.ZodType }).catchall;
          // z.object strips and z.strictObject refuses (catchall never); z.looseObject or any other
          // catchall would let keys through.
          if (catchall !== undefined) expect(catchall, `${area}.${name}`).toBeInstanceOf(z.ZodNever);
        }
      }
    }
    expect(outputs).toBeGreaterThan(30);
  });
});

describe("the cycles contract", () => {
  const valid = {
    name: "  Spring  ",
    population: { teamIds: [ID] },
    nominationsCloseOn: "2027-03-01",
    answersDueOn: "2027-03-15",
    releaseOn: "2027-03-22",
  };

  it("reads a cycle as the issue names it, trimming the name", () => {
    expect(cycles.createCycleInput.parse(valid).name).toBe("Spring");
    expect(cycles.createCycleInput.parse({ ...valid, rules: { peers: { max: 5 } } }).rules).toEqual({
      peers: { max: 5 },
    });
  });

  it("refuses unknown keys, a population of none of the four kinds, and a day that is not a day", () => {
    expect(cycles.createCycleInput.safeParse({ ...valid, cycleId: ID }).success).toBe(false);
    expect(cycles.createCycleInput.safeParse({ ...valid, population: { everybody: true } }).success).toBe(
      false,
    );
    expect(cycles.createCycleInput.safeParse({ ...valid, population: { teamIds: [] } }).success).toBe(false);
    expect(cycles.createCycleInput.safeParse({ ...valid, releaseOn: "2027-02-30" }).success).toBe(false);
    expect(cycles.analyticsOrgInput.safeParse({ cycleId: ID, by: "salary" }).success).toBe(false);
    expect(cycles.extendCycleInput.safeParse({ cycleId: ID, phase: "draft", on: "2027-03-20" }).success).toBe(
      false,
    );
  });

  it("takes between one and a thousand decisions at once", () => {
    const decision = { nominationId: ID, approve: true };
    expect(cycles.decideManyNominationsInput.safeParse({ decisions: [] }).success).toBe(false);
    expect(cycles.decideManyNominationsInput.safeParse({ decisions: [decision] }).success).toBe(true);
    expect(
      cycles.decideManyNominationsInput.safeParse({ decisions: Array.from({ length: 1001 }, () => decision) })
        .success,
    ).toBe(false);
  });

  it("keeps hidden cells as null in the organisation view", () => {
    const cell = { key: "t", label: "T", people: null, dimensions: null };
    const parsed = cycles.analyticsOrgOutput.parse({
      cycleId: ID,
      by: "team",
      threshold: 3,
      total: cell,
      cells: [{ ...cell, secret: "x" }],
      participation: { invited: 0, answered: 0, rate: null },
      distribution: { inspire: [null], vision: [], empower: [], dream: [], risk: [] },
    });
    expect(parsed.cells[0]).toEqual(cell);
  });
});
