import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DIMENSION_KEYS } from "../instrument";
import {
  attentionList,
  blankCellsReason,
  type DimensionCells,
  sortHeatmap,
  type TeamPersonInput,
  teamProfile,
  teamTrend,
} from "./team";

const cells = (value: number | null): DimensionCells =>
  Object.fromEntries(DIMENSION_KEYS.map((k) => [k, value])) as DimensionCells;

const person = (
  id: string,
  others: number | null,
  overrides: Partial<TeamPersonInput> = {},
): TeamPersonInput => ({
  personId: id,
  name: `Person ${id}`,
  latest:
    others === null
      ? null
      : {
          requestId: `r-${id}`,
          releasedAt: "2026-10-01T00:00:00.000Z",
          others: cells(others),
          self: cells(others),
        },
  lastRequestInsufficient: false,
  plan: null,
  ...overrides,
});

describe("teamProfile", () => {
  it("shows a dimension only when at least k people with a report stand behind it", () => {
    const three = [person("a", 3), person("b", 4), person("c", 5), person("d", null)];
    const profile = teamProfile(three, 3);
    expect(profile.vision).toEqual({ mean: 4, people: 3, distribution: [0, 0, 1, 1, 1] });
    expect(teamProfile(three.slice(0, 2), 3).vision).toBeNull();
    expect(teamProfile(three, 4).vision).toBeNull();
  });

  it("counts people per dimension: a hidden cell does not count", () => {
    const partial = person("c", 5);
    if (partial.latest) partial.latest.others.risk = null;
    const profile = teamProfile([person("a", 3), person("b", 4), partial], 3);
    expect(profile.vision?.people).toBe(3);
    expect(profile.risk).toBeNull();
  });

  it("never shows a figure with fewer than k people (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }), { maxLength: 12 }),
        fc.integer({ min: 3, max: 6 }),
        (values, k) => {
          const profile = teamProfile(
            values.map((v, i) => person(String(i), v)),
            k,
          );
          for (const key of DIMENSION_KEYS) {
            const figure = profile[key];
            const behind = values.filter((v) => v !== null).length;
            if (figure) {
              expect(figure.people).toBeGreaterThanOrEqual(k);
              expect(figure.distribution.reduce((a, b) => a + b, 0)).toBe(figure.people);
            } else {
              expect(behind).toBeLessThan(k);
            }
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe("attentionList", () => {
  const now = new Date("2026-11-28T12:00:00Z");

  it("names overdue check-ins, stalled plans, insufficient requests and large blind spots", () => {
    const blind = person("blind", 2.5);
    if (blind.latest) blind.latest.self = { ...cells(3), vision: 4.5, risk: 4.2 };
    const list = attentionList(
      [
        person("ok", 3.5, {
          plan: {
            state: "active",
            progress: 40,
            lastCheckinAt: "2026-11-20T00:00:00Z",
            overdue: false,
            publishedAt: "2026-10-10T00:00:00Z",
          },
        }),
        person("late", 3.5, {
          plan: {
            state: "active",
            progress: 10,
            lastCheckinAt: "2026-10-01T00:00:00Z",
            overdue: true,
            publishedAt: "2026-09-10T00:00:00Z",
          },
        }),
        person("short", null, { lastRequestInsufficient: true }),
        blind,
        person("quiet", 3, {
          plan: {
            state: "active",
            progress: 0,
            lastCheckinAt: null,
            overdue: false,
            publishedAt: "2026-10-01T00:00:00Z",
          },
        }),
        person("closed", 3, {
          plan: {
            state: "closed",
            progress: 100,
            lastCheckinAt: "2026-01-01T00:00:00Z",
            overdue: true,
            publishedAt: "2025-12-01T00:00:00Z",
          },
        }),
      ],
      now,
    );
    expect(list.map((i) => i.personId)).toEqual(["late", "short", "blind", "quiet"]);
    expect(list[0]?.reasons).toEqual([
      "A check-in on their plan is overdue",
      "Their plan has stalled: no check-in for 58 days",
    ]);
    expect(list[1]?.reasons[0]).toMatch(/too few answers/);
    expect(list[2]?.reasons).toEqual([
      "A large blind spot: they rate themselves 2.0 points above others on Set the vision (and 1 more)",
    ]);
    expect(list[3]?.reasons[0]).toMatch(/stalled: no check-in for 58 days/);
  });

  it("respects the rule parameters", () => {
    const blind = person("b", 3);
    if (blind.latest) blind.latest.self = { ...cells(3), empower: 4.1 };
    expect(attentionList([blind], now)).toEqual([]);
    expect(attentionList([blind], now, { blindSpotGap: 1 })).toHaveLength(1);
  });
});

describe("teamTrend", () => {
  it("orders cycles and hides points with fewer than k people", () => {
    const trend = teamTrend(
      [
        {
          cycleId: "b",
          name: "Autumn",
          startsOn: "2026-09-01",
          people: [person("1", 4), person("2", 4), person("3", 4)],
        },
        { cycleId: "a", name: "Spring", startsOn: "2026-03-01", people: [person("1", 3), person("2", 3)] },
      ],
      3,
    );
    expect(trend.map((t) => t.name)).toEqual(["Spring", "Autumn"]);
    expect(trend[0]?.means.vision).toBeNull();
    expect(trend[1]?.means.vision).toEqual({ mean: 4, people: 3 });
  });
});

describe("sortHeatmap", () => {
  const rows = [
    { personId: "1", name: "Cara", cells: cells(3) },
    { personId: "2", name: "Abe", cells: cells(null) },
    { personId: "3", name: "Bo", cells: cells(4.5) },
    { personId: "4", name: "Al", cells: cells(3) },
  ];
  it("sorts by a dimension with blanks last, ties by name", () => {
    expect(sortHeatmap(rows, "vision", "desc").map((r) => r.name)).toEqual(["Bo", "Al", "Cara", "Abe"]);
    expect(sortHeatmap(rows, "vision", "asc").map((r) => r.name)).toEqual(["Al", "Cara", "Bo", "Abe"]);
  });
  it("sorts by name both ways", () => {
    expect(sortHeatmap(rows, "name", "asc").map((r) => r.name)).toEqual(["Abe", "Al", "Bo", "Cara"]);
    expect(sortHeatmap(rows, "name", "desc").map((r) => r.name)).toEqual(["Cara", "Bo", "Al", "Abe"]);
  });
});

describe("blankCellsReason", () => {
  const none = {
    cycleFiltered: false,
    collectingUntil: null,
    withheld: null,
    lastInsufficient: false,
  } as const;
  it("says why a row is blank: a withheld report first, then the cycle filter", () => {
    expect(blankCellsReason({ ...none, cycleFiltered: true, withheld: "rated-it" })).toMatch(
      /You rated them/,
    );
    expect(blankCellsReason({ ...none, cycleFiltered: true, collectingUntil: "1 Dec 2026" })).toBe(
      "No released report in this cycle",
    );
    expect(blankCellsReason({ ...none, collectingUntil: "1 Dec 2026", lastInsufficient: true })).toBe(
      "Collecting answers until 1 Dec 2026",
    );
    expect(blankCellsReason({ ...none, withheld: "requested-by-someone-else" })).toMatch(/someone else/);
    expect(blankCellsReason({ ...none, withheld: "rated-it" })).toMatch(/You rated them anonymously/);
    expect(blankCellsReason({ ...none, lastInsufficient: true })).toBe(
      "The last request closed with too few answers",
    );
    expect(blankCellsReason(none)).toBe("No released report yet");
  });
});
