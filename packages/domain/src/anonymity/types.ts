// Input and output of the anonymous aggregation. The snapshot is plain JSON: it is frozen into the
// database at release and read back, unchanged, for years.
import type { DimensionComment } from "../answers";
import type { AnonymousGroup, DimensionKey, Instrument, RaterGroup, Score } from "../instrument";
import type { DimensionThemes, PhraseExtractor } from "../themes/themes";
import type { AnsweredBy, EarlierReport } from "./history";

/** One sealed response: scores keyed by item id (null or missing = "not observed"), no rater identity. */
export interface RaterResponse {
  readonly group: RaterGroup;
  readonly answers: Readonly<Record<string, Score | null>>;
  readonly comments?: readonly DimensionComment[];
}

export interface AnonymityPolicy {
  /** Anonymous comments need at least this many raters behind them; never below the threshold. */
  readonly commentThreshold?: number;
  /** Show the manager's figures apart (labelled). Default true. */
  readonly showManagerApart?: boolean;
}

export interface AggregateInput {
  readonly instrument: Instrument;
  readonly responses: readonly RaterResponse[];
  /** k: the organisation's anonymity threshold, at least 3. */
  readonly threshold: number;
  readonly policy?: AnonymityPolicy;
  /**
   * How many raters who count were invited per group: for response rates, and as the pools to start
   * from (the progress lines the requester watched while answers came in).
   */
  readonly invited?: Readonly<Partial<Record<RaterGroup, number>>>;
  /** Invited raters who do not count towards k (rule 9), for the report to say so. */
  readonly notCounted?: number;
  /**
   * Earlier released reports on the same subject and items within the comparison window (rule 10),
   * with `answeredBy` for this request: figures that would differ from an earlier one by fewer than
   * k raters are hidden.
   */
  readonly history?: { readonly answeredBy: AnsweredBy; readonly earlier: readonly EarlierReport[] };
  /** Seeds the comment shuffle; use something stable such as the request id. */
  readonly seed: string | number;
  /**
   * Turns a comment into key phrases (the API's language library). Given, the snapshot carries the
   * comments' themes, decided here at the comment threshold; absent, it carries none.
   */
  readonly phrases?: PhraseExtractor;
}

/** A rater group, or a pool of anonymous groups such as `pool:direct_report+other`. */
export type FigureGroupId = RaterGroup | `pool:${string}`;

/** Counts per scale point 1..5. */
export type Distribution = [number, number, number, number, number];

export interface FigureStats {
  /** Mean of the scores, rounded to 2 decimals. */
  mean: number;
  /** Raters who scored (not "not observed") what this figure covers. */
  n: number;
  /** "Not observed" answers on what this figure covers. */
  notObserved: number;
  distribution: Distribution;
}

export interface GroupFigure extends FigureStats {
  group: FigureGroupId;
  label: string;
}

export interface ItemFigures {
  id: string;
  /** Everyone but self (anonymous raters and the manager); null where hidden. */
  others: FigureStats | null;
  self: number | null;
  manager: number | null;
  /** Shown anonymous groups or pools only. */
  groups: GroupFigure[];
}

export interface DimensionFigures {
  key: DimensionKey;
  others: FigureStats | null;
  self: number | null;
  manager: number | null;
  groups: GroupFigure[];
  items: ItemFigures[];
}

export interface SnapshotGroup {
  group: FigureGroupId;
  label: string;
  /** Self and manager: shown apart and labelled. */
  identifiable: boolean;
  invited: number | null;
  /**
   * How many answered; null for an anonymous group not shown on its own (its pool carries the
   * count), since a small group's count could say whether a particular person answered.
   */
  answered: number | null;
  /** Whether the report shows figures for this group (a pooled group is shown through its pool). */
  shown: boolean;
  pooledFrom?: AnonymousGroup[];
}

export interface IdentifiedComment {
  group: "self" | "manager";
  dimension: DimensionKey;
  text: string;
}

export interface ReportSnapshot {
  instrumentVersion: number;
  threshold: number;
  commentThreshold: number;
  groups: SnapshotGroup[];
  dimensions: DimensionFigures[];
  /** Anonymous comments, shuffled, without group labels. */
  comments: DimensionComment[];
  /** The anonymous groups whose comments are shown (absent in snapshots from before rule 10). */
  commentGroups?: AnonymousGroup[];
  /** Invited raters who did not count towards anonymity (rule 9); absent when none. */
  notCounted?: number;
  /** Self and manager comments, labelled, as those raters were told. */
  identifiedComments: IdentifiedComment[];
  /** Recurring themes of the anonymous comments per dimension (absent before issue 19). */
  themes?: Partial<DimensionThemes>;
}

export type AggregateResult =
  | {
      status: "insufficient";
      anonymousAnswered: number;
      threshold: number;
      /** Too few answered, or every figure would differ from an earlier report by too few (rule 10). */
      reason: "too_few_raters" | "too_close_to_earlier";
    }
  | { status: "released"; snapshot: ReportSnapshot };
