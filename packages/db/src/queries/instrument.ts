// An organisation's own instrument versions (issue 19): the published ones, the one working draft,
// and the lock that makes saving and publishing take turns within an organisation.
import { and, asc, desc, eq, inArray, isNotNull, isNull, max } from "drizzle-orm";
import type { Executor } from "../client";
import { instrumentVersions, organisations } from "../schema";

const columns = {
  version: instrumentVersions.version,
  items: instrumentVersions.items,
  publishedAt: instrumentVersions.publishedAt,
  updatedAt: instrumentVersions.updatedAt,
};

/** Saving or publishing waits for any other edit of this organisation's instrument to finish. */
export async function lockInstrumentEdits(db: Executor, orgId: string): Promise<void> {
  await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, orgId))
    .for("no key update");
}

export async function listPublishedInstrumentVersions(db: Executor, orgId: string) {
  return db
    .select(columns)
    .from(instrumentVersions)
    .where(and(eq(instrumentVersions.orgId, orgId), isNotNull(instrumentVersions.publishedAt)))
    .orderBy(asc(instrumentVersions.version));
}

/** These published versions of the organisation (requests and reports name theirs). */
export async function findPublishedInstrumentVersions(
  db: Executor,
  orgId: string,
  versions: readonly number[],
) {
  const wanted = [...new Set(versions)].filter((v) => Number.isInteger(v) && v >= 2 && v <= 2_147_483_647);
  if (wanted.length === 0) return [];
  return db
    .select(columns)
    .from(instrumentVersions)
    .where(
      and(
        eq(instrumentVersions.orgId, orgId),
        inArray(instrumentVersions.version, wanted),
        isNotNull(instrumentVersions.publishedAt),
      ),
    );
}

/** The organisation's latest published version, or null when it still asks the built-in one. */
export async function findLatestInstrumentVersion(db: Executor, orgId: string) {
  const [row] = await db
    .select(columns)
    .from(instrumentVersions)
    .where(and(eq(instrumentVersions.orgId, orgId), isNotNull(instrumentVersions.publishedAt)))
    .orderBy(desc(instrumentVersions.version))
    .limit(1);
  return row ?? null;
}

/** The number of the latest published version (1, the built-in, when none). */
export async function findCurrentInstrumentVersion(db: Executor, orgId: string): Promise<number> {
  const [row] = await db
    .select({ version: max(instrumentVersions.version) })
    .from(instrumentVersions)
    .where(and(eq(instrumentVersions.orgId, orgId), isNotNull(instrumentVersions.publishedAt)));
  return row?.version ?? 1;
}

export async function findInstrumentDraft(db: Executor, orgId: string) {
  const [row] = await db
    .select(columns)
    .from(instrumentVersions)
    .where(and(eq(instrumentVersions.orgId, orgId), isNull(instrumentVersions.publishedAt)));
  return row ?? null;
}

/** Writes the working draft as `version` (the next one); call under lockInstrumentEdits. */
export async function saveInstrumentDraft(
  db: Executor,
  draft: { orgId: string; version: number; items: unknown[]; updatedBy: string; now: Date },
) {
  await db
    .delete(instrumentVersions)
    .where(and(eq(instrumentVersions.orgId, draft.orgId), isNull(instrumentVersions.publishedAt)));
  const [row] = await db
    .insert(instrumentVersions)
    .values({
      orgId: draft.orgId,
      version: draft.version,
      items: draft.items,
      updatedAt: draft.now,
      updatedBy: draft.updatedBy,
    })
    .returning(columns);
  return row;
}

/** Turns the working draft into a published version; call under lockInstrumentEdits. */
export async function publishInstrumentDraft(db: Executor, orgId: string, now: Date) {
  const [row] = await db
    .update(instrumentVersions)
    .set({ publishedAt: now, updatedAt: now })
    .where(and(eq(instrumentVersions.orgId, orgId), isNull(instrumentVersions.publishedAt)))
    .returning(columns);
  return row ?? null;
}
