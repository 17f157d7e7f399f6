// What a released report shows after derivation: profile, gaps, highlights, spectrum and trend.
import type { FigureGroupId, ReportSnapshot } from "../anonymity";
import type { DimensionKey, Instrument } from "../instrument";

export interface EarlierSnapshot {
  readonly releasedAt: string | Date;
  readonly snapshot: ReportSnapshot;
}

export interface DeriveReportOptions {
  /** Earlier released snapshots of the same subject, in any order. */
  readonly earlier?: readonly EarlierSnapshot[];
  /** When this snapshot was released; labels the last trend point. */
  readonly releasedAt?: string | Date | null;
  /** Self above others by at least this much is a blind spot. Default 1.0. */
  readonly blindSpotGap?: number;
  /** Others above self by at least this much is a hidden strength. Default 1.0. */
  readonly hiddenStrengthGap?: number;
  /** The questionnaire of a version (an organisation's own versions); default the built-in registry. */
  readonly instrumentOf?: (version: number) => Instrument;
}

export interface ProfileGroup {
  group: FigureGroupId;
  label: string;
  mean: number;
  n: number;
}

export interface ProfileEntry {
  key: DimensionKey;
  name: string;
  /** Everyone-but-self mean, null where hidden. */
  others: number | null;
  othersN: number | null;
  self: number | null;
  manager: number | null;
  groups: ProfileGroup[];
}

export interface GapEntry {
  key: DimensionKey;
  self: number | null;
  others: number | null;
  /** self − others, null unless both are shown. */
  gap: number | null;
}

export interface GapFinding {
  dimension: DimensionKey;
  name: string;
  self: number;
  others: number;
  /** self − others: positive for a blind spot, negative for a hidden strength. */
  gap: number;
  explanation: string;
}

export interface ItemHighlight {
  itemId: string;
  dimension: DimensionKey;
  text: string;
  mean: number;
  n: number;
}

export interface SpectrumEntry {
  key: DimensionKey;
  /** 0 = the management counterpart, 1 = the leadership habit, from others' mean; null where hidden. */
  position: number | null;
  selfPosition: number | null;
  leadership: string;
  management: string;
}

export interface TrendPoint {
  /** ISO timestamp; null for the current snapshot when its release time was not given. */
  releasedAt: string | null;
  mean: number | null;
}

export interface DerivedReport {
  instrumentVersion: number;
  profile: ProfileEntry[];
  gaps: GapEntry[];
  blindSpots: GapFinding[];
  hiddenStrengths: GapFinding[];
  /** Every behaviour with a shown everyone-but-self figure, in instrument order. */
  items: ItemHighlight[];
  highest: ItemHighlight[];
  lowest: ItemHighlight[];
  spectrum: SpectrumEntry[];
  /** Per dimension, oldest first, the current snapshot last. */
  trend: Record<DimensionKey, TrendPoint[]>;
  /** Set when the reports used different questionnaire versions: what the trend compares. */
  trendNote: string | null;
}
