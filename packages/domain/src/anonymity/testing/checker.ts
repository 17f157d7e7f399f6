// Test-only: an independent reading of a snapshot. From the generated responses (which the test
// knows rater by rater) and the snapshot's own structure (group ids, pools, which figures are
// shown), it rebuilds the raters behind every shown figure, checks each figure's numbers against
// them, and checks the threshold and the subtraction rule per figure. It shares no code with the
// aggregator on purpose.
import type { Instrument, RaterGroup } from "../../instrument";
import type { FigureStats, RaterResponse, ReportSnapshot } from "../types";

const ANONYMOUS: readonly RaterGroup[] = ["peer", "direct_report", "other"];

/** A shown figure and the (rater, item) cells behind it. */
export interface FigureCells {
  readonly scope: string;
  readonly name: string;
  /** Everyone who scored at least one cell, identifiable raters included. */
  readonly raters: ReadonlySet<number>;
  readonly anonymous: ReadonlySet<number>;
  readonly cells: readonly { rater: number; item: string }[];
}

export interface Reading {
  readonly figures: FigureCells[];
  readonly problems: string[];
}

function membersOf(snapshot: ReportSnapshot, group: string): readonly RaterGroup[] {
  const pool = snapshot.groups.find((entry) => entry.group === group);
  if (pool?.pooledFrom) return pool.pooledFrom;
  return [group as RaterGroup];
}

function expectedStats(
  responses: readonly RaterResponse[],
  raters: readonly number[],
  items: readonly string[],
) {
  const distribution = [0, 0, 0, 0, 0];
  const scorers = new Set<number>();
  let notObserved = 0;
  let sum = 0;
  const cells: { rater: number; item: string }[] = [];
  for (const rater of raters) {
    for (const item of items) {
      const score = responses[rater]?.answers[item] ?? null;
      if (score === null) {
        notObserved += 1;
        continue;
      }
      distribution[score - 1] = (distribution[score - 1] ?? 0) + 1;
      sum += score;
      scorers.add(rater);
      cells.push({ rater, item });
    }
  }
  return { distribution, scorers, notObserved, sum, count: cells.length, cells };
}

function compare(
  problems: string[],
  where: string,
  actual: FigureStats,
  expected: ReturnType<typeof expectedStats>,
): void {
  const exact = expected.count === 0 ? Number.NaN : expected.sum / expected.count;
  if (!(Math.abs(actual.mean - exact) <= 0.005 + 1e-9))
    problems.push(`${where}: mean ${actual.mean} ≠ ${exact}`);
  if (actual.n !== expected.scorers.size) problems.push(`${where}: n ${actual.n} ≠ ${expected.scorers.size}`);
  if (actual.notObserved !== expected.notObserved)
    problems.push(`${where}: notObserved ${actual.notObserved}`);
  if (actual.distribution.join() !== expected.distribution.join())
    problems.push(`${where}: distribution differs`);
}

export function readSnapshot(
  instrument: Instrument,
  responses: readonly RaterResponse[],
  snapshot: ReportSnapshot,
): Reading {
  const problems: string[] = [];
  const figures: FigureCells[] = [];
  const everyone = responses.map((_, rater) => rater);
  const inGroups = (groups: readonly RaterGroup[]) =>
    everyone.filter((rater) => groups.includes((responses[rater] as RaterResponse).group));
  const nonSelf = everyone.filter((rater) => (responses[rater] as RaterResponse).group !== "self");

  const record = (
    scope: string,
    name: string,
    raters: readonly number[],
    items: readonly string[],
    stats: FigureStats,
  ) => {
    const expected = expectedStats(responses, raters, items);
    compare(problems, `${scope}/${name}`, stats, expected);
    figures.push({
      scope,
      name,
      raters: expected.scorers,
      anonymous: new Set(
        [...expected.scorers].filter((rater) =>
          ANONYMOUS.includes((responses[rater] as RaterResponse).group),
        ),
      ),
      cells: expected.cells,
    });
  };
  const recordIdentifiable = (
    scope: string,
    group: "self" | "manager",
    items: readonly string[],
    mean: number,
  ) => {
    const expected = expectedStats(responses, inGroups([group]), items);
    if (!(Math.abs(mean - expected.sum / expected.count) <= 0.005 + 1e-9))
      problems.push(`${scope}/${group}: mean`);
    figures.push({
      scope,
      name: group,
      raters: expected.scorers,
      anonymous: new Set(),
      cells: expected.cells,
    });
  };

  for (const dimension of snapshot.dimensions) {
    const source = instrument.dimensions.find((candidate) => candidate.key === dimension.key);
    if (!source) {
      problems.push(`unknown dimension ${dimension.key}`);
      continue;
    }
    for (const item of dimension.items) {
      for (const figure of item.groups) {
        record(item.id, figure.group, inGroups(membersOf(snapshot, figure.group)), [item.id], figure);
      }
      if (item.others) record(item.id, "others", nonSelf, [item.id], item.others);
      if (item.self !== null) recordIdentifiable(item.id, "self", [item.id], item.self);
      if (item.manager !== null) recordIdentifiable(item.id, "manager", [item.id], item.manager);
    }
    // A dimension figure covers the items whose figure is shown for the same group (README).
    for (const figure of dimension.groups) {
      const items = dimension.items.filter((item) => item.groups.some((g) => g.group === figure.group));
      record(
        dimension.key,
        figure.group,
        inGroups(membersOf(snapshot, figure.group)),
        items.map((i) => i.id),
        figure,
      );
    }
    if (dimension.others) {
      const items = dimension.items.filter((item) => item.others !== null).map((item) => item.id);
      record(dimension.key, "others", nonSelf, items, dimension.others);
    }
    const allItems = source.items.map((item) => item.id);
    if (dimension.self !== null) recordIdentifiable(dimension.key, "self", allItems, dimension.self);
    if (dimension.manager !== null) recordIdentifiable(dimension.key, "manager", allItems, dimension.manager);
  }
  return { figures, problems };
}

function isSubset(inner: ReadonlySet<number>, outer: ReadonlySet<number>): boolean {
  for (const rater of inner) if (!outer.has(rater)) return false;
  return true;
}

/** (a) Every shown figure with anonymous raters stands on at least k of them. */
export function thresholdViolations(reading: Reading, threshold: number): string[] {
  return reading.figures
    .filter((figure) => figure.anonymous.size > 0 && figure.anonymous.size < threshold)
    .map((figure) => `${figure.scope}/${figure.name} shows ${figure.anonymous.size} anonymous raters`);
}

/** (b) For every shown C and every set S of other shown figures inside C: leftover 0 or ≥ k. */
export function subtractionViolations(reading: Reading, threshold: number): string[] {
  const violations: string[] = [];
  const scopes = new Map<string, FigureCells[]>();
  for (const figure of reading.figures)
    scopes.set(figure.scope, [...(scopes.get(figure.scope) ?? []), figure]);
  for (const [scope, figures] of scopes) {
    for (const container of figures) {
      const inside = figures.filter(
        (figure) => figure !== container && isSubset(figure.raters, container.raters),
      );
      for (let mask = 0; mask < 1 << inside.length; mask += 1) {
        const subtracted = inside.filter((_, index) => (mask & (1 << index)) !== 0);
        const left = [...container.anonymous].filter((rater) => !subtracted.some((f) => f.raters.has(rater)));
        if (left.length > 0 && left.length < threshold) {
          violations.push(
            `${scope}: ${container.name} − {${subtracted.map((f) => f.name).join(", ")}} leaves ${left.length}`,
          );
        }
      }
    }
  }
  return violations;
}

/**
 * (d) With the manager not shown apart, no subtraction of shown figures leaves exactly the manager:
 * their answers were folded into "everyone but self" and must not come back out for the subject.
 */
export function hiddenManagerViolations(reading: Reading, responses: readonly RaterResponse[]): string[] {
  const violations: string[] = [];
  const isManager = (rater: number) => responses[rater]?.group === "manager";
  const scopes = new Map<string, FigureCells[]>();
  for (const figure of reading.figures)
    scopes.set(figure.scope, [...(scopes.get(figure.scope) ?? []), figure]);
  for (const [scope, figures] of scopes) {
    if (figures.some((figure) => figure.name === "manager")) continue; // shown apart: known anyway
    for (const container of figures) {
      const inside = figures.filter(
        (figure) => figure !== container && isSubset(figure.raters, container.raters),
      );
      for (let mask = 0; mask < 1 << inside.length; mask += 1) {
        const subtracted = inside.filter((_, index) => (mask & (1 << index)) !== 0);
        const left = [...container.raters].filter((rater) => !subtracted.some((f) => f.raters.has(rater)));
        if (left.length > 0 && left.every(isManager)) {
          violations.push(
            `${scope}: ${container.name} − {${subtracted.map((f) => f.name).join(", ")}} leaves the manager`,
          );
        }
      }
    }
  }
  return violations;
}
