// The organisation view against the attacks of a reader who sees every cell: subtracting a team
// from its department, the whole organisation from its teams, and two teams that share people. The
// property checks, by exact linear algebra, that no combination of the shown cell sums is a function
// of fewer than k unreadable people's figures, whatever the cells.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rank, subsets } from "../anonymity/testing/linear";
import { DIMENSION_KEYS } from "../instrument";
import {
  type CellDefinition,
  cellDeltas,
  dimensionDistribution,
  type OrgView,
  organisationView,
  type PersonFigures,
  reportingLevels,
} from "./analytics";

const people = (count: number, prefix = "p"): string[] =>
  Array.from({ length: count }, (_, i) => `${prefix}${i}`);
const figuresFor = (ids: readonly string[], value: (id: string, index: number) => number): PersonFigures[] =>
  ids.map((personId, index) => ({
    personId,
    dimensions: Object.fromEntries(DIMENSION_KEYS.map((key) => [key, value(personId, index)])),
  }));

/** Sets of fewer than k unknown people some combination of shown sums isolates, for one dimension. */
function isolated(
  view: OrgView,
  cells: readonly CellDefinition[],
  everyone: readonly string[],
  known: ReadonlySet<string>,
  k: number,
) {
  const unknown = everyone.filter((id) => !known.has(id));
  const rows: number[][] = [];
  const row = (members: readonly string[]) => unknown.map((id) => (members.includes(id) ? 1 : 0));
  if (view.total.dimensions?.inspire) rows.push(row(everyone));
  view.cells.forEach((cell, index) => {
    if (cell.dimensions?.inspire) rows.push(row((cells[index] as CellDefinition).memberIds));
  });
  if (rows.length === 0) return [];
  const full = rank(rows);
  const leaks: number[][] = [];
  for (const group of subsets(
    unknown.map((_, i) => i),
    k - 1,
  )) {
    const reduced = rows.map((r) => r.filter((_, column) => !group.includes(column)));
    if (rank(reduced) < full) leaks.push(group);
  }
  return leaks;
}

describe("organisation view: complementary suppression", () => {
  it("stops the team-inside-department subtraction (department minus team leaves two people)", () => {
    const team = people(5, "t");
    const department = [...team, "x", "y"];
    const cells = [
      { key: "dept", label: "Sales", memberIds: department },
      { key: "team", label: "Sales East", memberIds: team },
    ];
    const figures = figuresFor(department, (_, i) => 1 + (i % 5));
    const view = organisationView({ figures, cells, threshold: 3 });
    // Without suppression, dept × 7 − team × 5 would be x + y: two people's figures.
    const shown = view.cells.filter((cell) => cell.dimensions?.inspire);
    expect(shown.length).toBeLessThanOrEqual(1);
    // The checker sees the attack when both cells are shown, as they were before the defence.
    const naive: OrgView = {
      total: { ...view.total, dimensions: null },
      cells: view.cells.map((cell) => ({ ...cell, dimensions: view.total.dimensions })),
    };
    expect(isolated(naive, cells, department, new Set(), 3)).toContainEqual([5, 6]);
    expect(isolated(view, cells, department, new Set(), 3)).toEqual([]);
  });

  it("stops the whole-organisation-minus-its-teams subtraction (one person in no team)", () => {
    const a = people(4, "a");
    const b = people(4, "b");
    const everyone = [...a, ...b, "ceo"];
    const cells = [
      { key: "a", label: "A", memberIds: a },
      { key: "b", label: "B", memberIds: b },
    ];
    const view = organisationView({
      figures: figuresFor(everyone, (_, i) => 2 + (i % 3)),
      cells,
      threshold: 3,
    });
    expect(view.total.dimensions?.inspire).not.toBeNull();
    expect(view.cells.filter((cell) => cell.dimensions?.inspire)).toHaveLength(1);
    expect(isolated(view, cells, everyone, new Set(), 3)).toEqual([]);
  });

  it("stops the two-teams-sharing-a-person subtraction", () => {
    const a = ["s", ...people(4, "a")];
    const b = ["s", ...people(4, "b")];
    const rest = people(4, "r");
    const everyone = [...new Set([...a, ...b, ...rest])];
    const cells = [
      { key: "a", label: "A", memberIds: a },
      { key: "b", label: "B", memberIds: b },
      { key: "r", label: "R", memberIds: rest },
    ];
    const view = organisationView({
      figures: figuresFor(everyone, (_, i) => 1 + (i % 4)),
      cells,
      threshold: 3,
    });
    expect(isolated(view, cells, everyone, new Set(), 3)).toEqual([]);
  });

  it("counts the reports a reader may read one by one as known: a team of three with the reader in it is hidden", () => {
    const team = ["reader", "p1", "p2"];
    const others = people(6, "o");
    const everyone = [...team, ...others];
    const cells = [{ key: "team", label: "Team", memberIds: team }];
    const figures = figuresFor(everyone, () => 3);
    expect(organisationView({ figures, cells, threshold: 3 }).cells[0]?.dimensions).not.toBeNull();
    const asReader = organisationView({ figures, cells, threshold: 3, knownToReader: new Set(["reader"]) });
    expect(asReader.cells[0]?.dimensions).toBeNull();
    expect(asReader.cells[0]?.people).toBeNull();
  });

  it("shows a cell's mean over its people and how many stand behind it", () => {
    const team = people(4);
    const view = organisationView({
      figures: figuresFor(team, (_, i) => [2, 3, 4, 5][i] as number),
      cells: [{ key: "t", label: "T", memberIds: team }],
      threshold: 3,
    });
    expect(view.cells[0]?.dimensions?.vision).toEqual({ mean: 3.5, people: 4 });
    expect(view.cells[0]?.people).toBe(4);
  });

  it("never isolates fewer than k unreadable people, whatever the cells (property)", () => {
    const arbitrary = fc.record({
      count: fc.integer({ min: 3, max: 16 }),
      k: fc.integer({ min: 3, max: 4 }),
      cells: fc.array(fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 12 }), {
        minLength: 1,
        maxLength: 6,
      }),
      known: fc.array(fc.integer({ min: 0, max: 15 }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(arbitrary, ({ count, k, cells: raw, known: rawKnown }) => {
        const everyone = people(count);
        const cells = raw.map((members, index) => ({
          key: `c${index}`,
          label: `C${index}`,
          memberIds: [...new Set(members.filter((m) => m < count).map((m) => `p${m}`))],
        }));
        const known = new Set(rawKnown.filter((m) => m < count).map((m) => `p${m}`));
        const view = organisationView({
          figures: figuresFor(everyone, (_, i) => 1 + (i % 5)),
          cells,
          threshold: k,
          knownToReader: known,
        });
        expect(isolated(view, cells, everyone, known, k)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("started from the view without known reports, never isolates fewer than k unreadable people and shows nothing that view hides (property)", () => {
    const arbitrary = fc.record({
      count: fc.integer({ min: 3, max: 16 }),
      k: fc.integer({ min: 3, max: 4 }),
      cells: fc.array(fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 12 }), {
        minLength: 1,
        maxLength: 6,
      }),
      known: fc.array(fc.integer({ min: 0, max: 15 }), { minLength: 1, maxLength: 4 }),
    });
    fc.assert(
      fc.property(arbitrary, ({ count, k, cells: raw, known: rawKnown }) => {
        const everyone = people(count);
        const cells = raw.map((members, index) => ({
          key: `c${index}`,
          label: `C${index}`,
          memberIds: [...new Set(members.filter((m) => m < count).map((m) => `p${m}`))],
        }));
        const figures = figuresFor(everyone, (_, i) => 1 + (i % 5));
        const known = new Set(rawKnown.filter((m) => m < count).map((m) => `p${m}`));
        const publicView = organisationView({ figures, cells, threshold: k });
        const shownWithoutKnown = new Map(
          [publicView.total, ...publicView.cells].map((cell) => [
            cell.key,
            new Set(DIMENSION_KEYS.filter((key) => cell.dimensions?.[key])),
          ]),
        );
        const view = organisationView({
          figures,
          cells,
          threshold: k,
          knownToReader: known,
          shownWithoutKnown,
        });
        expect(isolated(view, cells, everyone, known, k)).toEqual([]);
        [view.total, ...view.cells].forEach((cell) => {
          for (const key of DIMENSION_KEYS) {
            if (cell.dimensions?.[key]) expect(shownWithoutKnown.get(cell.key)?.has(key)).toBe(true);
          }
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("deltas, distribution and levels", () => {
  it("gives a change only where both cycles show the figure", () => {
    const team = people(4);
    const cells = [{ key: "t", label: "T", memberIds: team }];
    const now = organisationView({ figures: figuresFor(team, () => 4), cells, threshold: 3 }).cells[0];
    const before = organisationView({ figures: figuresFor(team.slice(0, 3), () => 3.5), cells, threshold: 3 })
      .cells[0];
    expect(now && cellDeltas(now, before)?.inspire).toEqual({ mean: 0.5, people: 3 });
    const hidden = organisationView({ figures: figuresFor(team.slice(0, 2), () => 3), cells, threshold: 3 })
      .cells[0];
    expect(now && cellDeltas(now, hidden)).toBeNull();
  });

  it("hides a band that fewer than k people are in, and another so the hidden ones hold none or k", () => {
    const ids = people(10);
    const value = (_: string, i: number) => (i < 2 ? 1.5 : i < 5 ? 2.5 : 4.2);
    // Band 1–2 holds 2: hidden; alone it would be total minus the rest, so band 2–3 (3) goes too.
    expect(dimensionDistribution(figuresFor(ids, value), 3).inspire).toEqual([null, null, null, 5]);
    // Bands the reader knows people in count only their unknown people.
    expect(dimensionDistribution(figuresFor(ids, value), 3, new Set(["p5", "p6", "p7"])).inspire).toEqual([
      null,
      3,
      null,
      null,
    ]);
  });

  it("numbers reporting levels from the top and survives a loop in the reporting lines", () => {
    const levels = reportingLevels([
      { id: "ceo", managerId: null },
      { id: "vp", managerId: "ceo" },
      { id: "ic", managerId: "vp" },
      { id: "x", managerId: "y" },
      { id: "y", managerId: "x" },
    ]);
    expect([levels.get("ceo"), levels.get("vp"), levels.get("ic")]).toEqual([1, 2, 3]);
    expect(levels.get("x")).toBeGreaterThanOrEqual(1);
  });

  it("climbs a reporting chain 20,000 deep without running out of stack", () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => ({
      id: `c${i}`,
      managerId: i === 0 ? null : `c${i - 1}`,
    }));
    expect(reportingLevels(chain.reverse()).get("c19999")).toBe(20_000);
  });
});
