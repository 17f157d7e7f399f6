// How a cycle row reads in the API: the summary every list shows, the detail of one cycle.
import type { CycleRow } from "@fivefold/db";
import { findCycle } from "@fivefold/db";
import { type CyclePopulation, type CycleRules, NotFoundError } from "@fivefold/domain";
import type { MemberServiceContext } from "../context";

export function cycleSummary(row: CycleRow) {
  return {
    id: row.id,
    name: row.name,
    phase: row.phase,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    nominationsCloseOn: row.nominationsCloseOn,
    answersDueOn: row.answersDueOn,
    releaseOn: row.releaseOn,
    launchedAt: row.launchedAt,
    releasedAt: row.releasedAt,
  };
}

export const populationOf = (row: CycleRow): CyclePopulation | null =>
  (row.population as CyclePopulation | null) ?? null;

export const rulesOf = (row: CycleRow): CycleRules | null => (row.rules as CycleRules | null) ?? null;

/** The cycle of the caller's organisation, or NotFound (another organisation's id included). */
export async function loadCycle(
  ctx: MemberServiceContext,
  cycleId: string,
  lock?: "update",
): Promise<CycleRow> {
  const row = await findCycle(ctx.db, ctx.org.id, cycleId, lock);
  if (!row) throw new NotFoundError("The cycle");
  return row;
}
