// The organisation view of a cycle for HR (DESIGN §4 rule 7): released snapshots only, through the
// generated figure columns, grouped by team, reporting level, department or location, with
// complementary suppression in the domain. Who may read it, and which reports the reader already
// knows one by one, are decided in the domain too.
import {
  cycleParticipation,
  findDirectReportIds,
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

const GROUPINGS: readonly Grouping[] = ["team", "level", "department", "location"];

/** The cells of one grouping, keyed `<grouping>:<key>` so groupings can be suppressed together. */
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
function allCells(
  facts: readonly GroupingFacts[],
  teamLabels: ReadonlyMap<string, string>,
): CellDefinition[] {
  const levels = reportingLevels(facts);
  return GROUPINGS.flatMap((by) => groupCells(facts, by, teamLabels, levels));
}

/**
 * Views computed in the last minute, per organisation, cycle, grouping, comparison and what the
 * reader knows (the suppression behind each covers every grouping): released figures never change, and people, teams and departments are at most a
 * minute old (as the session cache). Bounded; any process can still serve any request.
 */
const VIEW_TTL_MS = 60_000;
const VIEW_CACHE_SIZE = 64;
const views = new Map<string, { at: number; view: Promise<unknown> }>();

function cachedView<T>(key: string, now: number, compute: () => Promise<T>): Promise<T> {
  const hit = views.get(key);
  if (hit && now - hit.at < VIEW_TTL_MS) return hit.view as Promise<T>;
  const view = compute();
  views.delete(key);
  views.set(key, { at: now, view });
  view.catch(() => views.delete(key));
  while (views.size > VIEW_CACHE_SIZE) views.delete(views.keys().next().value as string);
  return view;
}

export async function organisationAnalytics({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { cycleId: string; by: Grouping; compareTo?: string };
}) {
  const { knownReports: knownToReader } = await organisationViewAccess(ctx, {
    directReportIds: await findDirectReportIds(ctx.db, ctx.org.id, ctx.person.id),
  });
  const cycle = await loadCycle(ctx, input.cycleId);
  const earlier = input.compareTo ? await loadCycle(ctx, input.compareTo) : null;
  const key = [
    ctx.org.id,
    cycle.id,
    input.by,
    earlier?.id ?? "",
    ctx.org.anonymityThreshold,
    [...knownToReader].sort().join(","),
  ].join("|");
  return cachedView(key, Date.now(), () => computeView(ctx, { cycle, earlier, by: input.by, knownToReader }));
}

async function computeView(
  ctx: MemberServiceContext,
  {
    cycle,
    earlier,
    by,
    knownToReader,
  }: {
    cycle: { id: string };
    earlier: { id: string } | null;
    by: Grouping;
    knownToReader: ReadonlySet<string>;
  },
) {
  const [facts, teamLabels, figures, before, participation] = await Promise.all([
    listGroupingFacts(ctx.db, ctx.org.id),
    listTeamLabels(ctx.db, ctx.org.id),
    listCycleFigures(ctx.db, ctx.org.id, cycle.id).then(asPersonFigures),
    earlier ? listCycleFigures(ctx.db, ctx.org.id, earlier.id).then(asPersonFigures) : Promise.resolve(null),
    cycleParticipation(ctx.db, ctx.org.id, cycle.id),
  ]);
  const cells = allCells(facts, teamLabels);
  const threshold = ctx.org.anonymityThreshold;
  const view = organisationView({ figures, cells, threshold, knownToReader });
  const previous = before ? organisationView({ figures: before, cells, threshold, knownToReader }) : null;
  const previousOf = new Map(previous?.cells.map((cell) => [cell.key, cell]) ?? []);
  return {
    cycleId: cycle.id,
    by: by,
    threshold,
    total: previous ? { ...view.total, delta: cellDeltas(view.total, previous.total) } : view.total,
    cells: view.cells
      .filter((cell) => cell.key.startsWith(`${by}:`))
      .map((cell) => ({
        ...cell,
        key: cell.key.slice(by.length + 1),
        ...(previous ? { delta: cellDeltas(cell, previousOf.get(cell.key)) } : {}),
      })),
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
