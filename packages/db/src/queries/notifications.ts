// The bell's read marks (issue 18): the keys a person marked read, and marking more.
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../client";
import { notificationReads } from "../schema";

/** Of these keys, those the person has marked read. */
export async function listReadNotificationKeys(
  db: Executor,
  orgId: string,
  personId: string,
  keys: readonly string[],
): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db
    .select({ key: notificationReads.key })
    .from(notificationReads)
    .where(
      and(
        eq(notificationReads.orgId, orgId),
        eq(notificationReads.personId, personId),
        inArray(notificationReads.key, [...keys]),
      ),
    );
  return new Set(rows.map((r) => r.key));
}

/** Marks the keys read (again is a no-op); returns how many were new. */
export async function insertNotificationReads(
  db: Executor,
  values: { orgId: string; personId: string; keys: readonly string[]; readAt: Date },
): Promise<number> {
  if (values.keys.length === 0) return 0;
  const rows = await db
    .insert(notificationReads)
    .values(
      values.keys.map((key) => ({
        orgId: values.orgId,
        personId: values.personId,
        key,
        readAt: values.readAt,
      })),
    )
    .onConflictDoNothing()
    .returning({ key: notificationReads.key });
  return rows.length;
}
