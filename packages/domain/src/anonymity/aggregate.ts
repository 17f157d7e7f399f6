// aggregate(): from sealed responses to the figures a released report may show (DESIGN §4).
// Pure and deterministic: the same responses, in any order, with the same seed give the same snapshot.
import { ANONYMOUS_GROUPS, type AnonymousGroup } from "../instrument";
import { commentGroups, selectComments, selectIdentifiedComments, selectThemes } from "./comments";
import { buildDimensionFigures, figureContext } from "./figures";
import { historyGuard } from "./history";
import { normaliseResponses, resolvePolicy } from "./normalise";
import { invitedUnits, poolGroups } from "./pooling";
import { countAnswered, describeGroups } from "./snapshot-groups";
import type { AggregateInput, AggregateResult } from "./types";

export function aggregate(input: AggregateInput): AggregateResult {
  const policy = resolvePolicy(input);
  const { instrument } = input;
  const rows = normaliseResponses(instrument, input.responses);
  const answered = countAnswered(rows);
  const anonymousAnswered = ANONYMOUS_GROUPS.reduce((total, group) => total + answered[group], 0);
  // Fewer than k anonymous raters in all: no pooling can protect them, so nothing is released.
  if (anonymousAnswered < policy.threshold) {
    return {
      status: "insufficient",
      anonymousAnswered,
      threshold: policy.threshold,
      reason: "too_few_raters",
    };
  }
  const anonymousAnsweredByGroup = Object.fromEntries(
    ANONYMOUS_GROUPS.map((group) => [group, answered[group]]),
  ) as Record<AnonymousGroup, number>;
  // Pools start from the progress lines (by the number invited), then merge further by answers.
  const base = input.invited ? invitedUnits(input.invited, policy.threshold) : undefined;
  const units = poolGroups(anonymousAnsweredByGroup, policy.threshold, base);
  const history =
    input.history && input.history.earlier.length > 0
      ? historyGuard(input.history.answeredBy, input.history.earlier, policy.threshold)
      : undefined;

  const context = figureContext(rows, units, policy, history);
  let firstPosition = 0;
  const dimensions = instrument.dimensions.map((dimension) => {
    const figures = buildDimensionFigures(context, dimension, firstPosition);
    firstPosition += dimension.items.length;
    return figures;
  });
  // Nothing left to show about the anonymous raters: every figure was too close to an earlier report.
  const anyShown = dimensions.some(
    (d) => d.others || d.groups.length > 0 || d.items.some((item) => item.others || item.groups.length > 0),
  );
  if (history && !anyShown) {
    return {
      status: "insufficient",
      anonymousAnswered,
      threshold: policy.threshold,
      reason: "too_close_to_earlier",
    };
  }
  const shownCommentGroups = commentGroups(anonymousAnsweredByGroup, policy, base, history);

  return {
    status: "released",
    snapshot: {
      instrumentVersion: instrument.version,
      threshold: policy.threshold,
      commentThreshold: policy.commentThreshold,
      groups: describeGroups(answered, units, policy, input.invited),
      dimensions,
      comments: selectComments(rows, shownCommentGroups, policy, input.seed),
      commentGroups: shownCommentGroups,
      identifiedComments: selectIdentifiedComments(rows, policy),
      ...(input.phrases ? { themes: selectThemes(rows, shownCommentGroups, policy, input.phrases) } : {}),
      ...(input.notCounted ? { notCounted: input.notCounted } : {}),
    },
  };
}
