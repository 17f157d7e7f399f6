// aggregate(): from sealed responses to the figures a released report may show (DESIGN §4).
// Pure and deterministic: the same responses, in any order, with the same seed give the same snapshot.
import {
  ANONYMOUS_GROUPS,
  type AnonymousGroup,
  IDENTIFIABLE_GROUPS,
  RATER_GROUP_LABELS,
  RATER_GROUPS,
  type RaterGroup,
} from "../instrument";
import { countAnonymous, selectComments, selectIdentifiedComments } from "./comments";
import { buildDimensionFigures, figureContext, unitLabel } from "./figures";
import { normaliseResponses, type ResolvedPolicy, resolvePolicy, type SealedRow } from "./normalise";
import { type AnonymousUnit, poolGroups } from "./pooling";
import type { AggregateInput, AggregateResult, SnapshotGroup } from "./types";

function countAnswered(rows: readonly SealedRow[]): Record<RaterGroup, number> {
  const answered = Object.fromEntries(RATER_GROUPS.map((group) => [group, 0])) as Record<RaterGroup, number>;
  for (const row of rows) answered[row.group] += 1;
  return answered;
}

function describeGroups(
  answered: Readonly<Record<RaterGroup, number>>,
  units: readonly AnonymousUnit[],
  policy: ResolvedPolicy,
  invited: AggregateInput["invited"],
): SnapshotGroup[] {
  const invitedTo = (group: RaterGroup) => invited?.[group] ?? null;
  const groups: SnapshotGroup[] = RATER_GROUPS.map((group) => {
    const identifiable = (IDENTIFIABLE_GROUPS as readonly RaterGroup[]).includes(group);
    const shown = identifiable
      ? answered[group] > 0 && (group === "self" || policy.showManagerApart)
      : units.some((unit) => unit.id === group);
    return {
      group,
      label: RATER_GROUP_LABELS[group],
      identifiable,
      invited: invitedTo(group),
      answered: answered[group],
      shown,
    };
  });
  for (const unit of units) {
    if (unit.members.length === 1) continue;
    const counts = unit.members.map(invitedTo);
    groups.push({
      group: unit.id,
      label: unitLabel(unit),
      identifiable: false,
      invited: counts.every((count) => count !== null) ? counts.reduce((a, b) => a + (b ?? 0), 0) : null,
      answered: unit.answered,
      shown: true,
      pooledFrom: [...unit.members],
    });
  }
  return groups;
}

export function aggregate(input: AggregateInput): AggregateResult {
  const policy = resolvePolicy(input);
  const { instrument } = input;
  const rows = normaliseResponses(instrument, input.responses);
  const answered = countAnswered(rows);
  const anonymousAnswered = countAnonymous(answered);
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
