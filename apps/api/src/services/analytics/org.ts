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
  await organisationViewAccess(ctx, []); // who may read it at all, before any cycle is looked up
  const cycle = await loadCycle(ctx, input.cycleId);
  const earlier = input.compareTo ? await loadCycle(ctx, input.compareTo) : null;
  const [rows, earlierRows] = await Promise.all([
    listCycleFigures(ctx.db, ctx.org.id, cycle.id),
    earlier ? listCycleFigures(ctx.db, ctx.org.id, earlier.id) : Promise.resolve(null),
  ]);
  // Who the reader knows is decided per report and per cycle: someone readable in one cycle is
  // not known in another.
  const known = (await organisationViewAccess(ctx, rows)).knownReports;
  const knownBefore = earlierRows
    ? (await organisationViewAccess(ctx, earlierRows)).knownReports
    : new Set<string>();
  const key = [
    ctx.org.id,
    cycle.id,
    input.by,
    earlier?.id ?? "",
    ctx.org.anonymityThreshold,
    [...known].sort().join(","),
    [...knownBefore].sort().join(","),
  ].join("|");
  return cachedView(key, Date.now(), () =>
    computeView(ctx, { cycleId: cycle.id, by: input.by, rows, earlierRows, known, knownBefore }),
  );
}

async function computeView(
  ctx: MemberServiceContext,
  input: {
    cycleId: string;
    by: Grouping;
    rows: ReleasedFigures[];
    earlierRows: ReleasedFigures[] | null;
    known: ReadonlySet<string>;
    knownBefore: ReadonlySet<string>;
  },
) {
  const { by } = input;
  const [facts, teamLabels, participation] = await Promise.all([
    listGroupingFacts(ctx.db, ctx.org.id),
    listTeamLabels(ctx.db, ctx.org.id),
    cycleParticipation(ctx.db, ctx.org.id, input.cycleId),
  ]);
  const figures = asPersonFigures(input.rows);
  const cells = allCells(facts, teamLabels);
  const threshold = ctx.org.anonymityThreshold;
  const view = organisationView({ figures, cells, threshold, knownToReader: input.known });
  const previous = input.earlierRows
    ? organisationView({
        figures: asPersonFigures(input.earlierRows),
        cells,
        threshold,
        knownToReader: input.knownBefore,
      })
    : null;
  const previousOf = new Map(previous?.cells.map((cell) => [cell.key, cell]) ?? []);
  return {
    cycleId: input.cycleId,
    by,
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
    // Bands with k people the reader does not know, and none when the total is hidden for them.
    distribution: dimensionDistribution(figures, threshold, input.known, view.total),
  };
}
