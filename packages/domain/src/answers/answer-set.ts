// Schemas for a rater's answer set: the final submission (complete) and a saved draft (partial).
import { z } from "zod";
import { forPeople } from "../i18n/for-people";
import { type Instrument, indexItems, type Score } from "../instrument";
import { commentsSchema, type DimensionComment } from "./comment";

const scoreMessage = "Choose a score from 1 (rarely) to 5 (almost always), or mark it not observed";

/** A score 1–5, or null for "not observed". */
export const scoreSchema = z
  .number({ error: scoreMessage })
  .int({ error: scoreMessage })
  .min(1, { error: scoreMessage })
  .max(5, { error: scoreMessage })
  .nullable()
  .transform((score) => score as Score | null);

export const answerSchema = z.object({
  itemId: z.string({ error: "Each answer needs the behaviour it rates" }),
  score: scoreSchema,
});

export interface Answer {
  itemId: string;
  score: Score | null;
}

export interface AnswerSet {
  answers: Answer[];
  comments: DimensionComment[];
}

function answerSetShape(instrument: Instrument, requireEveryItem: boolean) {
  const items = indexItems(instrument);
  return z
    .object({
      answers: z.array(answerSchema, { error: "Send the answers as a list" }),
      comments: commentsSchema,
    })
    .superRefine(({ answers }, ctx) => {
      const answered = new Set<string>();
      answers.forEach((answer, index) => {
        if (!items.has(answer.itemId)) {
          ctx.addIssue({
            code: "custom",
            path: ["answers", index, "itemId"],
            message: `"${answer.itemId}" is not a behaviour of this questionnaire: reload the form and try again`,
          });
        } else if (answered.has(answer.itemId)) {
          ctx.addIssue({
            code: "custom",
            path: ["answers", index, "itemId"],
            message: `"${answer.itemId}" is answered twice: keep one answer per behaviour`,
          });
        }
        answered.add(answer.itemId);
      });
      if (!requireEveryItem) return;
      const missing = instrument.dimensions
        .map((dimension) => ({
          name: dimension.name,
          count: dimension.items.filter((item) => !answered.has(item.id)).length,
        }))
        .filter(({ count }) => count > 0);
      if (missing.length > 0) {
        ctx.addIssue({
          code: "custom",
          path: ["answers"],
          message: `Rate every behaviour or mark it not observed: ${missing
            .map(({ name, count }) => forPeople(`${count} missing in ${name}`))
            .join(", ")}`,
        });
      }
    });
}

/** The final submission: every behaviour answered exactly once (a score or "not observed"). */
export function answerSetSchema(instrument: Instrument) {
  return answerSetShape(instrument, true);
}

/** A saved draft: any subset of behaviours, still no unknown or repeated ones. */
export function answerDraftSchema(instrument: Instrument) {
  return answerSetShape(instrument, false);
}

/** Answers as a record keyed by item id, the form the aggregator and the sealed response use. */
export function toAnswerRecord(answers: readonly Answer[]): Record<string, Score | null> {
  const record: Record<string, Score | null> = {};
  for (const answer of answers) record[answer.itemId] = answer.score;
  return record;
}
