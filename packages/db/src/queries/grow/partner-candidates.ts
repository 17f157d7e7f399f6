// What partner matching reads: who opted in (and for which dimensions), and each person's latest
// released report snapshot, which holds only figures that met the anonymity threshold.
import { and, desc, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../client";
import { feedbackRequests, partnerPreferences, people, reportSnapshots } from "../../schema";

export interface PartnerPreference {
  optIn: boolean;
  dimensions: string[];
}

export async function findPartnerPreference(
  db: Executor,
  orgId: string,
  personId: string,
): Promise<PartnerPreference | null> {
  const [row] = await db
    .select({ optIn: partnerPreferences.optIn, dimensions: partnerPreferences.dimensions })
    .from(partnerPreferences)
    .where(and(eq(partnerPreferences.orgId, orgId), eq(partnerPreferences.personId, personId)));
  return row ?? null;
}

export async function savePartnerPreference(
  db: Executor,
  orgId: string,
  personId: string,
  preference: PartnerPreference,
): Promise<void> {
  const now = new Date();
  await db
    .insert(partnerPreferences)
    .values({ personId, orgId, optIn: preference.optIn, dimensions: preference.dimensions, updatedAt: now })
    .onConflictDoUpdate({
      target: partnerPreferences.personId,
      set: { optIn: preference.optIn, dimensions: preference.dimensions, updatedAt: now },
    });
}

/** Active people of the organisation who said they may be suggested as partners. */
export async function listOptedInPeople(
  db: Executor,
  orgId: string,
): Promise<Array<{ personId: string; name: string; managerId: string | null; dimensions: string[] }>> {
  return db
    .select({
      personId: people.id,
      name: people.name,
      managerId: people.managerId,
      dimensions: partnerPreferences.dimensions,
    })
    .from(partnerPreferences)
    .innerJoin(
      people,
      and(eq(people.id, partnerPreferences.personId), eq(people.orgId, partnerPreferences.orgId)),
    )
    .where(
      and(eq(partnerPreferences.orgId, orgId), eq(partnerPreferences.optIn, true), eq(people.active, true)),
    );
}

/** Each person's most recently released snapshot (raw JSON: parse it with the domain's schema). */
export async function latestReleasedSnapshots(
  db: Executor,
  orgId: string,
  personIds: readonly string[],
): Promise<Map<string, unknown>> {
  const result = new Map<string, unknown>();
  if (personIds.length === 0) return result;
  const rows = await db
    .selectDistinctOn([feedbackRequests.subjectId], {
      subjectId: feedbackRequests.subjectId,
      snapshot: reportSnapshots.snapshot,
    })
    .from(reportSnapshots)
    .innerJoin(feedbackRequests, eq(feedbackRequests.id, reportSnapshots.requestId))
    .where(
      and(
        eq(reportSnapshots.orgId, orgId),
        eq(feedbackRequests.orgId, orgId),
        eq(feedbackRequests.state, "released"),
        inArray(feedbackRequests.subjectId, [...personIds]),
      ),
    )
    .orderBy(feedbackRequests.subjectId, desc(reportSnapshots.releasedAt));
  for (const row of rows) result.set(row.subjectId, row.snapshot);
  return result;
}
