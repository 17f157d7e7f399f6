// SCIM 2.0 over real HTTP, by a scripted client that does what Okta and Entra ID do: discover the
// service, look a person up by userName, create, deactivate and reactivate, replace, set the
// manager, and keep a team's members in step. Then the attacks: a revoked token, a token without
// the scim scope, a session cookie instead of a token, another organisation's token, too many
// calls, and malformed filters and bodies (SCIM errors, never a 500).
import { schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { createHarness, type Harness, idOf, smallOrg } from "../testing/harness";
import { serveOnLoopback } from "../testing/serve";
import { defaultRateLimits, type RateLimitSettings } from "./rate-limits";

const USER = "urn:ietf:params:scim:schemas:core:2.0:User";
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
const PATCH = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
const ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;
let server: { app: FastifyInstance; base: string };
const tokens: Record<"a" | "aRevoked" | "aReadOnly" | "b", string> = {
  a: "",
  aRevoked: "",
  aReadOnly: "",
  b: "",
};

/** Limits a test is not about stay out of its way. */
const generous = Object.fromEntries(
  Object.entries(defaultRateLimits()).map(([name, limit]) => [name, { ...limit, max: 10_000 }]),
) as unknown as RateLimitSettings;

function serve(rateLimits: RateLimitSettings) {
  return serveOnLoopback(h.database, { rateLimits });
}

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(smallOrg("Alpha", "alpha.test"));
  b = await h.seed(smallOrg("Beta", "beta.test"));
  const adminA = h.as(a, "admin");
  tokens.a = (await adminA.apiTokens.create({ name: "Okta", scopes: ["scim"] })).secret;
  const revoked = await adminA.apiTokens.create({ name: "Old Entra", scopes: ["scim"] });
  await adminA.apiTokens.revoke({ tokenId: revoked.token.id });
  tokens.aRevoked = revoked.secret;
  tokens.aReadOnly = (await adminA.apiTokens.create({ name: "Reader", scopes: ["people:read"] })).secret;
  tokens.b = (await h.as(b, "admin").apiTokens.create({ name: "Beta SCIM", scopes: ["scim"] })).secret;
  server = await serve(generous);
}, 120_000);
afterAll(async () => {
  await server?.app.close();
  await h?.close();
});

interface Answer {
  status: number;
  type: string | null;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: SCIM answers are read field by field
  body: any;
}

/** A SCIM client with one token, as an identity provider is configured with one. */
function client(token: string | undefined, base = () => server.base) {
  return async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${base()}/scim/v2${path}`, {
      method,
      headers: {
        accept: "application/scim+json",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { "content-type": "application/scim+json" } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: typeof body === "string" ? body : JSON.stringify(body) } : {}),
    });
    const text = await response.text();
    const answer: Answer = {
      status: response.status,
      type: response.headers.get("content-type"),
      headers: response.headers,
      body: text ? JSON.parse(text) : null,
    };
    expect(answer.status, `${method} ${path}: ${text}`).toBeLessThan(500);
    if (answer.status !== 204) expect(answer.type).toMatch(/^application\/scim\+json/);
    return answer;
  };
}

const okta = () => client(tokens.a);
const q = (filter: string) => `?filter=${encodeURIComponent(filter)}&startIndex=1&count=100`;

async function personRow(id: string) {
  const [row] = await h.database.db.select().from(schema.people).where(eq(schema.people.id, id));
  return row;
}

describe(`SCIM provisioning over HTTP on ${testDriver()}`, () => {
  it("discovers ServiceProviderConfig, Schemas and ResourceTypes as an identity provider does", async () => {
    const scim = okta();
    const config = await scim("GET", "/ServiceProviderConfig");
    expect(config.status).toBe(200);
    expect(config.body).toMatchObject({
      patch: { supported: true },
      filter: { supported: true, maxResults: 200 },
      bulk: { supported: false },
      authenticationSchemes: [{ type: "oauthbearertoken" }],
    });
    const schemas = await scim("GET", "/Schemas");
    expect(schemas.body.Resources.map((s: { id: string }) => s.id)).toEqual([USER, ENTERPRISE, GROUP]);
    expect((await scim("GET", `/Schemas/${USER}`)).body.name).toBe("User");
    const types = await scim("GET", "/ResourceTypes");
    expect(types.body.Resources.map((t: { endpoint: string }) => t.endpoint)).toEqual(["/Users", "/Groups"]);
    expect((await scim("GET", "/ResourceTypes/Group")).body.schema).toBe(GROUP);
    expect((await scim("GET", "/Nothing")).status).toBe(404);
  });

  it("provisions a person as Okta does: look up by userName, create, deactivate, reactivate, replace", async () => {
    const scim = okta();
    const missing = await scim("GET", `/Users${q('userName eq "dana@alpha.test"')}`);
    expect(missing.body).toMatchObject({ totalResults: 0, Resources: [] });

    const created = await scim("POST", "/Users", {
      schemas: [USER],
      userName: "dana@alpha.test",
      name: { givenName: "Dana", familyName: "Diaz" },
      emails: [{ primary: true, value: "dana@alpha.test", type: "work" }],
      displayName: "Dana Diaz",
      active: true,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      userName: "dana@alpha.test",
      active: true,
      name: { formatted: "Dana Diaz" },
    });
    const id = created.body.id as string;
    expect(created.headers.get("location")).toBe(`${server.base}/scim/v2/Users/${id}`);

    const found = await scim("GET", `/Users${q('userName eq "DANA@Alpha.test"')}`);
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0].id).toBe(id);

    const off = await scim("PATCH", `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: "replace", value: { active: false } }],
    });
    expect(off.body.active).toBe(false);
    expect((await personRow(id))?.active).toBe(false);
    const on = await scim("PATCH", `/Users/${id}`, {
      schemas: [PATCH],
      Operations: [{ op: "replace", value: { active: true } }],
    });
    expect(on.body.active).toBe(true);

    const replaced = await scim("PUT", `/Users/${id}`, {
      schemas: [USER],
      userName: "dana.diaz@alpha.test",
      name: { givenName: "Dana", familyName: "Diaz-Ortiz" },
      active: true,
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      userName: "dana.diaz@alpha.test",
      name: { formatted: "Dana Diaz-Ortiz" },
    });
    const directory = await h.as(a, "admin").people.directory();
    expect(directory.find((p) => p.id === id)).toMatchObject({ email: "dana.diaz@alpha.test", active: true });

    // The admin's audit log tells it was the token, not a person.
    const audit = await h.as(a, "admin").audit.list({ targetId: id, limit: 20 });
    expect(audit.items.map((e) => e.action)).toEqual(
      expect.arrayContaining(["people.create", "people.deactivate", "people.reactivate", "people.update"]),
    );
    expect(audit.items.every((e) => e.actor === null && e.details.apiTokenName === "Okta")).toBe(true);
  });

  it("applies Entra ID's PATCH forms: capitalised ops, string booleans, a bare manager id, name parts", async () => {
    const scim = client(tokens.a);
    const { body: user } = await scim("POST", "/Users", {
      schemas: [USER, ENTERPRISE],
      userName: "erin@alpha.test",
      displayName: "Erin Eck",
      active: true,
    });
    const manager = idOf(a, "manager");
    const patch = (Operations: unknown[]) =>
      scim("PATCH", `/Users/${user.id}`, { schemas: [PATCH], Operations });

    const managed = await patch([{ op: "Add", path: `${ENTERPRISE}:manager`, value: manager }]);
    expect(managed.body[ENTERPRISE].manager.value).toBe(manager);
    expect((await personRow(user.id))?.managerId).toBe(manager);

    const renamed = await patch([{ op: "Replace", path: "name.familyName", value: "Eckhart" }]);
    expect(renamed.body.name.formatted).toBe("Erin Eckhart");
    const both = await patch([
      { op: "Replace", path: "name.givenName", value: "Erin Mae" },
      { op: "Replace", path: "name.familyName", value: "Eck" },
    ]);
    expect(both.body.displayName).toBe("Erin Mae Eck");
    const inactive = await patch([{ op: "Replace", path: "active", value: "False" }]);
    expect(inactive.body.active).toBe(false);
    await patch([{ op: "Replace", path: "active", value: "True" }]);

    const unmanaged = await patch([{ op: "Remove", path: `${ENTERPRISE}:manager` }]);
    expect(unmanaged.body[ENTERPRISE]).toBeUndefined();
    expect((await personRow(user.id))?.managerId).toBeNull();

    // Okta sets it with a value object and no path; a loop is refused by the admin's own rule.
    const viaValue = await patch([
      { op: "replace", value: { [ENTERPRISE]: { manager: { value: manager } } } },
    ]);
    expect(viaValue.body[ENTERPRISE].manager.value).toBe(manager);
    const loop = await client(tokens.a)("PATCH", `/Users/${manager}`, {
      schemas: [PATCH],
      Operations: [{ op: "replace", path: `${ENTERPRISE}:manager`, value: { value: user.id } }],
    });
    expect(loop.status).toBe(400);
    expect(loop.body).toMatchObject({ schemas: [ERROR], status: "400", scimType: "invalidValue" });
    expect(loop.body.detail).toMatch(/reporting loop/);
  });

  it("creates a team as a Group, adds and removes members, renames it and removes it", async () => {
    const scim = okta();
    const [ann, bob, cat] = ["ann", "bob", "cat"].map((k) => idOf(a, k));
    const created = await scim("POST", "/Groups", {
      schemas: [GROUP],
      displayName: "Platform",
      members: [{ value: ann }],
    });
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect(created.body.members.map((m: { value: string }) => m.value)).toEqual([ann]);

    const found = await scim("GET", `/Groups${q('displayName eq "platform"')}&excludedAttributes=members`);
    expect(found.body.totalResults).toBe(1);
    expect(found.body.Resources[0].members).toBeUndefined();

    // Entra ID adds and removes with a list of values; Okta removes with a filtered path.
    const patch = (Operations: unknown[]) => scim("PATCH", `/Groups/${id}`, { schemas: [PATCH], Operations });
    await patch([{ op: "Add", path: "members", value: [{ value: bob }, { value: cat }] }]);
    await patch([{ op: "Remove", path: "members", value: [{ value: ann }] }]);
    const after = await patch([{ op: "remove", path: `members[value eq "${cat}"]` }]);
    expect(after.body.members.map((m: { value: string }) => m.value)).toEqual([bob]);
    const teams = await h.as(a, "admin").teams.list();
    expect(teams.find((t) => t.id === id)?.members.map((m) => m.id)).toEqual([bob]);

    const renamed = await scim("PUT", `/Groups/${id}`, {
      schemas: [GROUP],
      displayName: "Platform Team",
      members: [],
    });
    expect(renamed.body).toMatchObject({ displayName: "Platform Team", members: [] });
    const clash = await scim("POST", "/Groups", { schemas: [GROUP], displayName: "core" });
    expect(clash.status).toBe(409);
    expect(clash.body.scimType).toBe("uniqueness");

    expect((await scim("DELETE", `/Groups/${id}`)).status).toBe(204);
    expect((await scim("GET", `/Groups/${id}`)).status).toBe(404);
  });

  it("creates a person already inactive when asked, and a PUT without active keeps it", async () => {
    const scim = okta();
    const created = await scim("POST", "/Users", {
      schemas: [USER],
      userName: "ivy@alpha.test",
      displayName: "Ivy Inactive",
      active: false,
    });
    expect(created.status).toBe(201);
    expect((await personRow(created.body.id))?.active).toBe(false);
    const replaced = await scim("PUT", `/Users/${created.body.id}`, {
      schemas: [USER],
      userName: "ivy@alpha.test",
      displayName: "Ivy Still",
    });
    expect(replaced.body).toMatchObject({ active: false, displayName: "Ivy Still" });
  });

  it("deactivates on DELETE and never erases (an identity provider wiping a person's history)", async () => {
    const scim = okta();
    const bob = idOf(a, "bob");
    expect((await scim("DELETE", `/Users/${bob}`)).status).toBe(204);
    const row = await personRow(bob);
    expect(row).toMatchObject({ active: false, erasedAt: null, name: "Bob Best" });
    expect((await scim("GET", `/Users/${bob}`)).body.active).toBe(false);
    await scim("PATCH", `/Users/${bob}`, {
      schemas: [PATCH],
      Operations: [{ op: "replace", value: { active: true } }],
    });
  });

  it("refuses a revoked token, a missing one and a session cookie with 401 (calling with an old token)", async () => {
    for (const token of [tokens.aRevoked, undefined, "fvf_guess", "not-a-token"]) {
      const answer = await client(token)("GET", "/Users");
      expect(answer.status).toBe(401);
      expect(answer.headers.get("www-authenticate")).toMatch(/^Bearer/);
      expect(answer.body).toMatchObject({ schemas: [ERROR], status: "401" });
    }
    const signIn = await fetch(`${server.base}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.base },
      body: JSON.stringify({ email: "admin@alpha.test", password: "test-password" }),
    });
    const cookie = (signIn.headers.getSetCookie()[0] ?? "").split(";")[0] ?? "";
    expect(cookie).toMatch(/session_token=/);
    expect((await client(undefined)("GET", "/Users", undefined, { cookie })).status).toBe(401);
  });

  it("refuses a token without the scim scope with 403 (a read-only token provisioning people)", async () => {
    const answer = await client(tokens.aReadOnly)("POST", "/Users", {
      schemas: [USER],
      userName: "x@alpha.test",
      displayName: "X",
    });
    expect(answer.status).toBe(403);
    expect(answer.body.detail).toMatch(/scim scope/);
    expect(
      await h.database.db.select().from(schema.people).where(eq(schema.people.email, "x@alpha.test")),
    ).toEqual([]);
  });

  it("never lets organisation B's token see or change organisation A (reading and writing A's ids)", async () => {
    const scim = client(tokens.b);
    const list = await scim("GET", "/Users?count=200");
    expect(JSON.stringify(list.body)).not.toContain("alpha.test");
    expect((await scim("GET", `/Users${q('userName eq "ann@alpha.test"')}`)).body.totalResults).toBe(0);
    const ann = idOf(a, "ann");
    const team = a.teams.Core as string;
    expect((await scim("GET", `/Users/${ann}`)).status).toBe(404);
    expect(
      (
        await scim("PUT", `/Users/${ann}`, {
          schemas: [USER],
          userName: "ann@beta.test",
          displayName: "Taken",
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await scim("PATCH", `/Users/${ann}`, {
          schemas: [PATCH],
          Operations: [{ op: "replace", value: { active: false } }],
        })
      ).status,
    ).toBe(404);
    expect((await scim("DELETE", `/Users/${ann}`)).status).toBe(404);
    expect((await scim("GET", `/Groups/${team}`)).status).toBe(404);
    expect(
      (
        await scim("PATCH", `/Groups/${team}`, {
          schemas: [PATCH],
          Operations: [{ op: "add", path: "members", value: [{ value: idOf(b, "ann") }] }],
        })
      ).status,
    ).toBe(404);
    expect((await scim("DELETE", `/Groups/${team}`)).status).toBe(404);
    expect(JSON.stringify((await scim("GET", "/Groups")).body)).not.toContain(team);
    // Nor may B point at A's people from its own resources.
    expect(
      (await scim("POST", "/Groups", { schemas: [GROUP], displayName: "Spies", members: [{ value: ann }] }))
        .status,
    ).toBe(400);
    const withManager = await scim("POST", "/Users", {
      schemas: [USER, ENTERPRISE],
      userName: "zed@beta.test",
      displayName: "Zed",
      [ENTERPRISE]: { manager: { value: ann } },
    });
    expect(withManager.status).toBe(400);
    expect(await personRow(ann)).toMatchObject({ active: true, email: "ann@alpha.test", name: "Ann Able" });
    expect((await h.as(a, "admin").teams.list()).find((t) => t.id === team)).toBeDefined();
  });

  it("answers malformed filters, queries and bodies with SCIM 400s, never a 500", async () => {
    const scim = okta();
    const ann = idOf(a, "ann");
    const cases: Array<[string, string, unknown, string | undefined]> = [
      ["GET", `/Users${q("userName eq")}`, undefined, "invalidFilter"],
      ["GET", `/Users${q('userName eq "a" and (')}`, undefined, "invalidFilter"],
      ["GET", `/Users${q("((((")}`, undefined, "invalidFilter"],
      ["GET", `/Groups${q('displayName xx "a"')}`, undefined, "invalidFilter"],
      ["GET", "/Users?startIndex=abc", undefined, "invalidValue"],
      ["GET", "/Users?count=1e99", undefined, "invalidValue"],
      ["POST", "/Users", "{not json", "invalidSyntax"],
      ["POST", "/Users", "[1,2]", "invalidSyntax"],
      ["POST", "/Users", "", "invalidSyntax"],
      ["POST", "/Users", { schemas: [USER], displayName: "No Name" }, "invalidValue"],
      ["POST", "/Users", { schemas: [USER], userName: "not-an-email", displayName: "N" }, "invalidValue"],
      ["POST", "/Users", { schemas: [USER], userName: "n@alpha.test" }, "invalidValue"],
      [
        "POST",
        "/Users",
        { schemas: ["urn:other"], userName: "n@alpha.test", displayName: "N" },
        "invalidSyntax",
      ],
      [
        "POST",
        "/Users",
        { schemas: [USER], userName: "n@alpha.test", displayName: "N", active: "maybe" },
        "invalidValue",
      ],
      [
        "POST",
        "/Users",
        {
          schemas: [USER, ENTERPRISE],
          userName: "n@alpha.test",
          displayName: "N",
          [ENTERPRISE]: { manager: { value: "x" } },
        },
        "invalidValue",
      ],
      ["POST", "/Users", { userName: `${"a".repeat(300)}@alpha.test`, displayName: "N" }, "invalidValue"],
      ["POST", "/Users", `${"[".repeat(100)}${"]".repeat(100)}`, "invalidSyntax"],
      ["PATCH", `/Users/${ann}`, { schemas: [PATCH] }, "invalidSyntax"],
      ["PATCH", `/Users/${ann}`, { schemas: [PATCH], Operations: [{ op: "explode" }] }, "invalidSyntax"],
      [
        "PATCH",
        `/Users/${ann}`,
        { schemas: [PATCH], Operations: [{ op: "replace", path: "emails[[[", value: 1 }] },
        undefined,
      ],
      ["PATCH", `/Users/${ann}`, { schemas: [PATCH], Operations: [{ op: "remove" }] }, undefined],
      [
        "PATCH",
        `/Users/${ann}`,
        { schemas: [PATCH], Operations: [{ op: "replace", path: 7 }] },
        "invalidPath",
      ],
      [
        "PATCH",
        `/Users/${ann}`,
        { schemas: [PATCH], Operations: [{ op: "replace", value: { userName: 42 } }] },
        "invalidValue",
      ],
      ["POST", "/Groups", { schemas: [GROUP], displayName: "" }, "invalidValue"],
      ["POST", "/Groups", { schemas: [GROUP], displayName: "G", members: "all" }, "invalidValue"],
      ["POST", "/Groups", { schemas: [GROUP], displayName: "G", members: [{ value: 3 }] }, "invalidValue"],
      [
        "PATCH",
        `/Groups/${a.teams.Core}`,
        { schemas: [PATCH], Operations: [{ op: "add", path: "members", value: [{ value: "nope" }] }] },
        "invalidValue",
      ],
    ];
    for (const [method, path, body, scimType] of cases) {
      const answer = await scim(method, path, body);
      expect(answer.status, `${method} ${path} ${JSON.stringify(body)}`).toBe(400);
      expect(answer.body).toMatchObject({ schemas: [ERROR], status: "400" });
      if (scimType) expect(answer.body.scimType, `${method} ${path}`).toBe(scimType);
    }
    // Odd but well-formed: answered (200, 201) or refused (400), never a 500.
    const odd: Array<[string, string, unknown]> = [
      ["GET", `/Users${q('meta.created gt "2000-01-01"')}`, undefined],
      ["GET", `/Users${q('emails[type eq "work" and value co "@"]')}`, undefined],
      ["GET", `/Users${q('not (userName eq "ann@alpha.test") or active eq false')}`, undefined],
      ["GET", `/Users${q(`${ENTERPRISE}:manager.value pr`)}`, undefined],
      ["GET", `/Groups${q('members[value eq "x"]')}`, undefined],
      ["GET", `/Users${q(`userName eq "${"x".repeat(2000)}"`)}`, undefined],
      ["GET", "/Users?count=999999999&startIndex=999999999", undefined],
      ["POST", "/Users", "null"],
      ["POST", "/Groups", { schemas: [GROUP], displayName: "Odd", members: null }],
      [
        "PATCH",
        `/Users/${ann}`,
        { schemas: [PATCH], Operations: [{ op: "add", path: `${ENTERPRISE}:manager`, value: 5 }] },
      ],
      ["PATCH", `/Users/${ann}`, { schemas: [PATCH], Operations: [{ op: "replace", value: null }] }],
      [
        "PATCH",
        `/Users/${ann}`,
        { schemas: [PATCH], Operations: [{ op: "replace", path: "name", value: "Plain" }] },
      ],
      [
        "PATCH",
        `/Users/${ann}`,
        { schemas: [PATCH], Operations: [{ op: "replace", path: "meta.created", value: 1 }] },
      ],
      [
        "PATCH",
        `/Groups/${a.teams.Core}`,
        { schemas: [PATCH], Operations: [{ op: "remove", path: "members", value: [{}] }] },
      ],
      [
        "PATCH",
        `/Groups/${a.teams.Core}`,
        { schemas: [PATCH], Operations: [{ op: "replace", path: "displayName", value: ["x"] }] },
      ],
    ];
    for (const [method, path, body] of odd) {
      const answer = await scim(method, path, body);
      expect(
        [200, 201, 400],
        `${method} ${path} ${JSON.stringify(body)}: ${JSON.stringify(answer.body)}`,
      ).toContain(answer.status);
    }
    expect((await scim("GET", "/Users/not-an-id")).status).toBe(404);
    const duplicate = await scim("POST", "/Users", {
      schemas: [USER],
      userName: "ANN@alpha.test",
      displayName: "Ann Again",
    });
    expect(duplicate).toMatchObject({ status: 409, body: { scimType: "uniqueness" } });
    const wrongType = await scim("POST", "/Users", "userName=x", {
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(wrongType.status).toBe(415);
  });

  it("pages with startIndex and count", async () => {
    const scim = okta();
    const all = await scim("GET", "/Users");
    expect(all.body.totalResults).toBeGreaterThanOrEqual(6);
    const second = await scim("GET", "/Users?startIndex=2&count=2");
    expect(second.body).toMatchObject({
      startIndex: 2,
      itemsPerPage: 2,
      totalResults: all.body.totalResults,
    });
    expect(second.body.Resources.map((u: { id: string }) => u.id)).toEqual(
      all.body.Resources.slice(1, 3).map((u: { id: string }) => u.id),
    );
    expect((await scim("GET", "/Users?count=0")).body).toMatchObject({ itemsPerPage: 0, Resources: [] });
  });

  it("is not refused as a cross-site write: a token call carries no session to ride on", async () => {
    const answer = await okta()(
      "POST",
      "/Groups",
      { schemas: [GROUP], displayName: "From Elsewhere" },
      {
        origin: "https://evil.example",
      },
    );
    expect(answer.status).toBe(201);
  });

  it("records when a token was last used, and never lists its secret", async () => {
    const list = await h.as(a, "admin").apiTokens.list();
    expect(list.find((t) => t.name === "Okta")?.lastUsedAt).not.toBeNull();
    expect(list.find((t) => t.name === "Reader")?.lastUsedAt).not.toBeNull();
    expect(JSON.stringify(list)).not.toContain(tokens.a.slice(12));
  });

  it("rate limits per token, and unknown tokens per client address (a flood, and token guessing)", async () => {
    await h.database.db.delete(schema.rateLimitBuckets);
    const limited = await serve({
      ...generous,
      apiPerToken: { max: 3, windowMs: 60_000 },
      apiTokenMissesPerAddress: { max: 2, windowMs: 60_000 },
    });
    try {
      const at = () => limited.base;
      const flood = client(tokens.a, at);
      for (let i = 0; i < 3; i++) expect((await flood("GET", "/ServiceProviderConfig")).status).toBe(200);
      const refused = await flood("GET", "/ServiceProviderConfig");
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
      expect(refused.body).toMatchObject({ schemas: [ERROR], status: "429" });
      expect((await client(tokens.b, at)("GET", "/ServiceProviderConfig")).status).toBe(200);

      const guess = client("fvf_guessing-a-token", at);
      expect((await guess("GET", "/Users")).status).toBe(401);
      expect((await guess("GET", "/Users")).status).toBe(401);
      expect((await guess("GET", "/Users")).status).toBe(429);
    } finally {
      await limited.app.close();
      await h.database.db.delete(schema.rateLimitBuckets);
    }
  });
});
