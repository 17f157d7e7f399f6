// Progress a requester may watch while a request collects answers (DESIGN §4 rule 8): counts per
// group, never names. A count over one or two people would name them all the same ("Other
// colleagues: 1 of 1 answered"), so anonymous groups are pooled by the number invited, the way
// the report pools them by answers, until each line stands on at least k invitees.
import {
  ANONYMOUS_GROUPS,
  type AnonymousGroup,
  isAnonymousGroup,
  RATER_GROUP_LABELS,
  type RaterGroup,
} from "../instrument";
import { poolGroups, unitLabel } from "./pooling";
import type { FigureGroupId } from "./types";

export interface GroupProgressCounts {
  group: RaterGroup;
  invited: number;
  submitted: number;
  declined: number;
}

export interface ProgressLine {
  group: FigureGroupId;
  label: string;
  invited: number;
  submitted: number;
  declined: number;
  pooledFrom?: AnonymousGroup[];
}

export function progressLines(counts: readonly GroupProgressCounts[], threshold: number): ProgressLine[] {
  const lines: ProgressLine[] = counts
    .filter((c) => !isAnonymousGroup(c.group))
    .map((c) => ({ ...c, label: RATER_GROUP_LABELS[c.group] }));
  const invited = Object.fromEntries(ANONYMOUS_GROUPS.map((g) => [g, 0])) as Record<AnonymousGroup, number>;
  for (const c of counts) if (isAnonymousGroup(c.group)) invited[c.group] += c.invited;
  for (const unit of poolGroups(invited, threshold)) {
    const members = counts.filter((c) => (unit.members as readonly RaterGroup[]).includes(c.group));
    const sum = (key: "invited" | "submitted" | "declined") => members.reduce((n, c) => n + c[key], 0);
    lines.push({
      group: unit.id,
      label: unitLabel(unit),
      invited: sum("invited"),
      submitted: sum("submitted"),
      declined: sum("declined"),
      ...(unit.members.length > 1 ? { pooledFrom: [...unit.members] } : {}),
    });
  }
  return lines;
}
