// SCIM 2.0 provisioning at /scim/v2 (RFC 7643, 7644; docs/api.md, "SCIM 2.0 provisioning"): an
// identity provider keeps people and teams in step with a token that has the `scim` scope. Every
// answer, errors included, is application/scim+json; errors are SCIM's error schema, and nothing
// a client sends makes a 500 (an unknown failure is logged without values and told in one line).
import { sanitiseDatabaseError } from "@fivefold/db";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { tokenServiceContext } from "../services/api-tokens/authenticate";
import type { MemberServiceContext, ServiceContext } from "../services/context";
import { listResponse, resourceTypes, schemas, serviceProviderConfig } from "../services/scim/discovery";
import { ScimError, scimErrorBody, toScimError } from "../services/scim/errors";
import * as groups from "../services/scim/groups";
import { parseListQuery } from "../services/scim/query";
import * as users from "../services/scim/users";
import { bearerPrincipal, isRefusal, refusalHeaders } from "./bearer";
import { servedOrigin } from "./origin";
import type { RateLimiter } from "./rate-limits";

export const SCIM_PREFIX = "/scim/v2";
const SCIM_TYPE = "application/scim+json; charset=utf-8";

export interface ScimRouteOptions {
  base: Omit<ServiceContext, "memo">;
  limiter: RateLimiter | undefined;
  publicUrl: string | undefined;
}

declare module "fastify" {
  interface FastifyRequest {
    scimContext: MemberServiceContext | null;
  }
}

function sendError(reply: FastifyReply, error: ScimError): FastifyReply {
  return reply.status(error.status).type(SCIM_TYPE).send(scimErrorBody(error));
}

function contextOf(req: FastifyRequest): MemberServiceContext {
  if (!req.scimContext) throw new Error("a SCIM route ran without its token's context");
  return req.scimContext;
}

export async function registerScimRoutes(app: FastifyInstance, options: ScimRouteOptions): Promise<void> {
  await app.register(
    async (scim) => {
      scim.decorateRequest("scimContext", null);
      scim.setErrorHandler((error, req, reply) => {
        const known = toScimError(error);
        if (known) return sendError(reply, known);
        const status = (error as { statusCode?: number }).statusCode ?? 500;
        // fastify's own: a body that is not JSON, too large or of another media type.
        if (status >= 400 && status < 500) {
          const message = error instanceof Error ? error.message : "The request could not be read";
          return sendError(
            reply,
            new ScimError(status, message, status === 400 ? "invalidSyntax" : undefined),
          );
        }
        req.log.error({ err: sanitiseDatabaseError(error) }, "SCIM request failed");
        return sendError(reply, new ScimError(500, "Something went wrong"));
      });
      scim.setNotFoundHandler((req, reply) =>
        sendError(
          reply,
          new ScimError(404, `There is no SCIM endpoint ${req.method} ${req.url.split("?")[0]}`),
        ),
      );
      scim.addHook("onRequest", async (req, reply) => {
        const principal = await bearerPrincipal(req, options.base, "scim", options.limiter);
        if (isRefusal(principal)) {
          refusalHeaders(reply, principal, "Fivefold SCIM");
          return sendError(reply, new ScimError(principal.status, principal.detail));
        }
        req.scimContext = tokenServiceContext({ ...options.base, memo: new Map() }, principal);
      });
      registerDiscovery(scim, options);
      registerUsers(scim, options);
      registerGroups(scim, options);
    },
    { prefix: SCIM_PREFIX },
  );
}

function baseOf(req: FastifyRequest, options: ScimRouteOptions): string {
  return `${servedOrigin(req, options.publicUrl)}${SCIM_PREFIX}`;
}

type Params = { Params: { id: string }; Querystring: Record<string, unknown> };

function registerDiscovery(scim: FastifyInstance, options: ScimRouteOptions): void {
  scim.get("/ServiceProviderConfig", async (req, reply) =>
    reply.type(SCIM_TYPE).send(serviceProviderConfig(baseOf(req, options))),
  );
  scim.get("/Schemas", async (req, reply) => {
    const all = schemas(baseOf(req, options));
    return reply.type(SCIM_TYPE).send(listResponse(all, all.length, 1));
  });
  scim.get<Params>("/Schemas/:id", async (req, reply) => {
    const found = schemas(baseOf(req, options)).find((s) => s.id === req.params.id);
    if (!found) throw new ScimError(404, `No schema ${req.params.id}`);
    return reply.type(SCIM_TYPE).send(found);
  });
  scim.get("/ResourceTypes", async (req, reply) => {
    const all = resourceTypes(baseOf(req, options));
    return reply.type(SCIM_TYPE).send(listResponse(all, all.length, 1));
  });
  scim.get<Params>("/ResourceTypes/:id", async (req, reply) => {
    const found = resourceTypes(baseOf(req, options)).find((s) => s.id === req.params.id);
    if (!found) throw new ScimError(404, `No resource type ${req.params.id}`);
    return reply.type(SCIM_TYPE).send(found);
  });
}

function registerUsers(scim: FastifyInstance, options: ScimRouteOptions): void {
  const call = (req: FastifyRequest) => ({ ctx: contextOf(req), base: baseOf(req, options) });
  scim.get<Params>("/Users", async (req, reply) =>
    reply.type(SCIM_TYPE).send(await users.listUsers({ ...call(req), query: parseListQuery(req.query) })),
  );
  scim.get<Params>("/Users/:id", async (req, reply) =>
    reply.type(SCIM_TYPE).send(await users.getUser({ ...call(req), id: req.params.id })),
  );
  scim.post("/Users", async (req, reply) => {
    const user = await users.createUser({ ...call(req), body: req.body });
    return reply.status(201).header("location", user.meta.location).type(SCIM_TYPE).send(user);
  });
  scim.put<Params>("/Users/:id", async (req, reply) =>
    reply.type(SCIM_TYPE).send(await users.replaceUser({ ...call(req), id: req.params.id, body: req.body })),
  );
  scim.patch<Params>("/Users/:id", async (req, reply) =>
    reply.type(SCIM_TYPE).send(await users.patchUser({ ...call(req), id: req.params.id, body: req.body })),
  );
  scim.delete<Params>("/Users/:id", async (req, reply) => {
    await users.deactivateUser({ ...call(req), id: req.params.id });
    return reply.status(204).send();
  });
}

function registerGroups(scim: FastifyInstance, options: ScimRouteOptions): void {
  const call = (req: FastifyRequest) => ({ ctx: contextOf(req), base: baseOf(req, options) });
  scim.get<Params>("/Groups", async (req, reply) => {
    const excluded = String(req.query.excludedAttributes ?? "")
      .toLowerCase()
      .split(",");
    const query = parseListQuery(req.query);
    const list = await groups.listGroups({
      ...call(req),
      query,
      withoutMembers: excluded.includes("members"),
    });
    return reply.type(SCIM_TYPE).send(list);
  });
  scim.get<Params>("/Groups/:id", async (req, reply) =>
    reply.type(SCIM_TYPE).send(await groups.getGroup({ ...call(req), id: req.params.id })),
  );
  scim.post("/Groups", async (req, reply) => {
    const group = await groups.createGroup({ ...call(req), body: req.body });
    return reply.status(201).header("location", group.meta.location).type(SCIM_TYPE).send(group);
  });
  scim.put<Params>("/Groups/:id", async (req, reply) =>
    reply
      .type(SCIM_TYPE)
      .send(await groups.replaceGroup({ ...call(req), id: req.params.id, body: req.body })),
  );
  scim.patch<Params>("/Groups/:id", async (req, reply) =>
    reply.type(SCIM_TYPE).send(await groups.patchGroup({ ...call(req), id: req.params.id, body: req.body })),
  );
  scim.delete<Params>("/Groups/:id", async (req, reply) => {
    await groups.deleteGroup({ ...call(req), id: req.params.id });
    return reply.status(204).send();
  });
}
