// Comment schemas: free text a rater may add per dimension, cleaned before it is sealed.
import { z } from "zod";
import { DIMENSION_KEYS, type DimensionKey } from "../instrument";

export const COMMENT_MAX_LENGTH = 2_000;
/**
 * The most room a comment may take once stored: the UTF-8 bytes of its JSON form. Sealed answers
 * are padded to one size, which must hold the longest answer set the schemas allow (DESIGN §4
 * rule 11), so the limit is on bytes as well as characters: 2,000 characters of most scripts fit
 * (3 bytes each at most), 2,000 emoji (4 bytes each) do not.
 */
export const COMMENT_MAX_BYTES = 6_000;

const encoder = new TextEncoder();

/** A comment's stored size in bytes: its UTF-8 once escaped for JSON, without the two quotes. */
export function commentStoredBytes(text: string): number {
  return encoder.encode(JSON.stringify(text)).length - 2;
}

/** A UTF-16 surrogate without its pair: not a character, and stored as a six-byte escape. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

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
    if (LONE_SURROGATE.test(text)) {
      ctx.addIssue({ code: "custom", message: "Remove the broken characters from this comment" });
    }
    const length = commentLength(text);
    if (length > COMMENT_MAX_LENGTH) {
      ctx.addIssue({
        code: "custom",
        message: `Keep comments to ${COMMENT_MAX_LENGTH.toLocaleString("en-GB")} characters: this one has ${length.toLocaleString("en-GB")}`,
      });
    } else if (commentStoredBytes(text) > COMMENT_MAX_BYTES) {
      ctx.addIssue({
        code: "custom",
        message:
          "Shorten this comment: emoji and some scripts take more room than letters, and this one is longer than a comment can be",
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
