// The read API over real HTTP: the OpenAPI document validates (@readme/openapi-parser) and every
// path it documents answers a token with the right scope, in the documented shape. Then the
// attacks: no token, a revoked one, a token without the path's scope, another organisation's
// token reading this one's ids, a progress that would show a team below k, an expired token, and
// the write and analytics paths refused to a token without their scope.

import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { validate } from "@readme/openapi-parser";
import { eq } from "drizzle-orm";
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
/** A second draft cycle, for the launch path (the first stays a draft for the progress test). */
let launchId: string;
const tokens = { reader: "", peopleOnly: "", cyclesRead: "", revoked: "", other: "" };

beforeAll(async () => {
  h = await createHarness();
  const alpha = smallOrg("Alpha", "alpha.test");
  alpha.people.push({
    key: "analyst",
    name: "Alpha Analyst",
    email: "analyst@alpha.test",
    roles: ["analyst"],
  });
  a = await h.seed(alpha);
  b = await h.seed(smallOrg("Beta", "beta.test"));
  const admin = h.as(a, "admin");
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const calendar = { nominationsCloseOn: day(7), answersDueOn: day(14), releaseOn: day(21) };
  cycleId = (await admin.cycles.create({ name: "Spring", population: { everyone: true }, ...calendar })).id;
  launchId = (
    await admin.cycles.create({ name: "Summer", population: { teamIds: [a.teams.Core ?? ""] }, ...calendar })
  ).id;
  tokens.reader = (
    await admin.apiTokens.create({
      name: "BI",
      scopes: ["people:read", "cycles:read", "cycles:write", "analytics:read"],
    })
  ).secret;
  tokens.cyclesRead = (await admin.apiTokens.create({ name: "Status", scopes: ["cycles:read"] })).secret;
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

async function call(path: string, token?: string, method = "GET") {
  const response = await fetch(`${base}/api/v1${path}`, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  // biome-ignore lint/suspicious/noExplicitAny: answers are read field by field
  const body: any = await response.json();
  expect(response.status, `${path}: ${JSON.stringify(body)}`).toBeLessThan(500);
  return { status: response.status, body, headers: response.headers };
}

const withIds = (path: string, ids: { person: string; cycle: string }) =>
  path
    .replace(/^\/people\/\{id\}/, `/people/${ids.person}`)
    .replace(/\{id\}\/launch$/, () => `${launchId}/launch`)
    .replace("{id}", ids.cycle);

const methodOf = (route: (typeof API_ROUTES)[number]) => (route.method ?? "get").toUpperCase();

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
        methodOf(route),
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
      expect((await call(path, undefined, methodOf(route))).status).toBe(401);
      const revoked = await call(path, tokens.revoked, methodOf(route));
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

  it("refuses the write and analytics paths to a people:read or cycles:read token (403), launching nothing", async () => {
    const { id: draftId } = await h.as(a, "admin").cycles.create({
      name: "Refused",
      population: { teamIds: [a.teams.Core ?? ""] },
      nominationsCloseOn: new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10),
      answersDueOn: new Date(Date.now() + 14 * 86_400_000).toISOString().slice(0, 10),
      releaseOn: new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10),
    });
    for (const token of [tokens.peopleOnly, tokens.cyclesRead]) {
      const launch = await call(`/cycles/${draftId}/launch`, token, "POST");
      expect(launch.status).toBe(403);
      expect(launch.body.error.message).toMatch(/cycles:write/);
      const analytics = await call(`/cycles/${cycleId}/analytics`, token);
      expect(analytics.status).toBe(403);
      expect(analytics.body.error.message).toMatch(/analytics:read/);
    }
    expect((await h.as(a, "admin").cycles.get({ cycleId: draftId })).phase).toBe("draft");
    // Reading a path with the write path's method is not a way in either.
    expect((await call(`/cycles/${draftId}/launch`, tokens.reader)).status).toBe(404);
  });

  it("launches a draft cycle once with a cycles:write token; a second launch is refused with 412", async () => {
    const cycle = await h.as(a, "admin").cycles.get({ cycleId: launchId });
    expect(cycle.phase).toBe("nominations");
    const again = await call(`/cycles/${launchId}/launch`, tokens.reader, "POST");
    expect(again.status).toBe(412);
    expect(again.body.error.message).toMatch(/already launched/);
    // Organisation B's cycles:write token meets A's draft cycle as one that does not exist.
    const bWriter = await h
      .as(b, "admin")
      .apiTokens.create({ name: "Beta launcher", scopes: ["cycles:write"] });
    expect((await call(`/cycles/${cycleId}/launch`, bWriter.secret, "POST")).status).toBe(404);
    expect((await h.as(a, "admin").cycles.get({ cycleId })).phase).toBe("draft");
  });

  it("serves the organisation view an analyst with no relation reads, never a cell below k", async () => {
    const answer = await call(`/cycles/${launchId}/analytics?by=team`, tokens.reader);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(
      JSON.parse(JSON.stringify(await h.as(a, "analyst").analytics.org({ cycleId: launchId, by: "team" }))),
    );
    for (const cell of [answer.body.total, ...answer.body.cells]) {
      if (cell.dimensions !== null) expect(cell.people).toBeGreaterThanOrEqual(answer.body.threshold);
    }
    const wrong = await call(`/cycles/${launchId}/analytics?by=salary`, tokens.reader);
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message).toMatch(
      /^The by parameter is one of: team, level, department, location\.$/,
    );
  });

  it("refuses an expired token with 401, and a token created already expired", async () => {
    const admin = h.as(a, "admin");
    const created = await admin.apiTokens.create({
      name: "Short-lived",
      scopes: ["people:read"],
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(created.token.expiresAt).not.toBeNull();
    expect((await call("/people", created.secret)).status).toBe(200);
    // An hour later (moved in the database: the check uses the database's clock).
    await h.database.db
      .update(schema.apiTokens)
      .set({ expiresAt: new Date(Date.now() - 1_000) })
      .where(eq(schema.apiTokens.id, created.token.id));
    const expired = await call("/people", created.secret);
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toMatch(/expired/);
    await expect(
      admin.apiTokens.create({ name: "Dead", scopes: ["people:read"], expiresAt: "2020-01-01T00:00:00Z" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST", message: "The expiry must be in the future." });
  });
});
