// Which comments a report shows (DESIGN §4.5) and in what order: anonymous comments only from
// pooled groups that meet the comment threshold, without group labels, in a seeded shuffle.
import type { DimensionComment } from "../answers";
import { ANONYMOUS_GROUPS, type AnonymousGroup, DIMENSION_KEYS, isAnonymousGroup } from "../instrument";
import { type DimensionThemes, decideThemes, type PhraseExtractor } from "../themes/themes";
import type { HistoryGuard } from "./history";
import type { ResolvedPolicy, SealedRow } from "./normalise";
import { poolGroups } from "./pooling";
import { hashSeed, mulberry32, seededShuffle } from "./prng";
import type { IdentifiedComment } from "./types";

function compareComments(a: DimensionComment, b: DimensionComment): number {
  const byDimension = DIMENSION_KEYS.indexOf(a.dimension) - DIMENSION_KEYS.indexOf(b.dimension);
  return byDimension || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0);
}

/**
 * Groups whose comments may be shown: pooled at the comment threshold (from the same starting pools
 * as the figures), each pool meeting it; none when they would differ from the commenters of an
 * earlier report on the subject by fewer than k people (rule 10).
 */
export function commentGroups(
  answered: Readonly<Record<AnonymousGroup, number>>,
  policy: ResolvedPolicy,
  base: readonly (readonly AnonymousGroup[])[] | undefined,
  history: HistoryGuard | undefined,
): AnonymousGroup[] {
  const units = poolGroups(answered, policy.commentThreshold, base);
  const groups = ANONYMOUS_GROUPS.filter((group) =>
    units.some((unit) => unit.answered >= policy.commentThreshold && unit.members.includes(group)),
  );
  return history && !history.allowsComments(groups) ? [] : groups;
}

/** The responses whose comments a report shows unlabelled: the shown groups' (and the themes'). */
export function commentingRows(
  rows: readonly SealedRow[],
  shownGroups: readonly AnonymousGroup[],
  policy: ResolvedPolicy,
): SealedRow[] {
  const groups = new Set(shownGroups);
  if (groups.size === 0) return [];
  return rows.filter(
    (row) =>
      (isAnonymousGroup(row.group) && groups.has(row.group)) ||
      // A manager who is not shown apart is rated among everyone else, so their comments join
      // the unlabelled ones rather than disappear.
      (row.group === "manager" && !policy.showManagerApart),
  );
}

/**
 * The themes of the shown comments (issue 19), at the comment threshold: the same responses as the
 * comments, so themes say nothing of a group whose comments are not shown.
 */
export function selectThemes(
  rows: readonly SealedRow[],
  shownGroups: readonly AnonymousGroup[],
  policy: ResolvedPolicy,
  phrases: PhraseExtractor,
): DimensionThemes {
  const sources = commentingRows(rows, shownGroups, policy).flatMap((row, response) =>
    row.comments.map((comment) => ({
      response,
      dimension: comment.dimension,
      phrases: phrases(comment.text),
    })),
  );
  return decideThemes(sources, policy.commentThreshold);
}

export function selectComments(
  rows: readonly SealedRow[],
  shownGroups: readonly AnonymousGroup[],
  policy: ResolvedPolicy,
  seed: string | number,
): DimensionComment[] {
  const pooled = commentingRows(rows, shownGroups, policy).flatMap((row) =>
    row.comments.map((comment) => ({ dimension: comment.dimension, text: comment.text })),
  );
  // Sorting first makes the shuffle depend on the seed alone, never on the order responses arrived in.
  const random = mulberry32(hashSeed(seed));
  return DIMENSION_KEYS.flatMap((key) =>
    seededShuffle(pooled.filter((comment) => comment.dimension === key).sort(compareComments), random),
  );
}

export function selectIdentifiedComments(
  rows: readonly SealedRow[],
  policy: ResolvedPolicy,
): IdentifiedComment[] {
  const identified: IdentifiedComment[] = [];
  for (const group of ["self", "manager"] as const) {
    if (group === "manager" && !policy.showManagerApart) continue;
    const comments = rows
      .filter((row) => row.group === group)
      .flatMap((row) => row.comments)
      .sort(compareComments);
    for (const comment of comments)
      identified.push({ group, dimension: comment.dimension, text: comment.text });
  }
  return identified;
}
