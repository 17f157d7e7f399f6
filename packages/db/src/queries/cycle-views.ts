// The organisation view of a released cycle, frozen at release (schema/cycle-views.ts): written once,
// read by analytics.org, and touched afterwards only by an erasure, which unties the subject's row
// from them without changing a figure.
import { and, eq, exists, inArray, isNotNull, like, or, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  cycleViewCells,
  cycleViewPrepared,
  cycleViewReports,
  invitations,
  teamCoaches,
  teamMembers,
} from "../schema";
import { insertJson } from "./collect/bulk-write";

export type FrozenReportRow = typeof cycleViewReports.$inferInsert;
export type FrozenCellRow = typeof cycleViewCells.$inferInsert;

const DIMENSION_COLUMNS = ["inspire", "vision", "empower", "dream", "risk"] as const;

/** Writes a cycle's frozen view; a second freeze of the same cycle (two readers at once) adds nothing. */
export async function insertFrozenView(
  db: Executor,
  view: {
    reports: readonly FrozenReportRow[];
    cells: readonly FrozenCellRow[];
    /** Its compact form (without it, the first reader who knows some reports makes it). */
    prepared?: { orgId: string; cycleId: string; data: Uint8Array };
  },
): Promise<void> {
  if (view.prepared) await insertPreparedView(db, view.prepared);
  // As JSON documents (see insertJson): ten thousand reports were 20 statements of 6,000 parameters.
  await insertJson(
    db,
    "cycle_view_reports",
    [
      ["org_id", "uuid"],
      ["cycle_id", "uuid"],
      ["request_id", "uuid"],
      ["subject_id", "uuid"],
      ["requester_id", "uuid"],
      ["cell_keys", "text[]"],
      ...DIMENSION_COLUMNS.map((name) => [name, "double precision"] as const),
    ],
    view.reports.map((row) => ({
      org_id: row.orgId,
      cycle_id: row.cycleId,
      request_id: row.requestId,
      subject_id: row.subjectId ?? null,
      requester_id: row.requesterId ?? null,
      cell_keys: row.cellKeys,
      inspire: row.inspire ?? null,
      vision: row.vision ?? null,
      empower: row.empower ?? null,
      dream: row.dream ?? null,
      risk: row.risk ?? null,
    })),
    { onConflictDoNothing: true },
  );
  await insertJson(
    db,
    "cycle_view_cells",
    [
      ["org_id", "uuid"],
      ["cycle_id", "uuid"],
      ["key", "text"],
      ["label", "text"],
      ["position", "integer"],
      ["view", "jsonb"],
      ["threshold", "integer"],
      ["participation", "jsonb"],
      ["distribution", "jsonb"],
    ],
    view.cells.map((row) => ({
      org_id: row.orgId,
      cycle_id: row.cycleId,
      key: row.key,
      label: row.label,
      position: row.position,
      view: row.view,
      threshold: row.threshold ?? null,
      participation: row.participation ?? null,
      distribution: row.distribution ?? null,
    })),
    { onConflictDoNothing: true },
  );
}

/**
 * The compact form of a frozen view (cycle_view_prepared). A second write of it adds nothing, unless
 * `replace` (the stored bytes did not read back and were made again from the frozen rows).
 */
export async function insertPreparedView(
  db: Executor,
  row: { orgId: string; cycleId: string; data: Uint8Array },
  options: { replace?: boolean } = {},
): Promise<void> {
  const data = Buffer.from(row.data.buffer, row.data.byteOffset, row.data.byteLength);
  const insert = db.insert(cycleViewPrepared).values({ orgId: row.orgId, cycleId: row.cycleId, data });
  await (options.replace
    ? insert.onConflictDoUpdate({
        target: [cycleViewPrepared.orgId, cycleViewPrepared.cycleId],
        set: { data },
      })
    : insert.onConflictDoNothing());
}

/** The compact form of a cycle's frozen view, or null when it was frozen before it was kept. */
export async function findPreparedView(db: Executor, orgId: string, cycleId: string): Promise<Buffer | null> {
  const [row] = await db
    .select({ data: cycleViewPrepared.data })
    .from(cycleViewPrepared)
    .where(and(eq(cycleViewPrepared.orgId, orgId), eq(cycleViewPrepared.cycleId, cycleId)));
  return row?.data ?? null;
}

/** The frozen total of the cycle (k, participation, distribution), or null when it was never frozen. */
export async function findFrozenTotal(db: Executor, orgId: string, cycleId: string) {
  const [row] = await db
    .select({
      label: cycleViewCells.label,
      view: cycleViewCells.view,
      threshold: cycleViewCells.threshold,
      participation: cycleViewCells.participation,
      distribution: cycleViewCells.distribution,
    })
    .from(cycleViewCells)
    .where(
      and(
        eq(cycleViewCells.orgId, orgId),
        eq(cycleViewCells.cycleId, cycleId),
        eq(cycleViewCells.key, "all"),
      ),
    );
  return row ?? null;
}

/** One stored cell of a frozen view, as a reader who knows no report sees it. */
export interface FrozenCell {
  key: string;
  label: string;
  position: number;
  view: Record<string, unknown>;
}

/**
 * The frozen cells of one grouping (`<grouping>:` keys), or of all groupings, in display order,
 * read as one JSON text: a reader who knows no report is served straight from here, and a
 * thousand rows of jsonb cost the driver far more to decode one by one than the one parse.
 */
export async function listFrozenCells(
  db: Executor,
  orgId: string,
  cycleId: string,
  grouping?: string,
): Promise<FrozenCell[]> {
  const c = cycleViewCells;
  const [row] = await db
    .select({
      text: sql<string | null>`json_agg(json_build_object('key', ${c.key}, 'label', ${c.label},
        'position', ${c.position}, 'view', ${c.view}) order by ${c.position})::text`,
    })
    .from(c)
    .where(
      and(
        eq(c.orgId, orgId),
        eq(c.cycleId, cycleId),
        grouping ? like(c.key, `${grouping}:%`) : sql`${c.key} <> 'all'`,
      ),
    );
  return row?.text ? (JSON.parse(row.text) as FrozenCell[]) : [];
}

/** Who each frozen report is about and who requested it (for the reader's known reports). */
export async function listFrozenReportRefs(db: Executor, orgId: string, cycleId: string) {
  return db
    .select({
      requestId: cycleViewReports.requestId,
      subjectId: cycleViewReports.subjectId,
      requesterId: cycleViewReports.requesterId,
    })
    .from(cycleViewReports)
    .where(and(eq(cycleViewReports.orgId, orgId), eq(cycleViewReports.cycleId, cycleId)));
}

const ANONYMOUS = ["peer", "direct_report", "other"] as const;

/** One frozen report the reader may be related to, with the facts the report policy judges. */
export interface FrozenReportRelation {
  requestId: string;
  subjectId: string;
  requesterId: string | null;
  /** The reader is linked as a coach to a team the subject belongs to now (the role is not checked). */
  coachLinked: boolean;
  /** The reader was invited to rate this request in an anonymous group. */
  ratedAnonymously: boolean;
}

/**
 * In one query, the frozen reports of the cycle that are about the reader, requested by them or
 * (with `coachLinks`) about someone of a team they are linked to as a coach: the only reports the
 * report policy can let them open, with its facts. Reports whose subject was erased are nobody's.
 */
export async function listFrozenReportRelations(
  db: Executor,
  input: { orgId: string; cycleId: string; readerId: string; coachLinks: boolean },
): Promise<FrozenReportRelation[]> {
  const { orgId, cycleId, readerId } = input;
  const coached = db
    .select({ personId: teamMembers.personId })
    .from(teamMembers)
    .innerJoin(
      teamCoaches,
      and(eq(teamCoaches.orgId, teamMembers.orgId), eq(teamCoaches.teamId, teamMembers.teamId)),
    )
    .where(
      and(
        eq(teamMembers.orgId, orgId),
        eq(teamCoaches.personId, readerId),
        eq(teamMembers.personId, cycleViewReports.subjectId),
      ),
    );
  const rated = db
    .select({ id: invitations.id })
    .from(invitations)
    .where(
      and(
        eq(invitations.orgId, orgId),
        eq(invitations.requestId, cycleViewReports.requestId),
        eq(invitations.personId, readerId),
        inArray(invitations.group, [...ANONYMOUS]),
      ),
    );
  const coachLinked = input.coachLinks ? exists(coached) : sql`false`;
  const rows = await db
    .select({
      requestId: cycleViewReports.requestId,
      subjectId: cycleViewReports.subjectId,
      requesterId: cycleViewReports.requesterId,
      coachLinked: sql<boolean>`${coachLinked}`,
      ratedAnonymously: sql<boolean>`${exists(rated)}`,
    })
    .from(cycleViewReports)
    .where(
      and(
        eq(cycleViewReports.orgId, orgId),
        eq(cycleViewReports.cycleId, cycleId),
        isNotNull(cycleViewReports.subjectId),
        or(
          eq(cycleViewReports.subjectId, readerId),
          eq(cycleViewReports.requesterId, readerId),
          input.coachLinks ? exists(coached) : undefined,
        ),
      ),
    );
  return rows.map((row) => ({
    ...row,
    subjectId: row.subjectId as string,
    coachLinked: row.coachLinked === true,
    ratedAnonymously: row.ratedAnonymously === true,
  }));
}

/** One frozen report with its cells and figures. */
export interface FrozenReport {
  requestId: string;
  subjectId: string | null;
  cellKeys: string[];
  inspire: number | null;
  vision: number | null;
  empower: number | null;
  dream: number | null;
  risk: number | null;
}

// Rows and fields of the one text `listFrozenReports` reads: control characters that a uuid, a
// number or a JSON text (the cell keys, where JSON escapes them) never holds.
const ROW = "\x1e";
const FIELD = "\x1f";

const figureOf = (text: string | undefined) => (text ? Number(text) : null);

/**
 * Every frozen report of the cycle with its cells and figures, read as one text: thousands of rows
 * cost the driver more to decode one by one than Postgres spends building the text, and a double
 * precision as text reads back to the same number.
 */
export async function listFrozenReports(
  db: Executor,
  orgId: string,
  cycleId: string,
): Promise<FrozenReport[]> {
  const r = cycleViewReports;
  const [row] = await db
    .select({
      text: sql<
        string | null
      >`string_agg(concat_ws(${FIELD}, ${r.requestId}, coalesce(${r.subjectId}::text, ''),
        array_to_json(${r.cellKeys})::text, coalesce(${r.inspire}::text, ''), coalesce(${r.vision}::text, ''),
        coalesce(${r.empower}::text, ''), coalesce(${r.dream}::text, ''), coalesce(${r.risk}::text, '')), ${ROW})`,
    })
    .from(r)
    .where(and(eq(r.orgId, orgId), eq(r.cycleId, cycleId)));
  if (!row?.text) return [];
  return row.text.split(ROW).map((line) => {
    const [requestId, subjectId, keys, inspire, vision, empower, dream, risk] = line.split(FIELD);
    return {
      requestId: requestId as string,
      subjectId: subjectId || null,
      cellKeys: JSON.parse(keys as string) as string[],
      inspire: figureOf(inspire),
      vision: figureOf(vision),
      empower: figureOf(empower),
      dream: figureOf(dream),
      risk: figureOf(risk),
    };
  });
}

/** Erasure: the person's frozen reports stay in their cells, tied to nobody. */
export async function untieFrozenReportsOf(db: Executor, orgId: string, personId: string): Promise<void> {
  await db
    .update(cycleViewReports)
    .set({
      subjectId: sql`case when ${cycleViewReports.subjectId} = ${personId} then null else ${cycleViewReports.subjectId} end`,
      requesterId: sql`case when ${cycleViewReports.requesterId} = ${personId} then null else ${cycleViewReports.requesterId} end`,
    })
    .where(
      and(
        eq(cycleViewReports.orgId, orgId),
        or(eq(cycleViewReports.subjectId, personId), eq(cycleViewReports.requesterId, personId)),
      ),
    );
}
