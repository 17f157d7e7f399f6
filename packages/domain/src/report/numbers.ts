// Small numeric and date helpers shared by report derivation.
import { InvalidInputError } from "../errors";

export function round2(value: number): number {
  // Nudged by a tiny epsilon so that e.g. 4.2 − 3.1 (= 1.0999999…) rounds the way a person expects.
  return Math.round((value + Math.sign(value) * 1e-9) * 100) / 100;
}

/** Mean on the 1–5 scale → position 0..1 on the management-to-leadership spectrum. */
export function spectrumPosition(mean: number | null): number | null {
  return mean === null ? null : round2((mean - 1) / 4);
}

export function toIso(value: string | Date): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new InvalidInputError(`"${String(value)}" is not a date`);
  return date.toISOString();
}
