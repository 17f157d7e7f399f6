// SCIM externalId over real HTTP, as Entra ID uses it: created with one, looked up by
// `externalId eq "…"`, kept by a PATCH that does not mention it, changed and removed by one that
// does; and another organisation's token never finds a person by it.
import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { createHarness, type Harness, smallOrg } from "../testing/harness";
import { serveOnLoopback } from "../testing/serve";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;
let app: FastifyInstance;
let base: string;
const tokens = { a: "", b: "" };

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(smallOrg("Alpha", "alpha.test"));
  b = await h.seed(smallOrg("Beta", "beta.test"));
  tokens.a = (await h.as(a, "admin").apiTokens.create({ name: "Entra", scopes: ["scim"] })).secret;
  tokens.b = (await h.as(b, "admin").apiTokens.create({ name: "Beta Entra", scopes: ["scim"] })).secret;
  ({ app, base } = await serveOnLoopback(h.database));
}, 120_000);
afterAll(async () => {
  await app?.close();
  await h?.close();
});

function client(token: string) {
  return async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${base}/scim/v2${path}`, {
      method,
      headers: {
        accept: "application/scim+json",
        authorization: `Bearer ${token}`,
        ...(body !== undefined ? { "content-type": "application/scim+json" } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    expect(response.status, `${method} ${path}: ${text}`).toBeLessThan(500);
    // biome-ignore lint/suspicious/noExplicitAny: SCIM answers are read field by field
    return { status: response.status, body: (text ? JSON.parse(text) : null) as any };
  };
}

const byExternalId = (value: string) =>
  `/Users?filter=${encodeURIComponent(`externalId eq "${value}"`)}&startIndex=1&count=10`;

describe(`SCIM externalId on ${testDriver()}`, () => {
  it("stores externalId, finds the person by it, keeps it through an unrelated PATCH, changes and removes it", async () => {
    const scim = client(tokens.a);
    const created = await scim("POST", "/Users", {
      schemas: [USER],
      externalId: "8f2c1d9e-entra-object-id",
      userName: "erin@alpha.test",
      name: { givenName: "Erin", familyName: "East" },
      active: true,
    });
    expect(created.status).toBe(201);
    expect(created.body.externalId).toBe("8f2c1d9e-entra-object-id");
    const id = created.body.id as string;
    const [row] = await h.database.db.select().from(schema.people).where(eq(schema.people.id, id));
    expect(row?.externalId).toBe("8f2c1d9e-entra-object-id");

    const found = await scim("GET", byExternalId("8f2c1d9e-entra-object-id"));
    expect(found.body).toMatchObject({ totalResults: 1, Resources: [{ id, userName: "erin@alpha.test" }] });
    expect((await scim("GET", byExternalId("someone-else"))).body.totalResults).toBe(0);

    await scim("PATCH", `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: "replace", path: "name.familyName", value: "Eastwood" }],
    });
    expect((await scim("GET", `/Users/${id}`)).body.externalId).toBe("8f2c1d9e-entra-object-id");

    await scim("PATCH", `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: "replace", path: "externalId", value: "new-object-id" }],
    });
    expect((await scim("GET", byExternalId("new-object-id"))).body.totalResults).toBe(1);
    expect((await scim("GET", byExternalId("8f2c1d9e-entra-object-id"))).body.totalResults).toBe(0);

    await scim("PATCH", `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: "remove", path: "externalId" }],
    });
    expect((await scim("GET", `/Users/${id}`)).body.externalId).toBeUndefined();
  });

  it("never lets organisation B's token find A's person by externalId", async () => {
    await client(tokens.a)("POST", "/Users", {
      schemas: [USER],
      externalId: "shared-hr-id-42",
      userName: "finn@alpha.test",
      displayName: "Finn Fox",
    });
    const other = await client(tokens.b)("GET", byExternalId("shared-hr-id-42"));
    expect(other.body.totalResults).toBe(0);
  });

  it("refuses an externalId that is not a short string with a SCIM 400", async () => {
    const answer = await client(tokens.a)("POST", "/Users", {
      schemas: [USER],
      externalId: { nested: true },
      userName: "gus@alpha.test",
      displayName: "Gus Gray",
    });
    expect(answer.status).toBe(400);
    expect(answer.body.detail).toMatch(/externalId/);
  });
});
