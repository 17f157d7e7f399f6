// Comment schemas: free text a rater may add per dimension, cleaned before it is sealed.
import { z } from "zod";
import { DIMENSION_KEYS, type DimensionKey } from "../instrument";

export const COMMENT_MAX_LENGTH = 2_000;

// Control characters would let a comment hide text or break layouts; newlines and tabs are kept
// because people write paragraphs and lists.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const FORBIDDEN_CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * A comment's length as the limit counts it: code points, not UTF-16 units, so an emoji counts
 * once. The form's counter uses the same function, so browser and server agree.
 */
export function commentLength(text: string): number {
  return [...text].length;
}

export const commentTextSchema = z
  .string({ error: "Write the comment as text" })
  .transform((text) => text.replace(/\r\n?/g, "\n").trim())
  .superRefine((text, ctx) => {
    if (FORBIDDEN_CONTROL.test(text)) {
      ctx.addIssue({ code: "custom", message: "Remove the invisible control characters from this comment" });
    }
    const length = commentLength(text);
    if (length > COMMENT_MAX_LENGTH) {
      ctx.addIssue({
        code: "custom",
        message: `Keep comments to ${COMMENT_MAX_LENGTH.toLocaleString("en-GB")} characters: this one has ${length.toLocaleString("en-GB")}`,
      });
    }
  });

export const commentSchema = z.object({
  dimension: z.enum(DIMENSION_KEYS, { error: "Choose one of the five dimensions for this comment" }),
  text: commentTextSchema,
});

export interface DimensionComment {
  dimension: DimensionKey;
  text: string;
}

/** Comments as submitted: empty ones are dropped, at most one per dimension. */
export const commentsSchema = z
  .array(commentSchema)
  .optional()
  .transform((comments): DimensionComment[] => (comments ?? []).filter((comment) => comment.text !== ""))
  .superRefine((comments, ctx) => {
    const seen = new Set<DimensionKey>();
    comments.forEach((comment, index) => {
      if (seen.has(comment.dimension)) {
        ctx.addIssue({
          code: "custom",
          message: "Write one comment per dimension: merge the two comments into one",
          path: [index, "dimension"],
        });
      }
      seen.add(comment.dimension);
    });
  });
