// Vacuuming sealed storage after releases. Deleting a request's envelopes (release, close as
// insufficient, cancellation, erasure) leaves their dead row versions in the table's pages, each
// stamped with the submit's transaction id, which the dead versions of `invitations` pair with the
// rater who submitted: harmless ciphertext, unless someone with the pages also holds the sealing
// secret. VACUUM clears both. It runs outside the release transaction (it cannot run inside one),
// only when something was released since the last run, and at most once every few minutes across
// all processes, so a bulk release stays fast.
import {
  claimVacuumDue,
  type Database,
  lastSealedStorageVacuum,
  markVacuumDue,
  vacuumSealedStorage,
} from "@fivefold/db";

export const VACUUM_MIN_INTERVAL_MS = 5 * 60_000;

export type VacuumOutcome =
  | { outcome: "vacuumed"; changes: number }
  | { outcome: "nothing to clear" }
  | { outcome: "too soon" };

export async function vacuumAfterReleases(
  db: Database,
  options: { now: Date; lastRunAt: Date | null; minIntervalMs?: number },
): Promise<VacuumOutcome> {
  const interval = options.minIntervalMs ?? VACUUM_MIN_INTERVAL_MS;
  const recent = (at: Date | null) =>
    interval > 0 && at !== null && options.now.getTime() - at.getTime() < interval;
  // This process's last run, then anyone's (Postgres's statistics keep when the table was vacuumed).
  if (recent(options.lastRunAt) || recent(await lastSealedStorageVacuum(db))) return { outcome: "too soon" };
  const changes = await claimVacuumDue(db);
  if (changes === 0) return { outcome: "nothing to clear" };
  try {
    await vacuumSealedStorage(db);
  } catch (error) {
    await markVacuumDue(db); // ask again: the next run retries
    throw error;
  }
  return { outcome: "vacuumed", changes };
}
