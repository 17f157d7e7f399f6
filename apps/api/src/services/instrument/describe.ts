// The questionnaire as clients read it: the five dimensions, their behaviours and the scale, as a
// plain copy, so nothing can change the frozen one.
import type { Instrument } from "@fivefold/domain";

export function describeInstrument(instrument: Instrument) {
  const [a, b, c, d, e] = instrument.scale.labels;
  return {
    version: instrument.version,
    scale: {
      min: instrument.scale.min,
      max: instrument.scale.max,
      labels: [a, b, c, d, e] as [string, string, string, string, string],
      notObservedLabel: instrument.scale.notObservedLabel,
    },
    dimensions: instrument.dimensions.map((dimension) => ({
      key: dimension.key,
      name: dimension.name,
      description: dimension.description,
      leadership: dimension.leadership,
      management: dimension.management,
      items: dimension.items.map((item) => ({ id: item.id, text: item.text })),
    })),
  };
}
