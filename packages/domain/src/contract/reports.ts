// The contract of reports.get and reports.list: what a reader receives of a released report. Exact
// objects (unknown keys are stripped), so a field added to the snapshot later cannot reach a client
// unless it is written here. The figures are marked (`figures`) for the access-invariant test.
import { z } from "zod";
import {
  figureGroupIdSchema,
  figureStatsSchema,
  groupFigureSchema,
  itemFiguresSchema,
} from "../anonymity/snapshot-schema";
import { ANONYMOUS_GROUPS, dimensionKeySchema } from "../instrument";
import { REPORT_MODES } from "../settings/settings";
import { figures } from "./figures";

export const reportInput = z.object({ requestId: z.uuid({ error: "The request must be an id" }) });

export const reportRelationSchema = z.enum(["self", "requester", "coach", "admin"]);

const personRef = z.object({ id: z.string(), name: z.string() });
const score = z.number().nullable();

export const reportGroupSchema = z.object({
  group: figureGroupIdSchema,
  label: z.string(),
  identifiable: z.boolean(),
  invited: z.number().int().nullable(),
  answered: z.number().int().nullable(),
  shown: z.boolean(),
  pooledFrom: z.array(z.enum(ANONYMOUS_GROUPS)).optional(),
});

export const reportDimensionSchema = figures(
  z.object({
    key: dimensionKeySchema,
    name: z.string(),
    others: figureStatsSchema.nullable(),
    self: score,
    manager: score,
    groups: z.array(groupFigureSchema),
    items: z.array(itemFiguresSchema.extend({ text: z.string() })),
  }),
);

export const profileEntrySchema = figures(
  z.object({
    key: dimensionKeySchema,
    name: z.string(),
    others: score,
    othersN: z.number().int().nullable(),
    self: score,
    manager: score,
    groups: z.array(
      z.object({ group: figureGroupIdSchema, label: z.string(), mean: z.number(), n: z.number() }),
    ),
  }),
);

export const gapEntrySchema = figures(
  z.object({ key: dimensionKeySchema, self: score, others: score, gap: score }),
);

export const gapFindingSchema = figures(
  z.object({
    dimension: dimensionKeySchema,
    name: z.string(),
    self: z.number(),
    others: z.number(),
    gap: z.number(),
    explanation: z.string(),
  }),
);

export const itemHighlightSchema = figures(
  z.object({
    itemId: z.string(),
    dimension: dimensionKeySchema,
    text: z.string(),
    mean: z.number(),
    n: z.number().int(),
  }),
);

export const spectrumEntrySchema = figures(
  z.object({
    key: dimensionKeySchema,
    position: score,
    selfPosition: score,
    leadership: z.string(),
    management: z.string(),
  }),
);

export const reportTrendSchema = figures(
  z.record(dimensionKeySchema, z.array(z.object({ releasedAt: z.string().nullable(), mean: score }))),
);

const behaviour = { itemId: z.string(), dimension: dimensionKeySchema, text: z.string() };

export const reportBehavioursSchema = figures(
  z.object({
    keep: z.array(z.object(behaviour)),
    workOn: z.array(
      z.object({ ...behaviour, actions: z.array(z.object({ id: z.string(), text: z.string() })) }),
    ),
  }),
);

const comment = { dimension: dimensionKeySchema, text: z.string(), date: z.string() };

/** Recurring themes of the anonymous comments per dimension, each from at least k responses. */
export const reportThemesSchema = z.record(
  dimensionKeySchema,
  z.array(z.object({ label: z.string(), responses: z.number().int() })),
);

export const reportOutput = z.object({
  requestId: z.string(),
  subject: personRef,
  relation: reportRelationSchema,
  releasedAt: z.string(),
  instrumentVersion: z.number().int(),
  threshold: z.number().int(),
  /** Invited raters who did not count towards anonymity (rule 9), and are not in any figure. */
  notCounted: z.number().int(),
  groups: z.array(reportGroupSchema),
  dimensions: z.array(reportDimensionSchema),
  profile: z.array(profileEntrySchema),
  gaps: z.array(gapEntrySchema),
  blindSpots: z.array(gapFindingSchema),
  hiddenStrengths: z.array(gapFindingSchema),
  highest: z.array(itemHighlightSchema),
  lowest: z.array(itemHighlightSchema),
  spectrum: z.array(spectrumEntrySchema),
  comments: z.array(z.object(comment)),
  identifiedComments: z.array(z.object({ group: z.enum(["self", "manager"]), ...comment })),
  trend: reportTrendSchema,
  themes: reportThemesSchema,
  /** The behaviour-first layout: behaviours to keep and to work on, with suggested actions, no scores. */
  behaviours: reportBehavioursSchema,
  /** How the organisation has reports open (settings.reportMode); a reader may switch. */
  defaultMode: z.enum(REPORT_MODES),
  /** Set when the trend spans questionnaire versions: it then compares only the behaviours kept by key. */
  trendNote: z.string().nullable(),
});
export type ReportView = z.infer<typeof reportOutput>;

/** One released report in the list of those the caller may read: which exist is the policy's too. */
export const reportListEntrySchema = figures(
  z.object({
    requestId: z.string(),
    subject: personRef,
    releasedAt: z.string(),
    relation: reportRelationSchema,
  }),
);

export const reportListOutput = z.array(reportListEntrySchema);
export type ReportListEntry = z.infer<typeof reportListEntrySchema>;
