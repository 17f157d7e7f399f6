// The OpenAPI 3.1 document of the read API, written from the same route table and output schemas
// the paths answer with (zod's JSON Schema, which is the dialect OpenAPI 3.1 uses).
import { z } from "zod";
import type { ApiRoute } from "./public-api";

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["status", "message"],
      properties: { status: { type: "integer" }, message: { type: "string" } },
    },
  },
};

function schemaOf(output: z.ZodType): Record<string, unknown> {
  const { $schema: _, ...schema } = z.toJSONSchema(output, { io: "output", unrepresentable: "any" });
  return schema;
}

const refusal = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

function operation(route: ApiRoute) {
  const hasId = route.path.includes("{id}");
  return {
    operationId: `get${route.path.replace(/\{id\}/g, "ById").replace(/\/(\w)/g, (_m, c: string) => c.toUpperCase())}`,
    summary: route.summary,
    description: `Needs an API token with the \`${route.scope}\` scope.`,
    "x-fivefold-scope": route.scope,
    ...(hasId
      ? {
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } },
          ],
        }
      : {}),
    responses: {
      "200": { description: "OK", content: { "application/json": { schema: schemaOf(route.output) } } },
      "401": refusal("No token, or an unknown or revoked one"),
      "403": refusal(`The token lacks the ${route.scope} scope`),
      ...(hasId ? { "404": refusal("Not found in the token's organisation") } : {}),
      "429": refusal("Too many calls with this token: see Retry-After"),
    },
  };
}

export function openApiDocument(routes: ApiRoute[], server: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Fivefold read API",
      version: "1",
      description:
        "Read people, teams and cycles of one organisation with an API token an admin created under Settings → API tokens.",
    },
    servers: [{ url: server }],
    security: [{ apiToken: [] }],
    components: {
      securitySchemes: { apiToken: { type: "http", scheme: "bearer", description: "An API token: fvf_…" } },
      schemas: { Error: errorSchema },
    },
    paths: Object.fromEntries(routes.map((route) => [route.path, { get: operation(route) }])),
  };
}
