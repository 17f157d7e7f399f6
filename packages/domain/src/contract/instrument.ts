// The instrument procedures' contract (issue 19): an organisation's versions of its questionnaire,
// the one working draft and publishing it (admins). Exact objects: unknown keys are stripped.
import { z } from "zod";
import { dimensionKeySchema, versionItemsSchema } from "../instrument";

const versionItemOutput = z.object({
  key: z.string(),
  dimension: dimensionKeySchema,
  text: z.object({ en: z.string(), de: z.string() }),
  retired: z.boolean(),
});

/** Every version of the caller's organisation, oldest first; the built-in version 1 has no date. */
export const instrumentListOutput = z.array(
  z.object({
    version: z.number().int().positive(),
    publishedAt: z.iso.datetime().nullable(),
    items: z.array(versionItemOutput),
  }),
);

export const instrumentDraftInput = z.object({ items: versionItemsSchema });

/** The working draft: the version it becomes when published, its items, whether it changes anything. */
export const instrumentDraftOutput = z.object({
  version: z.number().int().min(2),
  updatedAt: z.iso.datetime(),
  items: z.array(versionItemOutput),
  changes: z.boolean(),
});
export const instrumentGetDraftOutput = instrumentDraftOutput.nullable();

export const instrumentPublishOutput = z.object({
  version: z.number().int().min(2),
  publishedAt: z.iso.datetime(),
});

export type InstrumentListOutput = z.output<typeof instrumentListOutput>;
export type InstrumentDraftInput = z.output<typeof instrumentDraftInput>;
export type InstrumentDraftOutput = z.output<typeof instrumentDraftOutput>;
export type InstrumentPublishOutput = z.output<typeof instrumentPublishOutput>;
