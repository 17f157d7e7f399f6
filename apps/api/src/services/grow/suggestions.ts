// Partner suggestions for a plan: colleagues who opted in, ranked on their own released figures
// (never shown: the reason is in words), people already asked left out.
import { latestReleasedSnapshots, listOptedInPeople, listPlanPartnerships } from "@fivefold/db";
import {
  assertPlanEditable,
  type DimensionKey,
  getInstrument,
  isDimensionKey,
  type PartnerSuggestion,
  partnerProfile,
  type SuggestPartnersInput,
  suggestPartners,
} from "@fivefold/domain";
import { accessPlan, requireOwnerOrCoach } from "./access";
import type { MemberCall } from "./call";
import { contentOf } from "./content";
import { parseStoredSnapshot } from "./report";

export const dimensionNames = (): Record<DimensionKey, string> =>
  Object.fromEntries(getInstrument().dimensions.map((d) => [d.key, d.name])) as Record<DimensionKey, string>;

export async function suggestPlanPartners({
  ctx,
  input,
}: MemberCall<SuggestPartnersInput>): Promise<PartnerSuggestion[]> {
  const access = await accessPlan(ctx, input.planId);
  requireOwnerOrCoach(access, "suggestPartners");
  assertPlanEditable(access.plan.state);
  const circle = new Set(
    (await listPlanPartnerships(ctx.db, ctx.org.id, [input.planId])).map((m) => m.personId),
  );
  // Anyone already asked (declined included: they said no) is not suggested again.
  const people = (await listOptedInPeople(ctx.db, ctx.org.id)).filter((p) => !circle.has(p.personId));
  const snapshots = await latestReleasedSnapshots(
    ctx.db,
    ctx.org.id,
    people.map((p) => p.personId),
  );
  return suggestPartners({
    subjectId: access.plan.subjectId,
    subjectDirectReportIds: people
      .filter((p) => p.managerId === access.plan.subjectId)
      .map((p) => p.personId),
    focus: contentOf(access.plan).focus,
    role: input.role ?? "partner",
    dimensionNames: dimensionNames(),
    candidates: people.map((p) => {
      // No released report yet: no figures to match on (not a fault, unlike a snapshot that fails to parse).
      const snapshot = snapshots.get(p.personId);
      return {
        personId: p.personId,
        name: p.name,
        optIn: true,
        optInDimensions: p.dimensions.filter(isDimensionKey),
        profile: partnerProfile(snapshot === undefined ? null : parseStoredSnapshot(snapshot)),
      };
    }),
  });
}
