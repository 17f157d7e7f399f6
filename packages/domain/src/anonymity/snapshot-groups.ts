// The snapshot's group list: who was invited and answered per group, which groups are shown,
// and which pools stand in for the groups they merged.
import { IDENTIFIABLE_GROUPS, RATER_GROUP_LABELS, RATER_GROUPS, type RaterGroup } from "../instrument";
import type { ResolvedPolicy, SealedRow } from "./normalise";
import { type AnonymousUnit, unitLabel } from "./pooling";
import type { AggregateInput, SnapshotGroup } from "./types";

export function countAnswered(rows: readonly SealedRow[]): Record<RaterGroup, number> {
  const answered = Object.fromEntries(RATER_GROUPS.map((group) => [group, 0])) as Record<RaterGroup, number>;
  for (const row of rows) answered[row.group] += 1;
  return answered;
}

export function describeGroups(
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
      // A pooled-away group's own count stays unsaid: with one or two people in it, it would say who.
      answered: identifiable || shown ? answered[group] : null,
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
