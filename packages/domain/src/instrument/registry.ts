// Every released instrument version, looked up by the version a request or snapshot recorded.
import { NotFoundError } from "../errors";
import type { DimensionKey } from "./keys";
import type { Instrument, InstrumentDimension, InstrumentItem } from "./types";
import { INSTRUMENT_V1 } from "./v1";

const INSTRUMENTS: ReadonlyMap<number, Instrument> = new Map([[INSTRUMENT_V1.version, INSTRUMENT_V1]]);

export const CURRENT_INSTRUMENT_VERSION = 1;

export function getInstrument(version: number = CURRENT_INSTRUMENT_VERSION): Instrument {
  const instrument = INSTRUMENTS.get(version);
  if (!instrument) throw new NotFoundError(`Instrument version ${version}`);
  return instrument;
}

export interface ItemRef {
  readonly dimension: InstrumentDimension;
  readonly item: InstrumentItem;
}

/** Item id → its item and dimension, for validating and aggregating answers. */
export function indexItems(instrument: Instrument): ReadonlyMap<string, ItemRef> {
  const index = new Map<string, ItemRef>();
  for (const dimension of instrument.dimensions) {
    for (const item of dimension.items) index.set(item.id, { dimension, item });
  }
  return index;
}

export function findDimension(instrument: Instrument, key: DimensionKey): InstrumentDimension {
  const dimension = instrument.dimensions.find((candidate) => candidate.key === key);
  if (!dimension) throw new NotFoundError(`Dimension "${key}" in instrument version ${instrument.version}`);
  return dimension;
}
