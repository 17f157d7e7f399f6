// An organisation's instrument versions as the rest of the API needs them: the version a new request
// freezes, and the questionnaire of any version a request or report names. Version 1 is the built-in
// one and costs no query; published versions never change, so they are kept per process once read.
import {
  findCurrentInstrumentVersion,
  findPublishedInstrumentVersions,
  type listPublishedInstrumentVersions,
} from "@fivefold/db";
import {
  BUILT_IN_VERSION,
  getInstrument,
  type Instrument,
  type InstrumentVersionRecord,
  instrumentOf,
  NotFoundError,
  versionItemsSchema,
} from "@fivefold/domain";
import type { ServiceContext } from "../context";

type DbContext = Pick<ServiceContext, "db">;
type VersionRow = Awaited<ReturnType<typeof listPublishedInstrumentVersions>>[number];

/** A stored version as the domain's record (items re-checked: bad stored data fails loudly). */
export function recordOf(row: VersionRow): InstrumentVersionRecord {
  return {
    version: row.version,
    publishedAt: row.publishedAt ? row.publishedAt.toISOString() : null,
    items: versionItemsSchema.parse(row.items),
  };
}

// Published versions are immutable: (organisation, version) → questionnaire, bounded.
const cache = new Map<string, Instrument>();
const CACHE_LIMIT = 500;

function remember(orgId: string, instrument: Instrument): void {
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(`${orgId}:${instrument.version}`, instrument);
}

/** The version new requests of the organisation freeze: its latest published one. */
export function currentInstrumentVersion(ctx: DbContext, orgId: string): Promise<number> {
  return findCurrentInstrumentVersion(ctx.db, orgId);
}

/** A resolver over these versions of the organisation (each loaded once); unknown ones are not found. */
export async function instrumentsOf(
  ctx: DbContext,
  orgId: string,
  versions: readonly number[],
): Promise<(version: number) => Instrument> {
  const missing = [...new Set(versions)].filter((v) => v !== BUILT_IN_VERSION && !cache.has(`${orgId}:${v}`));
  for (const row of await findPublishedInstrumentVersions(ctx.db, orgId, missing)) {
    remember(orgId, instrumentOf(recordOf(row)));
  }
  return (version) => {
    if (version === BUILT_IN_VERSION) return getInstrument(BUILT_IN_VERSION);
    const found = cache.get(`${orgId}:${version}`);
    if (!found) throw new NotFoundError(`Instrument version ${version}`);
    return found;
  };
}

/** The questionnaire of one version of the organisation. */
export async function instrumentOfVersion(
  ctx: DbContext,
  orgId: string,
  version: number,
): Promise<Instrument> {
  return (await instrumentsOf(ctx, orgId, [version]))(version);
}
