// A released cycle's organisation view, frozen (issue 16 §6). At release the cells of every grouping
// are taken with the people in them, each report's figures are copied beside them, and the view a
// reader who knows no report sees is computed and stored. Afterwards the view is read from that
// copy only: a team move, an erasure, a new department or a changed k never moves a released
// figure, so two looks at different times show the same figures and subtract to nothing.
import {
  cycleParticipation,
  findFrozenTotal,
  findOrgForCycle,
  findPreparedView,
  insertFrozenView,
  insertPreparedView,
  listCycleFigures,
  listFrozenCells,
  listFrozenReports,
  listGroupingFacts,
  listTeamLabels,
} from "@fivefold/db";
import {
  type CellDefinition,
  type CompactOrgView,
  compactOrgView,
  DIMENSION_KEYS,
  type DimensionKey,
  decodeOrgView,
  dimensionDistribution,
  distributionKnowing,
  encodeOrgView,
  ORG_TOTAL_KEY,
  type OrgCell,
  organisationView,
  organisationViewKnowing,
  type PreparedOrgView,
  prepareStoredView,
  StoredOrgViewError,
} from "@fivefold/domain";
import { organisationViewAccess } from "../access";
import type { MemberServiceContext, ServiceContext } from "../context";
import { allCells, asPersonFigures, type Grouping } from "./cells";

/** One grouping's view of a cycle as analytics.org shows it (cell keys still `<grouping>:<key>`). */
export interface CycleView {
  threshold: number;
  total: OrgCell;
  cells: OrgCell[];
  participation: { invited: number; answered: number };
  distribution: ReturnType<typeof dimensionDistribution>;
}

const shown = (cell: OrgCell) => ({ people: cell.people, dimensions: cell.dimensions });

/** The dimensions a stored cell's view shows. */
const shownDimensions = (view: { dimensions?: unknown } | undefined): Set<DimensionKey> => {
  const dimensions = (view?.dimensions ?? null) as Record<string, unknown> | null;
  return new Set(DIMENSION_KEYS.filter((key) => dimensions?.[key]));
};

/**
 * Freezes the cycle's view from the organisation as it is now (in the caller's transaction): at
 * the cycle's release, or at the first read of a cycle released before views were frozen.
 */
export async function freezeCycleView(
  ctx: Pick<ServiceContext, "db">,
  cycle: { id: string; orgId: string },
): Promise<void> {
  const [org, rows, facts, teamLabels, participation] = await Promise.all([
    findOrgForCycle(ctx.db, cycle.orgId),
    listCycleFigures(ctx.db, cycle.orgId, cycle.id),
    listGroupingFacts(ctx.db, cycle.orgId),
    listTeamLabels(ctx.db, cycle.orgId),
    cycleParticipation(ctx.db, cycle.orgId, cycle.id),
  ]);
  if (!org) throw new Error("the cycle's organisation is gone");
  const threshold = org.anonymityThreshold;
  const cells = allCells(facts, teamLabels);
  const keysOf = new Map<string, string[]>();
  for (const cell of cells) {
    for (const id of cell.memberIds) {
      const list = keysOf.get(id);
      if (list) list.push(cell.key);
      else keysOf.set(id, [cell.key]);
    }
  }
  const figures = asPersonFigures(rows);
  const view = organisationView({ figures, cells, threshold });
  const base = { orgId: cycle.orgId, cycleId: cycle.id };
  // The compact form, for readers who know some reports: the cells in the stored order, each report
  // named by its request.
  const definitionOf = new Map(cells.map((cell) => [cell.key, cell]));
  const compact = compactOrgView({
    figures,
    names: rows.map((row) => row.requestId),
    cells: view.cells.map((cell) => definitionOf.get(cell.key) as CellDefinition),
    threshold,
    shownWithoutKnown: new Map(
      [view.total, ...view.cells].map((cell) => [cell.key, shownDimensions(cell)] as const),
    ),
    totalKey: ORG_TOTAL_KEY,
  });
  await insertFrozenView(ctx.db, {
    prepared: { ...base, data: encodeOrgView(compact) },
    reports: rows.map((row) => ({
      ...base,
      requestId: row.requestId,
      subjectId: row.subjectId,
      requesterId: row.requesterId,
      cellKeys: keysOf.get(row.subjectId) ?? [],
      inspire: row.inspire,
      vision: row.vision,
      empower: row.empower,
      dream: row.dream,
      risk: row.risk,
    })),
    cells: [
      {
        ...base,
        key: view.total.key,
        label: view.total.label,
        position: -1,
        view: shown(view.total),
        threshold,
        participation,
        distribution: dimensionDistribution(figures, threshold, new Set(), view.total),
      },
      ...view.cells.map((cell, position) => ({
        ...base,
        key: cell.key,
        label: cell.label,
        position,
        view: shown(cell),
      })),
    ],
  });
}

const asCell = (row: { key: string; label: string; view: Record<string, unknown> }): OrgCell =>
  ({ key: row.key, label: row.label, ...row.view }) as OrgCell;

/**
 * The frozen view of a released cycle for this reader, or null when it was never frozen. A reader
 * who knows none of its reports gets the stored cells; one who knows some gets the suppression run
 * again over the frozen people and figures, their known reports left out of k.
 */
export async function readFrozenView(
  ctx: MemberServiceContext,
  cycleId: string,
  by: Grouping,
): Promise<CycleView | null> {
  // Which of the cycle's reports the reader knows, decided afresh on every call (never cached: a
  // reader who became a coach a moment ago knows their coachees' reports now); asked beside the
  // total (of a cycle not frozen yet it finds none).
  const [total, access] = await Promise.all([
    findFrozenTotal(ctx.db, ctx.org.id, cycleId),
    organisationViewAccess(ctx, { frozenCycleId: cycleId }),
  ]);
  if (!total) return null;
  const known = access.knownRequests;
  const threshold = total.threshold ?? ctx.org.anonymityThreshold;
  const participation = total.participation ?? { invited: 0, answered: 0 };
  if (known.size === 0) {
    const cells = await listFrozenCells(ctx.db, ctx.org.id, cycleId, by);
    return {
      threshold,
      total: asCell({ key: "all", label: total.label, view: total.view }),
      cells: cells.map(asCell),
      participation,
      distribution: total.distribution as CycleView["distribution"],
    };
  }
  // One suppression covers every grouping: asking for another grouping reuses it.
  const key = [ctx.org.id, cycleId, [...known].sort().join(",")].join("|");
  const view = await remembered(key, () => suppressedFor(ctx, { cycleId, known, threshold, participation }));
  return { ...view, cells: view.cells.filter((cell) => cell.key.startsWith(`${by}:`)) };
}

/**
 * Views of frozen cycles (every grouping's cells) for readers who know some of their reports, per
 * cycle and known set: what they are computed from never changes, so only the bound limits how long one is kept.
 */
const FROZEN_CACHE_SIZE = 64;
const frozenViews = new Map<string, Promise<CycleView>>();

function remembered(key: string, compute: () => Promise<CycleView>): Promise<CycleView> {
  const hit = frozenViews.get(key);
  if (hit) return hit;
  const view = compute();
  frozenViews.set(key, view);
  view.catch(() => frozenViews.delete(key));
  while (frozenViews.size > FROZEN_CACHE_SIZE) frozenViews.delete(frozenViews.keys().next().value as string);
  return view;
}

/**
 * The frozen view prepared for readers who know some reports, read once per process: it is written
 * once at release and never changes (an erasure unties a subject in the frozen rows; this form
 * names reports only by request, and no reader can count an untied report as known). What the
 * reader knows is never kept: it is decided on every call.
 */
const FROZEN_INPUTS_SIZE = 8;
const frozenInputs = new Map<string, Promise<PreparedOrgView>>();

/** Forgets what this process read of frozen views (tests of what another process would read). */
export function forgetFrozenViews(): void {
  frozenInputs.clear();
  frozenViews.clear();
}

function preparedOf(ctx: MemberServiceContext, cycleId: string): Promise<PreparedOrgView> {
  const key = `${ctx.org.id}|${cycleId}`;
  const hit = frozenInputs.get(key);
  if (hit) return hit;
  const prepared = readPrepared(ctx, cycleId);
  frozenInputs.set(key, prepared);
  prepared.catch(() => frozenInputs.delete(key));
  while (frozenInputs.size > FROZEN_INPUTS_SIZE)
    frozenInputs.delete(frozenInputs.keys().next().value as string);
  return prepared;
}

/**
 * The compact form kept at release; for a cycle frozen before it was kept (or one whose stored
 * bytes do not read back), made from the frozen rows once and kept.
 */
async function readPrepared(ctx: MemberServiceContext, cycleId: string): Promise<PreparedOrgView> {
  const stored = await findPreparedView(ctx.db, ctx.org.id, cycleId);
  if (stored) {
    try {
      return prepareStoredView(decodeOrgView(stored));
    } catch (error) {
      if (!(error instanceof StoredOrgViewError)) throw error;
    }
  }
  const compact = await compactFromRows(ctx, cycleId);
  await insertPreparedView(
    ctx.db,
    { orgId: ctx.org.id, cycleId, data: encodeOrgView(compact) },
    { replace: true },
  );
  return prepareStoredView(compact);
}

/** The compact form of a frozen view, from its rows: the reports with their cell keys and the stored cells. */
async function compactFromRows(ctx: MemberServiceContext, cycleId: string): Promise<CompactOrgView> {
  const [reports, cellRows, total] = await Promise.all([
    listFrozenReports(ctx.db, ctx.org.id, cycleId),
    listFrozenCells(ctx.db, ctx.org.id, cycleId),
    findFrozenTotal(ctx.db, ctx.org.id, cycleId),
  ]);
  // An erased subject's report stays in its cells under a name that is nobody's.
  const figures = asPersonFigures(
    reports.map((report) => ({ ...report, subjectId: report.subjectId ?? `erased:${report.requestId}` })),
  );
  const members = new Map<string, string[]>();
  reports.forEach((report, index) => {
    const personId = figures[index]?.personId as string;
    for (const key of report.cellKeys) {
      const list = members.get(key);
      if (list) list.push(personId);
      else members.set(key, [personId]);
    }
  });
  const shownWithoutKnown = new Map(cellRows.map((row) => [row.key, shownDimensions(row.view)]));
  shownWithoutKnown.set(ORG_TOTAL_KEY, shownDimensions(total?.view));
  return compactOrgView({
    figures,
    names: reports.map((report) => report.requestId),
    cells: cellRows.map((row) => ({ key: row.key, label: row.label, memberIds: members.get(row.key) ?? [] })),
    threshold: total?.threshold ?? ctx.org.anonymityThreshold,
    shownWithoutKnown,
    totalKey: ORG_TOTAL_KEY,
  });
}

/**
 * The suppression run again over the frozen people and figures with the reader's known reports
 * (by request), started from the stored view: only what the known people shrink is hidden further
 * (the same view as `organisationView` with `shownWithoutKnown`, from the prepared atoms).
 */
async function suppressedFor(
  ctx: MemberServiceContext,
  input: {
    cycleId: string;
    known: ReadonlySet<string>;
    threshold: number;
    participation: CycleView["participation"];
  },
): Promise<CycleView> {
  const { cycleId, known, threshold, participation } = input;
  const prepared = await preparedOf(ctx, cycleId);
  const view = organisationViewKnowing(prepared, known);
  return {
    threshold,
    total: view.total,
    cells: view.cells,
    participation,
    distribution: distributionKnowing(prepared, known, view.total),
  };
}
