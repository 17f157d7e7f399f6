// Checks the aggregation input and brings it to one internal form: scores as a row per response,
// aligned with the instrument's items. Bad stored data fails loudly rather than being skipped.
import { InvalidInputError } from "../errors";
import {
  type DimensionKey,
  type Instrument,
  isDimensionKey,
  RATER_GROUPS,
  type RaterGroup,
} from "../instrument";
import type { StoredScore } from "./tally";
import type { AggregateInput } from "./types";

export interface ResolvedPolicy {
  readonly threshold: number;
  readonly commentThreshold: number;
  readonly showManagerApart: boolean;
}

export interface SealedRow {
  readonly group: RaterGroup;
  /** One score per instrument item, in instrument order; 0 = "not observed". */
  readonly scores: readonly StoredScore[];
  readonly comments: readonly { dimension: DimensionKey; text: string }[];
}

export const MIN_THRESHOLD = 3;

export function resolvePolicy(input: AggregateInput): ResolvedPolicy {
  const { threshold } = input;
  if (!Number.isInteger(threshold) || threshold < MIN_THRESHOLD) {
    throw new InvalidInputError(
      `The anonymity threshold must be a whole number of at least ${MIN_THRESHOLD}`,
      {
        threshold: `Got ${threshold}`,
      },
    );
  }
  const commentThreshold = input.policy?.commentThreshold ?? threshold;
  if (!Number.isInteger(commentThreshold) || commentThreshold < threshold) {
    throw new InvalidInputError(
      `The comment threshold must be a whole number no lower than the anonymity threshold (${threshold})`,
      { commentThreshold: `Got ${commentThreshold}` },
    );
  }
  return { threshold, commentThreshold, showManagerApart: input.policy?.showManagerApart ?? true };
}

export function instrumentItemIds(instrument: Instrument): string[] {
  return instrument.dimensions.flatMap((dimension) => dimension.items.map((item) => item.id));
}

function isStoredScore(value: unknown): value is Exclude<StoredScore, 0> {
  return typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 5;
}

export function normaliseResponses(instrument: Instrument, input: AggregateInput["responses"]): SealedRow[] {
  const itemIds = instrumentItemIds(instrument);
  const known = new Set(itemIds);
  return input.map((response, index) => {
    if (!(RATER_GROUPS as readonly string[]).includes(response.group)) {
      throw new InvalidInputError(`Response ${index} has an unknown rater group "${response.group}"`);
    }
    const scores = itemIds.map((itemId): StoredScore => {
      const score = response.answers[itemId];
      if (score === null || score === undefined) return 0;
      if (!isStoredScore(score)) {
        throw new InvalidInputError(
          `Response ${index} scores "${itemId}" with ${score}; scores go from 1 to 5`,
        );
      }
      return score;
    });
    const unknown = Object.keys(response.answers).find((id) => !known.has(id));
    if (unknown !== undefined) {
      throw new InvalidInputError(
        `Response ${index} rates "${unknown}", which instrument version ${instrument.version} does not have`,
      );
    }
    const comments = (response.comments ?? []).map((comment) => {
      if (!isDimensionKey(comment.dimension)) {
        throw new InvalidInputError(
          `Response ${index} comments on an unknown dimension "${comment.dimension}"`,
        );
      }
      return { dimension: comment.dimension, text: comment.text.trim() };
    });
    return { group: response.group, scores, comments: comments.filter((comment) => comment.text !== "") };
  });
}
