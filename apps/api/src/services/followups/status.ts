// followups.get: whether the subject has thanked their raters yet, and texts they may start from,
// built from their plan's focus, or from the focus the report suggests when there is no plan.
import { findPlanFocusOfReport, findRaterThanks } from "@fivefold/db";
import {
  BUILT_IN_VERSION,
  chooseFocus,
  deriveReport,
  type FollowupStatusInput,
  type FollowupStatusOutput,
  getInstrument,
  isDimensionKey,
  parseSnapshot,
  THANK_YOU_LIMITS,
  thankYouSuggestions,
} from "@fivefold/domain";
import type { MemberServiceContext } from "../context";
import { instrumentsOf } from "../instrument/versions";
import { loadOwnReleasedReport } from "./access";

export async function followupStatus({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: FollowupStatusInput;
}): Promise<FollowupStatusOutput> {
  const report = await loadOwnReleasedReport(ctx, input.requestId);
  const thankedAt = await findRaterThanks(ctx.db, ctx.org.id, report.requestId);
  const snapshot = parseSnapshot(report.snapshot, report.requestId);
  const planFocus = await findPlanFocusOfReport(ctx.db, ctx.org.id, report.requestId);
  const focus =
    planFocus?.filter(isDimensionKey) ??
    chooseFocus(
      deriveReport(snapshot, {
        earlier: [],
        releasedAt: report.releasedAt.toISOString(),
        instrumentOf: await instrumentsOf(ctx, ctx.org.id, [snapshot.instrumentVersion]),
      }),
    ).focus;
  // The five dimensions and their names are the same in every version.
  const names = new Map(getInstrument(BUILT_IN_VERSION).dimensions.map((d) => [d.key, d.name]));
  return {
    thankedAt: thankedAt ? thankedAt.toISOString() : null,
    suggestions: thankYouSuggestions({ focus: focus.map((key) => ({ key, name: names.get(key) ?? key })) }),
    limits: THANK_YOU_LIMITS,
  };
}
