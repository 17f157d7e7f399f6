// Pooling of small anonymous groups (DESIGN §4.3): the smallest with the next smallest, until every
// pool that is shown stands on at least `threshold` raters.
import { ANONYMOUS_GROUPS, type AnonymousGroup, RATER_GROUP_LABELS } from "../instrument";
import type { FigureGroupId } from "./types";

export interface AnonymousUnit {
  /** The group itself, or `pool:peer+direct_report` for a pool. */
  readonly id: FigureGroupId;
  /** Members in canonical order (ANONYMOUS_GROUPS). */
  readonly members: readonly AnonymousGroup[];
  readonly answered: number;
}

function canonical(members: readonly AnonymousGroup[]): AnonymousGroup[] {
  return ANONYMOUS_GROUPS.filter((group) => members.includes(group));
}

export function unitId(members: readonly AnonymousGroup[]): FigureGroupId {
  const ordered = canonical(members);
  return ordered.length === 1 ? (ordered[0] as AnonymousGroup) : `pool:${ordered.join("+")}`;
}

export function poolLabel(members: readonly AnonymousGroup[]): string {
  const labels = canonical(members).map((group, index) => {
    const label = RATER_GROUP_LABELS[group];
    return index === 0 ? label : label.toLowerCase();
  });
  const last = labels.pop();
  return `${labels.join(", ")} and ${last} together`;
}

export function unitLabel(unit: AnonymousUnit): string {
  return unit.members.length === 1
    ? RATER_GROUP_LABELS[unit.members[0] as AnonymousGroup]
    : poolLabel(unit.members);
}

// Smallest first; on a tie the group that comes first in ANONYMOUS_GROUPS, so pooling never depends
// on the order responses arrived in.
function bySize(a: AnonymousUnit, b: AnonymousUnit): number {
  if (a.answered !== b.answered) return a.answered - b.answered;
  const first = (unit: AnonymousUnit) => ANONYMOUS_GROUPS.indexOf(unit.members[0] as AnonymousGroup);
  return first(a) - first(b);
}

/**
 * Groups with nobody answering take no part. The result has every unit at `threshold` or more,
 * unless all anonymous raters together are fewer (then a single unit under the threshold remains).
 *
 * `base` are units to start from instead of single groups: the pools that progress showed while
 * answers came in (by the number invited). Starting from them, every pool of the report is a union
 * of lines the requester already watched, so report and progress together say no more than each.
 */
export function poolGroups(
  answered: Readonly<Record<AnonymousGroup, number>>,
  threshold: number,
  base?: readonly (readonly AnonymousGroup[])[],
): AnonymousUnit[] {
  const starts: AnonymousGroup[][] = (base ?? []).map((members) => canonical(members));
  for (const group of ANONYMOUS_GROUPS) {
    if (!starts.some((members) => members.includes(group))) starts.push([group]);
  }
  let units: AnonymousUnit[] = starts
    .map((members) => ({
      id: unitId(members),
      members,
      answered: members.reduce((total, group) => total + answered[group], 0),
    }))
    .filter((unit) => unit.answered > 0);
  units.sort(bySize);
  while (units.length > 1 && (units[0] as AnonymousUnit).answered < threshold) {
    const [smallest, next, ...rest] = units as [AnonymousUnit, AnonymousUnit, ...AnonymousUnit[]];
    const members = canonical([...smallest.members, ...next.members]);
    units = [...rest, { id: unitId(members), members, answered: smallest.answered + next.answered }];
    units.sort(bySize);
  }
  // Report order follows the canonical group order, not the pooling order.
  return units.sort(
    (a, b) =>
      ANONYMOUS_GROUPS.indexOf(a.members[0] as AnonymousGroup) -
      ANONYMOUS_GROUPS.indexOf(b.members[0] as AnonymousGroup),
  );
}

/** The pools of progress lines: anonymous groups pooled by how many were invited. */
export function invitedUnits(
  invited: Readonly<Partial<Record<AnonymousGroup, number>>>,
  threshold: number,
): AnonymousGroup[][] {
  const counts = Object.fromEntries(ANONYMOUS_GROUPS.map((group) => [group, invited[group] ?? 0])) as Record<
    AnonymousGroup,
    number
  >;
  return poolGroups(counts, threshold).map((unit) => [...unit.members]);
}
