// zod schema of a report snapshot: for reading the frozen JSON back from the database and for
// tRPC output validation, so that a changed shape fails loudly instead of rendering wrong figures.
import { z } from "zod";
import { ANONYMOUS_GROUPS, dimensionKeySchema, raterGroupSchema } from "../instrument";
import type { ReportSnapshot } from "./types";

const count = z.number().int().nonnegative();

export const themeSchema = z.object({ label: z.string(), responses: count });

export const figureGroupIdSchema = z.union([raterGroupSchema, z.templateLiteral(["pool:", z.string()])]);

export const figureStatsSchema = z.object({
  mean: z.number().min(1).max(5),
  n: count,
  notObserved: count,
  distribution: z.tuple([count, count, count, count, count]),
});

export const groupFigureSchema = figureStatsSchema.extend({ group: figureGroupIdSchema, label: z.string() });

const identifiableScore = z.number().min(1).max(5).nullable();

export const itemFiguresSchema = z.object({
  id: z.string(),
  others: figureStatsSchema.nullable(),
  self: identifiableScore,
  manager: identifiableScore,
  groups: z.array(groupFigureSchema),
});

export const dimensionFiguresSchema = z.object({
  key: dimensionKeySchema,
  others: figureStatsSchema.nullable(),
  self: identifiableScore,
  manager: identifiableScore,
  groups: z.array(groupFigureSchema),
  items: z.array(itemFiguresSchema),
});

export const snapshotGroupSchema = z.object({
  group: figureGroupIdSchema,
  label: z.string(),
  identifiable: z.boolean(),
  invited: count.nullable(),
  answered: count.nullable(),
  shown: z.boolean(),
  pooledFrom: z.array(z.enum(ANONYMOUS_GROUPS)).optional(),
});

export const reportSnapshotSchema = z.object({
  instrumentVersion: z.number().int().positive(),
  threshold: z.number().int().min(3),
  commentThreshold: z.number().int().min(3),
  groups: z.array(snapshotGroupSchema),
  dimensions: z.array(dimensionFiguresSchema),
  comments: z.array(z.object({ dimension: dimensionKeySchema, text: z.string() })),
  commentGroups: z.array(z.enum(ANONYMOUS_GROUPS)).optional(),
  notCounted: count.optional(),
  identifiedComments: z.array(
    z.object({ group: z.enum(["self", "manager"]), dimension: dimensionKeySchema, text: z.string() }),
  ),
  themes: z.partialRecord(dimensionKeySchema, z.array(themeSchema)).optional(),
}) satisfies z.ZodType<ReportSnapshot>;

/** A stored snapshot that does not match the schema: a corrupt row or a migration gone wrong. */
export class SnapshotParseError extends Error {
  constructor(
    readonly source: string,
    readonly issues: readonly string[],
  ) {
    super(`The report snapshot ${source} does not have the expected shape: ${issues.join("; ")}`);
    this.name = "SnapshotParseError";
  }
}

/**
 * Reads a frozen snapshot back from its JSON, or throws a SnapshotParseError naming `source` (the
 * request id, say) and what is wrong: a report is never shown, compared or pooled from a snapshot
 * that is not exactly what was frozen.
 */
export function parseSnapshot(json: unknown, source = "(unnamed)"): ReportSnapshot {
  const parsed = reportSnapshotSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  throw new SnapshotParseError(
    source,
    parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`),
  );
}
