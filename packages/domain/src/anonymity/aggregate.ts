// aggregate(): from sealed responses to the figures a released report may show (DESIGN §4).
// Pure and deterministic: the same responses, in any order, with the same seed give the same snapshot.
import { ANONYMOUS_GROUPS, type AnonymousGroup } from "../instrument";
import { selectComments, selectIdentifiedComments } from "./comments";
import { buildDimensionFigures, figureContext } from "./figures";
import { normaliseResponses, resolvePolicy } from "./normalise";
import { poolGroups } from "./pooling";
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
    return { status: "insufficient", anonymousAnswered, threshold: policy.threshold };
  }
  const anonymousAnsweredByGroup = Object.fromEntries(
    ANONYMOUS_GROUPS.map((group) => [group, answered[group]]),
  ) as Record<AnonymousGroup, number>;
  const units = poolGroups(anonymousAnsweredByGroup, policy.threshold);

  const context = figureContext(rows, units, policy);
  let firstPosition = 0;
  const dimensions = instrument.dimensions.map((dimension) => {
    const figures = buildDimensionFigures(context, dimension, firstPosition);
    firstPosition += dimension.items.length;
    return figures;
  });

  return {
    status: "released",
    snapshot: {
      instrumentVersion: instrument.version,
      threshold: policy.threshold,
      commentThreshold: policy.commentThreshold,
      groups: describeGroups(answered, units, policy, input.invited),
      dimensions,
      comments: selectComments(rows, anonymousAnsweredByGroup, policy, input.seed),
      identifiedComments: selectIdentifiedComments(rows, policy),
    },
  };
}
