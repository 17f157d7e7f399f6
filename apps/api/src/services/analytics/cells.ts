// The cells of the organisation view: every grouping (team, level, department, location) of the
// organisation's people as they are now, keyed `<grouping>:<key>` so groupings are suppressed
// together. A released cycle's cells are taken from here once, at release, and frozen.
import type { GroupingFacts, ReleasedFigures } from "@fivefold/db";
import { type CellDefinition, DIMENSION_KEYS, type PersonFigures, reportingLevels } from "@fivefold/domain";

export type Grouping = "team" | "level" | "department" | "location";

export const GROUPINGS: readonly Grouping[] = ["team", "level", "department", "location"];

type Figures = Pick<ReleasedFigures, "inspire" | "vision" | "empower" | "dream" | "risk">;

export function asPersonFigures(rows: ReadonlyArray<Figures & { subjectId: string }>): PersonFigures[] {
  // A plain loop: a frozen cycle has ten thousand rows, read on a reader's first call.
  return rows.map((row) => {
    const dimensions: PersonFigures["dimensions"] = {};
    for (const key of DIMENSION_KEYS) {
      const value = row[key];
      if (value !== null) dimensions[key] = value;
    }
    return { personId: row.subjectId, dimensions };
  });
}

/** The cells of one grouping. */
function groupCells(
  facts: readonly GroupingFacts[],
  by: Grouping,
  teamLabels: ReadonlyMap<string, string>,
  levels: ReadonlyMap<string, number>,
): CellDefinition[] {
  const groups = new Map<string, { label: string; members: string[] }>();
  const add = (key: string, label: string, personId: string) => {
    const group = groups.get(key) ?? { label, members: [] };
    group.members.push(personId);
    groups.set(key, group);
  };
  for (const person of facts) {
    if (by === "team")
      for (const team of person.teamIds) add(team, teamLabels.get(team) ?? "Team", person.id);
    if (by === "level") {
      const level = levels.get(person.id) ?? 1;
      add(`level-${level}`, `Level ${level}${level === 1 ? " (top)" : ""}`, person.id);
    }
    if (by === "department" && person.department) add(person.department, person.department, person.id);
    if (by === "location" && person.location) add(person.location, person.location, person.id);
  }
  return [...groups]
    .map(([key, group]) => ({ key: `${by}:${key}`, label: group.label, memberIds: group.members }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
}

/**
 * Every grouping's cells at once: a reader may ask for teams, then departments, then levels, and
 * combine what each answer showed, so cells are suppressed together, as if shown on one page.
 */
export function allCells(
  facts: readonly GroupingFacts[],
  teamLabels: ReadonlyMap<string, string>,
): CellDefinition[] {
  const levels = reportingLevels(facts);
  return GROUPINGS.flatMap((by) => groupCells(facts, by, teamLabels, levels));
}
