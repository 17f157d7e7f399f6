// The contract of the cycles and analytics procedures (issue 16; docs/api.md): inputs refuse
// unknown keys, outputs list exactly what a caller receives.
import { z } from "zod";
import { CYCLE_PHASES } from "../cycles/phases";
import { cycleRulesSchema } from "../cycles/rules";
import { isIsoDay } from "../dates";
import { DIMENSION_KEYS } from "../instrument";
import { figures } from "./figures";

/** A uuid, refused with the sentence its field writes out whole (the web translates it as it is). */
const id = (error: string) => z.uuid({ error });
/** A YYYY-MM-DD day, refused with the sentence its field writes out whole. */
const day = (error: string) => z.string({ error }).refine(isIsoDay, { error });

export const cyclePopulationSchema = z.union(
  [
    z.strictObject({ everyone: z.literal(true) }),
    z.strictObject({
      teamIds: z.array(id("A team must be an id")).min(1, { error: "Choose at least one team" }).max(1000),
    }),
    z.strictObject({ managers: z.literal(true) }),
    z.strictObject({
      personIds: z
        .array(id("A person must be an id"))
        .min(1, { error: "Choose at least one person" })
        .max(100_000),
    }),
  ],
  { error: "Who takes part is everyone, chosen teams, the managers, or a list of people" },
);

export const createCycleInput = z.strictObject({
  name: z
    .string({ error: "Give the cycle a name" })
    .trim()
    .min(1, { error: "Give the cycle a name" })
    .max(120, { error: "A cycle's name has at most 120 characters" }),
  population: cyclePopulationSchema,
  nominationsCloseOn: day("The day nominations close is a day written YYYY-MM-DD"),
  answersDueOn: day("The day answers are due is a day written YYYY-MM-DD"),
  releaseOn: day("The release day is a day written YYYY-MM-DD"),
  rules: cycleRulesSchema.optional(),
});

export const cycleIdInput = z.strictObject({ cycleId: id("The cycle must be an id") });

export const launchCycleInput = z.strictObject({
  cycleId: id("The cycle must be an id"),
  exclude: z.array(id("A person must be an id")).max(100_000).optional(),
});

export const extendCycleInput = z.strictObject({
  cycleId: id("The cycle must be an id"),
  phase: z.enum(["nominations", "answering", "released"], {
    error: 'The phase to extend is "nominations", "answering" or "released"',
  }),
  on: day("The new day is a day written YYYY-MM-DD"),
});

export const ORG_VIEW_GROUPINGS = ["team", "level", "department", "location"] as const;

export const analyticsOrgInput = z.strictObject({
  cycleId: id("The cycle must be an id"),
  by: z.enum(ORG_VIEW_GROUPINGS, { error: 'Group by "team", "level", "department" or "location"' }),
  compareTo: id("The cycle to compare with must be an id").optional(),
});

const phase = z.enum(CYCLE_PHASES);
const rulesOutput = z.object({
  self: z.boolean(),
  manager: z.boolean(),
  directReports: z.enum(["all", "none"]),
  peers: z.object({ min: z.number(), max: z.number() }),
  others: z.boolean(),
  raterCap: z.number(),
});

export const cycleSummaryOutput = z.object({
  id: z.string(),
  name: z.string(),
  phase,
  startsOn: z.string(),
  endsOn: z.string(),
  nominationsCloseOn: z.string().nullable(),
  answersDueOn: z.string().nullable(),
  releaseOn: z.string().nullable(),
  launchedAt: z.date().nullable(),
  releasedAt: z.date().nullable(),
});

export const cycleDetailOutput = cycleSummaryOutput.extend({
  population: cyclePopulationSchema.nullable(),
  rules: rulesOutput.nullable(),
  counts: z.object({ requests: z.number(), byState: z.record(z.string(), z.number()) }),
});

export const preflightOutput = z.object({
  subjects: z.number(),
  ready: z.number(),
  problems: z.array(
    z.object({
      personId: z.string(),
      name: z.string(),
      kind: z.enum(["no_manager", "pooled", "cannot_reach_k", "open_request", "too_close", "over_cap"]),
      detail: z.string(),
      blocking: z.boolean(),
    }),
  ),
});

export const cycleProgressOutput = z.object({
  phase,
  requests: z.object({ byState: z.record(z.string(), z.number()) }),
  teams: z.array(
    z.object({
      teamId: z.string(),
      name: z.string(),
      people: z.number(),
      answered: z.number().nullable(),
      invited: z.number().nullable(),
    }),
  ),
});

const dimensionCell = z.object({ mean: z.number(), people: z.number() }).nullable();
const dimensions = z.object(
  Object.fromEntries(DIMENSION_KEYS.map((key) => [key, dimensionCell])) as Record<
    (typeof DIMENSION_KEYS)[number],
    typeof dimensionCell
  >,
);

/** Figures of released reports, aggregated: the access-policy invariant test finds them by this mark. */
const orgCell = figures(
  z.object({
    key: z.string(),
    label: z.string(),
    people: z.number().nullable(),
    dimensions: dimensions.nullable(),
    delta: dimensions.nullable().optional(),
  }),
);

export const analyticsOrgOutput = z.object({
  cycleId: z.string(),
  by: z.enum(ORG_VIEW_GROUPINGS),
  threshold: z.number(),
  total: orgCell,
  cells: z.array(orgCell),
  participation: z.object({ invited: z.number(), answered: z.number(), rate: z.number().nullable() }),
  distribution: z.object(
    Object.fromEntries(DIMENSION_KEYS.map((key) => [key, z.array(z.number().nullable())])) as Record<
      (typeof DIMENSION_KEYS)[number],
      z.ZodArray<z.ZodNullable<z.ZodNumber>>
    >,
  ),
});

export const decideManyNominationsInput = z.strictObject({
  decisions: z
    .array(
      z.strictObject({
        nominationId: id("A nomination must be an id"),
        approve: z.boolean({ error: 'A decision\'s "approve" is true or false' }),
      }),
    )
    .min(1, { error: "Decide at least one nomination" })
    .max(1000, { error: "At most 1,000 decisions at once" }),
});

export const nominationsForManagerOutput = z.object({
  cycleId: z.string(),
  phase,
  nominationsCloseOn: z.string().nullable(),
  peers: z.object({ min: z.number(), max: z.number() }),
  requests: z.array(
    z.object({
      requestId: z.string(),
      state: z.string(),
      subject: z.object({ id: z.string(), name: z.string() }),
      nominations: z.array(
        z.object({
          nominationId: z.string(),
          personId: z.string().nullable(),
          name: z.string().nullable(),
          email: z.string().nullable(),
          group: z.string(),
          approved: z.boolean().nullable(),
        }),
      ),
    }),
  ),
});
