// The read API for other systems (docs/api.md, "Read API"): /api/v1 paths over plain JSON,
// authorised by an API token with the path's scope, and their OpenAPI 3.1 document at
// /api/openapi.json. Each path calls the same service verb as the app and parses its answer with
// the same output schema, so a column added later cannot leak and every anonymity rule of the
// verb (progress counts only for teams of at least k subjects) holds here too.
import { listScimPeople, sanitiseDatabaseError } from "@fivefold/db";
import {
  type ApiTokenScope,
  analyticsOrgOutput,
  apiPeopleOutput,
  apiPersonOutput,
  cycleDetailOutput,
  cycleProgressOutput,
  cycleSummaryOutput,
  DomainError,
  InvalidInputError,
  NotFoundError,
  ORG_VIEW_GROUPINGS,
  teamsListOutput,
} from "@fivefold/domain";
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { listTeams } from "../services/admin/teams";
import { type Grouping, organisationAnalytics } from "../services/analytics/org";
import { tokenServiceContext } from "../services/api-tokens/authenticate";
import type { MemberServiceContext, ServiceContext } from "../services/context";
import { launchCycle } from "../services/cycles/launch";
import { cycleProgress, getCycle, listCycles } from "../services/cycles/read";
import { bearerPrincipal, isRefusal, refusalHeaders } from "./bearer";
import { openApiDocument } from "./openapi";
import { servedOrigin } from "./origin";
import type { RateLimiter } from "./rate-limits";

export const API_PREFIX = "/api/v1";

export interface ApiRoute {
  /** OpenAPI's form, `{id}` for the one parameter. */
  path: string;
  /** GET reads; POST changes (a `:write` scope). */
  method?: "get" | "post";
  scope: ApiTokenScope;
  summary: string;
  output: z.ZodType;
  /** Query parameters, each a string enum (documented from its options). */
  query?: Record<string, { options: readonly string[]; default: string; description: string }>;
  load(ctx: MemberServiceContext, id: string, query: Record<string, string>): Promise<unknown>;
}

const uuid = z.uuid();

function person(row: Awaited<ReturnType<typeof listScimPeople>>[number]) {
  return { ...row, createdAt: row.createdAt.toISOString() };
}

export const API_ROUTES: ApiRoute[] = [
  {
    path: "/people",
    scope: "people:read",
    summary:
      "The organisation's people (erased people left out), with their manager and whether they are active",
    output: apiPeopleOutput,
    load: async (ctx) => ({ items: (await listScimPeople(ctx.db, ctx.org.id)).map(person) }),
  },
  {
    path: "/people/{id}",
    scope: "people:read",
    summary: "One person of the organisation",
    output: apiPersonOutput,
    load: async (ctx, id) => {
      const [row] = uuid.safeParse(id).success
        ? await listScimPeople(ctx.db, ctx.org.id, { personId: id })
        : [];
      if (!row) throw new NotFoundError("Person");
      return person(row);
    },
  },
  {
    path: "/teams",
    scope: "people:read",
    summary: "The teams, with their active members and coaches",
    output: z.object({ items: teamsListOutput }),
    load: async (ctx) => ({ items: await listTeams({ ctx }) }),
  },
  {
    path: "/cycles",
    scope: "cycles:read",
    summary: "The organisation's feedback cycles",
    output: z.object({ items: z.array(cycleSummaryOutput) }),
    load: async (ctx) => ({ items: await listCycles({ ctx }) }),
  },
  {
    path: "/cycles/{id}",
    scope: "cycles:read",
    summary: "One cycle: its calendar, population, rules and requests per state",
    output: cycleDetailOutput,
    load: (ctx, id) => (uuid.safeParse(id).success ? getCycle({ ctx, input: { cycleId: id } }) : notFound()),
  },
  {
    path: "/cycles/{id}/progress",
    scope: "cycles:read",
    summary:
      "A cycle's progress: requests per state and, for teams of at least k subjects, invitations answered",
    output: cycleProgressOutput,
    load: (ctx, id) =>
      uuid.safeParse(id).success ? cycleProgress({ ctx, input: { cycleId: id } }) : notFound(),
  },
  {
    path: "/cycles/{id}/launch",
    method: "post",
    scope: "cycles:write",
    summary:
      "Launches a draft cycle: one request per subject, nominations open; refused (412) while the pre-flight finds blocking problems",
    output: z.object({ requests: z.number() }),
    load: (ctx, id) =>
      uuid.safeParse(id).success ? launchCycle({ ctx, input: { cycleId: id } }) : notFound(),
  },
  {
    path: "/cycles/{id}/analytics",
    scope: "analytics:read",
    summary:
      "The organisation view of a cycle: dimension means per group, each cell hidden below k people (the same policy as the app's organisation view)",
    output: analyticsOrgOutput,
    query: {
      by: { options: ORG_VIEW_GROUPINGS, default: "team", description: "How people are grouped" },
    },
    load: (ctx, id, query) =>
      uuid.safeParse(id).success
        ? organisationAnalytics({
            // A token knows no report: it reads the view an analyst with no relation reads.
            ctx: { ...ctx, roles: ["analyst"] },
            input: { cycleId: id, by: query.by as Grouping },
          })
        : notFound(),
  },
];

function notFound(): never {
  throw new NotFoundError("Cycle");
}

/** The route's query parameters, each one of its options (or its default when absent). */
function queryOf(route: ApiRoute, raw: Record<string, unknown>): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, spec] of Object.entries(route.query ?? {})) {
    const value = raw[name] ?? spec.default;
    if (typeof value !== "string" || !spec.options.includes(value)) {
      throw new InvalidInputError(`The ${name} parameter is one of: ${spec.options.join(", ")}.`);
    }
    query[name] = value;
  }
  return query;
}

const STATUS: Record<DomainError["code"], number> = {
  invalid: 400,
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  precondition_failed: 412,
};

function sendError(reply: FastifyReply, status: number, message: string): FastifyReply {
  return reply.status(status).send({ error: { status, message } });
}

export interface PublicApiOptions {
  base: Omit<ServiceContext, "memo">;
  limiter: RateLimiter | undefined;
  publicUrl: string | undefined;
}

export async function registerPublicApi(app: FastifyInstance, options: PublicApiOptions): Promise<void> {
  app.get("/api/openapi.json", async (req) =>
    openApiDocument(API_ROUTES, `${servedOrigin(req, options.publicUrl)}${API_PREFIX}`),
  );
  await app.register(
    async (api) => {
      api.setErrorHandler((error, req, reply) => {
        if (error instanceof DomainError) return sendError(reply, STATUS[error.code], error.message);
        req.log.error({ err: sanitiseDatabaseError(error) }, "API request failed");
        return sendError(reply, 500, "Something went wrong");
      });
      api.setNotFoundHandler((req, reply) =>
        sendError(reply, 404, `There is no API path ${req.method} ${req.url.split("?")[0]}`),
      );
      for (const route of API_ROUTES) {
        api[route.method ?? "get"]<{ Params: { id?: string }; Querystring: Record<string, unknown> }>(
          route.path.replace("{id}", ":id"),
          async (req, reply) => {
            const principal = await bearerPrincipal(req, options.base, route.scope, options.limiter);
            if (isRefusal(principal)) {
              refusalHeaders(reply, principal, "Fivefold API");
              return sendError(reply, principal.status, principal.detail);
            }
            const ctx = tokenServiceContext({ ...options.base, memo: new Map() }, principal);
            const query = queryOf(route, req.query);
            return route.output.parse(await route.load(ctx, req.params.id ?? "", query));
          },
        );
      }
    },
    { prefix: API_PREFIX },
  );
}
