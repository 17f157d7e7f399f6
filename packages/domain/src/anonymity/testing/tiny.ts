// Test-only: a one-dimension instrument, small enough for the brute-force searches.
import { INSTRUMENT_V1, type Instrument } from "../../instrument";

export function tinyInstrument(items: number): Instrument {
  const [first] = INSTRUMENT_V1.dimensions;
  if (!first) throw new Error("instrument v1 has no dimensions");
  return { ...INSTRUMENT_V1, version: 99, dimensions: [{ ...first, items: first.items.slice(0, items) }] };
}
