// Check-ins of a plan and the encouragement its circle leaves on them.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../client";
import { checkins, encouragements, people } from "../../schema";

export type CheckinRow = typeof checkins.$inferSelect;

export interface CheckinWithEncouragements extends CheckinRow {
  encouragements: Array<{ id: string; authorId: string; authorName: string; text: string; createdAt: Date }>;
}

/** A plan's check-ins, newest first, each with its encouragement, oldest first. */
export async function listPlanCheckins(
  db: Executor,
  orgId: string,
  planId: string,
): Promise<CheckinWithEncouragements[]> {
  const rows = await db
    .select()
    .from(checkins)
    .where(and(eq(checkins.orgId, orgId), eq(checkins.planId, planId)))
    .orderBy(desc(checkins.createdAt), desc(checkins.id));
  if (rows.length === 0) return [];
  const notes = await db
    .select({
      id: encouragements.id,
      checkinId: encouragements.checkinId,
      authorId: encouragements.authorId,
      authorName: people.name,
      text: encouragements.text,
      createdAt: encouragements.createdAt,
    })
    .from(encouragements)
    .innerJoin(people, eq(people.id, encouragements.authorId))
    .where(
      and(
        eq(encouragements.orgId, orgId),
        inArray(
          encouragements.checkinId,
          rows.map((row) => row.id),
        ),
      ),
    )
    .orderBy(asc(encouragements.createdAt), asc(encouragements.id));
  return rows.map((row) => ({
    ...row,
    encouragements: notes
      .filter((note) => note.checkinId === row.id)
      .map(({ checkinId: _, ...note }) => note),
  }));
}

/** When each plan's check-ins were logged, oldest first, for schedules and reminders. */
export async function listCheckinTimes(
  db: Executor,
  orgId: string,
  planIds: readonly string[],
): Promise<Map<string, Date[]>> {
  const result = new Map<string, Date[]>();
  if (planIds.length === 0) return result;
  const rows = await db
    .select({ planId: checkins.planId, createdAt: checkins.createdAt })
    .from(checkins)
    .where(and(eq(checkins.orgId, orgId), inArray(checkins.planId, [...planIds])))
    .orderBy(asc(checkins.createdAt));
  for (const row of rows) result.set(row.planId, [...(result.get(row.planId) ?? []), row.createdAt]);
  return result;
}

export async function insertCheckin(
  db: Executor,
  checkin: Pick<typeof checkins.$inferInsert, "orgId" | "planId" | "progress" | "note" | "actions">,
): Promise<string> {
  const [row] = await db.insert(checkins).values(checkin).returning({ id: checkins.id });
  if (!row) throw new Error("check-in insert returned nothing");
  return row.id;
}

/** The plan a check-in belongs to, or null. */
export async function findCheckinPlanId(
  db: Executor,
  orgId: string,
  checkinId: string,
): Promise<string | null> {
  const [row] = await db
    .select({ planId: checkins.planId })
    .from(checkins)
    .where(and(eq(checkins.orgId, orgId), eq(checkins.id, checkinId)));
  return row?.planId ?? null;
}

export async function insertEncouragement(
  db: Executor,
  encouragement: Pick<typeof encouragements.$inferInsert, "orgId" | "checkinId" | "authorId" | "text">,
): Promise<string> {
  const [row] = await db.insert(encouragements).values(encouragement).returning({ id: encouragements.id });
  if (!row) throw new Error("encouragement insert returned nothing");
  return row.id;
}
