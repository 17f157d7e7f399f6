// The organisation view of a cycle for HR (DESIGN §4 rule 7): released snapshots only, grouped by
// team, reporting level, department or location, with complementary suppression in the domain; a
// released cycle's view is read from the copy frozen at its release (frozen.ts). Who may read it,
// and which reports the reader already knows one by one, are decided in the domain too.
import {
  type CycleRow,
  cycleParticipation,
  listCycleFigures,
  listGroupingFacts,
  listTeamLabels,
  type ReleasedFigures,
} from "@fivefold/db";
import { cellDeltas, dimensionDistribution, organisationView } from "@fivefold/domain";
import { organisationViewAccess } from "../access";
import { type MemberServiceContext, withTransaction } from "../context";
import { loadCycle } from "../cycles/shape";
import { allCells, asPersonFigures, type Grouping } from "./cells";
import { type CycleView, freezeCycleView, readFrozenView } from "./frozen";

export type { Grouping };

/**
 * Views of cycles not yet released, computed in the last minute, per organisation, cycle, grouping
 * and what the reader knows (the suppression behind each covers every grouping): people, teams and
 * departments are at most a minute old (as the session cache). Bounded; any process can still
 * serve any request.
 */
const VIEW_TTL_MS = 60_000;
const VIEW_CACHE_SIZE = 64;
const views = new Map<string, { at: number; view: Promise<unknown> }>();

/** Forgets every cached view: what a minute's wait does (tests of what a later look shows). */
export function forgetCachedViews(): void {
  views.clear();
}

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
  const { by } = input;
  const cycle = await loadCycle(ctx, input.cycleId);
  const earlier = input.compareTo ? await loadCycle(ctx, input.compareTo) : null;
  const [view, previous] = await Promise.all([
    viewOf(ctx, cycle, by),
    earlier ? viewOf(ctx, earlier, by) : Promise.resolve(null),
  ]);
  const previousOf = new Map(previous?.cells.map((cell) => [cell.key, cell]) ?? []);
  const { participation } = view;
  return {
    cycleId: cycle.id,
    by,
    threshold: view.threshold,
    total: previous ? { ...view.total, delta: cellDeltas(view.total, previous.total) } : view.total,
    cells: view.cells.map((cell) => ({
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
    distribution: view.distribution,
  };
}

/**
 * A released cycle's view comes from its frozen copy (frozen now if it was released before views
 * were frozen); a cycle still running is computed from the organisation as it is.
 */
async function viewOf(ctx: MemberServiceContext, cycle: CycleRow, by: Grouping): Promise<CycleView> {
  if (cycle.phase === "released") {
    const frozen = await readFrozenView(ctx, cycle.id, by);
    if (frozen) return frozen;
    await withTransaction(ctx, (tx) => freezeCycleView(tx, cycle));
    return (await readFrozenView(ctx, cycle.id, by)) as CycleView;
  }
  const rows = await listCycleFigures(ctx.db, ctx.org.id, cycle.id);
  // Who the reader knows is decided per report and per cycle: someone readable in one cycle is
  // not known in another.
  const known = (await organisationViewAccess(ctx, rows)).knownReports;
  const key = [ctx.org.id, cycle.id, by, ctx.org.anonymityThreshold, [...known].sort().join(",")].join("|");
  return cachedView(key, Date.now(), () => liveView(ctx, { cycleId: cycle.id, by, rows, known }));
}

async function liveView(
  ctx: MemberServiceContext,
  input: { cycleId: string; by: Grouping; rows: ReleasedFigures[]; known: ReadonlySet<string> },
): Promise<CycleView> {
  const [facts, teamLabels, participation] = await Promise.all([
    listGroupingFacts(ctx.db, ctx.org.id),
    listTeamLabels(ctx.db, ctx.org.id),
    cycleParticipation(ctx.db, ctx.org.id, input.cycleId),
  ]);
  const figures = asPersonFigures(input.rows);
  const threshold = ctx.org.anonymityThreshold;
  const view = organisationView({
    figures,
    cells: allCells(facts, teamLabels),
    threshold,
    knownToReader: input.known,
  });
  return {
    threshold,
    total: view.total,
    cells: view.cells.filter((cell) => cell.key.startsWith(`${input.by}:`)),
    participation,
    distribution: dimensionDistribution(figures, threshold, input.known, view.total),
  };
}
