// instrument.get: the questionnaire of the caller's organisation, its current version unless one is
// named. Callers who are not signed in (nothing says which organisation) get the built-in version;
// raters with a link get their request's frozen questionnaire with the form instead.
import { BUILT_IN_VERSION, getInstrument, NotFoundError } from "@fivefold/domain";
import type { ServiceContext } from "../context";
import { describeInstrument } from "./describe";
import { currentInstrumentVersion, instrumentOfVersion } from "./versions";

export async function getOrgInstrument({
  ctx,
  orgId,
  input,
}: {
  ctx: ServiceContext;
  orgId: string | null;
  input?: { version?: number | undefined } | undefined;
}) {
  if (!orgId) {
    const version = input?.version ?? BUILT_IN_VERSION;
    if (version !== BUILT_IN_VERSION) throw new NotFoundError(`Instrument version ${version}`);
    return describeInstrument(getInstrument(BUILT_IN_VERSION));
  }
  const version = input?.version ?? (await currentInstrumentVersion(ctx, orgId));
  return describeInstrument(await instrumentOfVersion(ctx, orgId, version));
}
