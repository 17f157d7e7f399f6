// The contract of dashboards.teams and dashboards.team: the teams someone may open a dashboard of,
// and one team's dashboard. Exact objects; the figures (heatmap cells, team profile, trend) are
// marked (`figures`) for the access-invariant test.
import { z } from "zod";
import { DIMENSION_KEYS, type DimensionKey } from "../instrument";
import { figures } from "./figures";

export const dashboardViewerSchema = z.enum(["coach", "manager", "admin"]);
export type DashboardViewer = z.infer<typeof dashboardViewerSchema>;

export const dashboardTeamsOutput = z.array(
  z.object({ id: z.string(), name: z.string(), members: z.number().int(), viewer: dashboardViewerSchema }),
);

export const teamDashboardInput = z.object({
  teamId: z.uuid({ error: "The team must be an id" }),
  cycle: z.uuid({ error: "The cycle must be an id" }).optional(),
});

/** One value (or null) per dimension, every dimension present. */
function perDimension<T extends z.ZodType>(value: T) {
  return z.object(Object.fromEntries(DIMENSION_KEYS.map((key) => [key, value])) as Record<DimensionKey, T>);
}

/** A person's others-means per dimension from their latest readable report (null where hidden). */
export const dashboardCellsSchema = figures(perDimension(z.number().nullable()));

export const teamFigureSchema = figures(
  z.object({
    mean: z.number(),
    people: z.number().int(),
    distribution: z.tuple([z.number(), z.number(), z.number(), z.number(), z.number()]),
  }),
);

export const teamTrendPointSchema = figures(
  z.object({
    cycleId: z.string(),
    name: z.string(),
    startsOn: z.string(),
    means: perDimension(z.object({ mean: z.number(), people: z.number().int() }).nullable()),
  }),
);

const dashboardPersonSchema = z.object({
  personId: z.string(),
  name: z.string(),
  requestId: z.string().nullable(),
  releasedAt: z.string().nullable(),
  cells: dashboardCellsSchema,
  blankReason: z.string().nullable(),
  /** Why the row is blank, as data: `until` (a day) while answers are being collected. */
  blank: z
    .object({
      code: z.enum([
        "requested-by-someone-else",
        "rated-it",
        "not-in-cycle",
        "collecting",
        "insufficient",
        "none",
      ]),
      until: z.string().nullable(),
    })
    .nullable(),
  plan: z
    .object({
      id: z.string().nullable(),
      state: z.enum(["draft", "active", "closed"]),
      progress: z.number().int(),
      lastCheckinAt: z.string().nullable(),
      overdue: z.boolean(),
    })
    .nullable(),
});

export const teamDashboardOutput = z.object({
  team: z.object({ id: z.string(), name: z.string() }),
  viewer: dashboardViewerSchema,
  threshold: z.number().int(),
  cycles: z.array(z.object({ id: z.string(), name: z.string() })),
  cycle: z.string().nullable(),
  people: z.array(dashboardPersonSchema),
  profile: perDimension(teamFigureSchema.nullable()),
  progress: z.object({ open: z.number().int(), submitted: z.number().int(), invited: z.number().int() }),
  attention: z.array(
    z.object({
      personId: z.string(),
      reasons: z.array(z.string()),
      /** The reasons as data, for each language to write (`code` and the figures it names). */
      why: z.array(
        z.discriminatedUnion("code", [
          z.object({ code: z.literal("overdue") }),
          z.object({ code: z.literal("stalled"), days: z.number().int() }),
          z.object({ code: z.literal("insufficient") }),
          z.object({
            code: z.literal("blindSpot"),
            gap: z.number(),
            dimension: z.enum(DIMENSION_KEYS),
            more: z.number().int(),
          }),
        ]),
      ),
    }),
  ),
  trend: z.array(teamTrendPointSchema),
  /** Set when the trend's reports used different questionnaire versions: what it then compares. */
  trendNote: z.string().nullable(),
});
export type TeamDashboard = z.infer<typeof teamDashboardOutput>;
