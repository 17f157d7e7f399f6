// The organisation view of a cycle for HR (DESIGN §4 rule 7): released snapshots only, through the
// generated figure columns, grouped by team, reporting level, department or location, with
// complementary suppression in the domain. Who may read it, and which reports the reader already
// knows one by one, are decided in the domain too.
import {
  cycleParticipation,
  type GroupingFacts,
  listCycleFigures,
  listGroupingFacts,
  listTeamLabels,
  type ReleasedFigures,
} from "@fivefold/db";
import {
  type CellDefinition,
  cellDeltas,
  DIMENSION_KEYS,
  dimensionDistribution,
  organisationView,
  type PersonFigures,
  reportingLevels,
} from "@fivefold/domain";
import { organisationViewAccess } from "../access";
import type { MemberServiceContext } from "../context";
import { loadCycle } from "../cycles/shape";

export type Grouping = "team" | "level" | "department" | "location";

function asPersonFigures(rows: readonly ReleasedFigures[]): PersonFigures[] {
  return rows.map((row) => ({
    personId: row.subjectId,
    dimensions: Object.fromEntries(
      DIMENSION_KEYS.flatMap((key) => (row[key] === null ? [] : [[key, row[key] as number]])),
    ),
  }));
}

function groupCells(
  facts: readonly GroupingFacts[],
  by: Grouping,
  teamLabels: ReadonlyMap<string, string>,
): CellDefinition[] {
  const groups = new Map<string, { label: string; members: string[] }>();
  const add = (key: string, label: string, personId: string) => {
    const group = groups.get(key) ?? { label, members: [] };
    group.members.push(personId);
    groups.set(key, group);
  };
  const levels = by === "level" ? reportingLevels(facts) : new Map<string, number>();
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
    .map(([key, group]) => ({ key, label: group.label, memberIds: group.members }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.key.localeCompare(b.key));
}

export async function organisationAnalytics({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { cycleId: string; by: Grouping; compareTo?: string };
}) {
  const facts = await listGroupingFacts(ctx.db, ctx.org.id);
  const { knownReports: knownToReader } = await organisationViewAccess(ctx, {
    directReportIds: facts.filter((person) => person.managerId === ctx.person.id).map((person) => person.id),
  });
  const cycle = await loadCycle(ctx, input.cycleId);
  const earlier = input.compareTo ? await loadCycle(ctx, input.compareTo) : null;
  const [teamLabels, figures, before, participation] = await Promise.all([
    listTeamLabels(ctx.db, ctx.org.id),
    listCycleFigures(ctx.db, ctx.org.id, cycle.id).then(asPersonFigures),
    earlier ? listCycleFigures(ctx.db, ctx.org.id, earlier.id).then(asPersonFigures) : Promise.resolve(null),
    cycleParticipation(ctx.db, ctx.org.id, cycle.id),
  ]);
  const cells = groupCells(facts, input.by, teamLabels);
  const threshold = ctx.org.anonymityThreshold;
  const view = organisationView({ figures, cells, threshold, knownToReader });
  const previous = before ? organisationView({ figures: before, cells, threshold, knownToReader }) : null;
  const previousOf = new Map(previous?.cells.map((cell) => [cell.key, cell]) ?? []);
  return {
    cycleId: cycle.id,
    by: input.by,
    threshold,
    total: previous ? { ...view.total, delta: cellDeltas(view.total, previous.total) } : view.total,
    cells: view.cells.map((cell) =>
      previous ? { ...cell, delta: cellDeltas(cell, previousOf.get(cell.key)) } : cell,
    ),
    participation: {
      ...participation,
      rate:
        participation.invited > 0
          ? Math.round((participation.answered / participation.invited) * 1000) / 1000
          : null,
    },
    // The same for every reader: a distribution that left out what one reader knows would, next to
    // another reader's, tell which band those people are in.
    distribution: dimensionDistribution(figures, threshold),
  };
}
