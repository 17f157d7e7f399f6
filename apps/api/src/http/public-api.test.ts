// The read API over real HTTP: the OpenAPI document validates (@readme/openapi-parser) and every
// path it documents answers a token with the right scope, in the documented shape. Then the
// attacks: no token, a revoked one, a token without the path's scope, another organisation's
// token reading this one's ids, and a progress that would show a team below k.

import { testDriver } from "@fivefold/db/testing";
import { validate } from "@readme/openapi-parser";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { createHarness, type Harness, idOf, smallOrg } from "../testing/harness";
import { serveOnLoopback } from "../testing/serve";
import { API_ROUTES } from "./public-api";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;
let app: FastifyInstance;
let base: string;
let cycleId: string;
const tokens = { reader: "", peopleOnly: "", revoked: "", other: "" };

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(smallOrg("Alpha", "alpha.test"));
  b = await h.seed(smallOrg("Beta", "beta.test"));
  const admin = h.as(a, "admin");
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  cycleId = (
    await admin.cycles.create({
      name: "Spring",
      population: { everyone: true },
      nominationsCloseOn: day(7),
      answersDueOn: day(14),
      releaseOn: day(21),
    })
  ).id;
  tokens.reader = (
    await admin.apiTokens.create({ name: "BI", scopes: ["people:read", "cycles:read"] })
  ).secret;
  tokens.peopleOnly = (await admin.apiTokens.create({ name: "Directory", scopes: ["people:read"] })).secret;
  const revoked = await admin.apiTokens.create({ name: "Old", scopes: ["people:read", "cycles:read"] });
  await admin.apiTokens.revoke({ tokenId: revoked.token.id });
  tokens.revoked = revoked.secret;
  tokens.other = (
    await h.as(b, "admin").apiTokens.create({ name: "Beta BI", scopes: ["people:read", "cycles:read"] })
  ).secret;
  ({ app, base } = await serveOnLoopback(h.database));
}, 120_000);
afterAll(async () => {
  await app?.close();
  await h?.close();
});

async function call(path: string, token?: string) {
  const response = await fetch(`${base}/api/v1${path}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field
  const body: any = await response.json();
  expect(response.status, `${path}: ${JSON.stringify(body)}`).toBeLessThan(500);
  return { status: response.status, body, headers: response.headers };
}

const withIds = (path: string, ids: { person: string; cycle: string }) =>
  path.replace(/^\/people\/\{id\}/, `/people/${ids.person}`).replace("{id}", ids.cycle);

describe(`The read API over HTTP on ${testDriver()}`, () => {
  it("serves an OpenAPI 3.1 document that validates, and every documented path answers in its shape", async () => {
    const response = await fetch(`${base}/api/openapi.json`);
    expect(response.status).toBe(200);
    const document = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    const result = await validate(structuredClone(document) as Parameters<typeof validate>[0]);
    expect(result.valid, JSON.stringify(result)).toBe(true);
    expect(document.openapi).toBe("3.1.0");
    const paths = Object.keys(document.paths);
    expect(paths.sort()).toEqual(API_ROUTES.map((r) => r.path).sort());

    for (const route of API_ROUTES) {
      const answer = await call(
        withIds(route.path, { person: idOf(a, "ann"), cycle: cycleId }),
        tokens.reader,
      );
      expect(answer.status, route.path).toBe(200);
      expect(route.output.safeParse(answer.body).success, route.path).toBe(true);
    }
    const people = await call("/people", tokens.reader);
    expect(people.body.items.map((p: { email: string }) => p.email)).toContain("ann@alpha.test");
    expect(Object.keys(people.body.items[0]).sort()).toEqual([
      "active",
      "createdAt",
      "email",
      "id",
      "managerId",
      "name",
    ]);
  });

  it("refuses no token and a revoked one with 401, and a token without the path's scope with 403", async () => {
    for (const route of API_ROUTES) {
      const path = withIds(route.path, { person: idOf(a, "ann"), cycle: cycleId });
      expect((await call(path)).status).toBe(401);
      const revoked = await call(path, tokens.revoked);
      expect(revoked.status).toBe(401);
      expect(revoked.headers.get("www-authenticate")).toMatch(/^Bearer/);
    }
    const cycles = await call("/cycles", tokens.peopleOnly);
    expect(cycles.status).toBe(403);
    expect(cycles.body.error.message).toMatch(/cycles:read/);
    expect((await call("/people", tokens.peopleOnly)).status).toBe(200);
  });

  it("never lets organisation B's token read organisation A (A's person, cycle and lists)", async () => {
    expect((await call(`/people/${idOf(a, "ann")}`, tokens.other)).status).toBe(404);
    expect((await call(`/cycles/${cycleId}`, tokens.other)).status).toBe(404);
    expect((await call(`/cycles/${cycleId}/progress`, tokens.other)).status).toBe(404);
    for (const path of ["/people", "/teams", "/cycles"]) {
      const answer = await call(path, tokens.other);
      expect(answer.status).toBe(200);
      expect(JSON.stringify(answer.body)).not.toMatch(/alpha\.test|Alpha|Spring/);
    }
    expect((await call("/people/not-an-id", tokens.reader)).status).toBe(404);
    expect((await call("/nothing", tokens.reader)).status).toBe(404);
  });

  it("shows no team's progress counts below k subjects (a team of one read through the API)", async () => {
    // A draft cycle has no subjects yet: every team is below k, so no team shows a count.
    const progress = await call(`/cycles/${cycleId}/progress`, tokens.reader);
    expect(progress.status).toBe(200);
    const teams = progress.body.teams as Array<{ answered: number | null; invited: number | null }>;
    expect(teams.length).toBeGreaterThan(0);
    for (const team of teams) expect(team).toMatchObject({ answered: null, invited: null });
  });
});
