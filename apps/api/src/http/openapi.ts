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

function parametersOf(route: ApiRoute, hasId: boolean) {
  const parameters = [
    ...(hasId
      ? [{ name: "id", in: "path", required: true, schema: { type: "string", format: "uuid" } }]
      : []),
    ...Object.entries(route.query ?? {}).map(([name, spec]) => ({
      name,
      in: "query",
      required: false,
      description: spec.description,
      schema: { type: "string", enum: [...spec.options], default: spec.default },
    })),
  ];
  return parameters.length > 0 ? { parameters } : {};
}

function operation(route: ApiRoute) {
  const hasId = route.path.includes("{id}");
  const verb = route.method ?? "get";
  return {
    operationId: `${verb}${route.path.replace(/\{id\}/g, "ById").replace(/\/(\w)/g, (_m, c: string) => c.toUpperCase())}`,
    summary: route.summary,
    description: `Needs an API token with the \`${route.scope}\` scope.`,
    "x-fivefold-scope": route.scope,
    ...parametersOf(route, hasId),
    responses: {
      "200": { description: "OK", content: { "application/json": { schema: schemaOf(route.output) } } },
      ...(route.query ? { "400": refusal("A query parameter is not one of its options") } : {}),
      "401": refusal("No token, or an unknown, expired or revoked one"),
      "403": refusal(`The token lacks the ${route.scope} scope`),
      ...(hasId ? { "404": refusal("Not found in the token's organisation") } : {}),
      ...(verb === "post"
        ? { "412": refusal("The cycle cannot be launched as it is: the message says why") }
        : {}),
      "429": refusal("Too many calls with this token: see Retry-After"),
    },
  };
}

export function openApiDocument(routes: ApiRoute[], server: string) {
  return {
    openapi: "3.1.0",
    info: {
      title: "Fivefold API",
      version: "1",
      description:
        "Read people, teams, cycles and the organisation view of one organisation, and launch cycles, with an API token an admin created under Settings → API tokens.",
    },
    servers: [{ url: server }],
    security: [{ apiToken: [] }],
    components: {
      securitySchemes: { apiToken: { type: "http", scheme: "bearer", description: "An API token: fvf_…" } },
      schemas: { Error: errorSchema },
    },
    paths: Object.fromEntries(
      routes.map((route) => [route.path, { [route.method ?? "get"]: operation(route) }]),
    ),
  };
}
