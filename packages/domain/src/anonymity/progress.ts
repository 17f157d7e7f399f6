// Progress a requester may watch while a request collects answers (DESIGN §4 rule 8): counts per
// group, never names. A count over one or two people would name them all the same ("Other
// colleagues: 1 of 1 answered"), so anonymous groups are pooled by the number invited until each
// line stands on at least k invitees; the report later starts its pools from these lines. The set
// behind a line never changes once answers are collected (no anonymous rater joins an open request,
// erasure leaves invitations as they were), so no change of a count belongs to one person.
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
  /** False for external raters who do not count towards k (rule 9); true when omitted. */
  counted?: boolean;
}

export interface ProgressLine {
  group: FigureGroupId;
  label: string;
  invited: number;
  /** Null on the line of raters who do not count: whether they answered is nobody's business. */
  submitted: number | null;
  declined: number | null;
  pooledFrom?: AnonymousGroup[];
  /** Present (false) on the line of invited raters who do not count towards anonymity. */
  counted?: false;
}

/**
 * Whether a rater of this group may still be invited once a request collects answers. Only the
 * identifiable groups: a new anonymous invitee changes the set behind a progress line, and the
 * count before and after would tell about the people it held ("3 of 3 answered", then "3 of 4").
 */
export function mayInviteWhileOpen(group: RaterGroup): boolean {
  return !isAnonymousGroup(group);
}

/**
 * The state an invitation keeps when its rater's data is erased: the one it had. Turning a pending
 * invitation into "declined" would tell the admin who erased them whether they had answered.
 */
export function invitationStateAfterErasure<S extends string>(state: S): S {
  return state;
}

/**
 * Whether erasure ends a rater's chance to answer. It does not: the one-time link they hold keeps
 * working until the deadline (their sign-in and inbox are gone). Were it to end, every later change
 * of a count in their pool would be someone else's, and with a pool of k the counts would soon say
 * what the erased person had done.
 */
export const ERASURE_ENDS_ANSWERING = false;

export function progressLines(counts: readonly GroupProgressCounts[], threshold: number): ProgressLine[] {
  const counting = counts.filter((c) => c.counted !== false);
  const lines: ProgressLine[] = counting
    .filter((c) => !isAnonymousGroup(c.group))
    .map(({ counted: _, ...c }) => ({ ...c, label: RATER_GROUP_LABELS[c.group] }));
  const invited = Object.fromEntries(ANONYMOUS_GROUPS.map((g) => [g, 0])) as Record<AnonymousGroup, number>;
  for (const c of counting) if (isAnonymousGroup(c.group)) invited[c.group] += c.invited;
  for (const unit of poolGroups(invited, threshold)) {
    const members = counting.filter((c) => (unit.members as readonly RaterGroup[]).includes(c.group));
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
  const uncounted = counts.filter((c) => c.counted === false).reduce((n, c) => n + c.invited, 0);
  if (uncounted > 0) {
    lines.push({
      group: "other",
      label: "Not counted towards anonymity",
      invited: uncounted,
      submitted: null,
      declined: null,
      counted: false,
    });
  }
  return lines;
}
