// The instrument's shape, exactly as the public API returns it.
import type { DimensionKey } from "./keys";

export type Score = 1 | 2 | 3 | 4 | 5;

export interface InstrumentItem {
  readonly id: string;
  /** The English wording. */
  readonly text: string;
  /** The wording in every language, where the version carries it (an organisation's own versions). */
  readonly texts?: Readonly<Record<"en" | "de", string>>;
}

export interface InstrumentDimension {
  readonly key: DimensionKey;
  readonly name: string;
  readonly description: string;
  /** The leadership habit: the "1" end of the spectrum. */
  readonly leadership: string;
  /** The management counterpart: the "0" end of the spectrum. */
  readonly management: string;
  readonly items: readonly InstrumentItem[];
}

export interface InstrumentScale {
  readonly min: 1;
  readonly max: 5;
  readonly labels: readonly [string, string, string, string, string];
  readonly notObservedLabel: string;
}

export interface Instrument {
  readonly version: number;
  readonly scale: InstrumentScale;
  readonly dimensions: readonly InstrumentDimension[];
}
