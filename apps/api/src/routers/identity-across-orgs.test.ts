// One sign-in per address, a person per organisation: what an admin of organisation B can and
// cannot do with an address that is also a person of organisation A. Through createCaller for the
// admin's answers and the switch, and over real HTTP for the password link, sign-in and sessions.
// Every test is named after the attack and failed before its defence.
import { randomUUID } from "node:crypto";
import { listDirectory, schema } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { and, eq } from "drizzle-orm";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "../router";
import type { SeededOrganisation } from "../seed/organisation";
import { linkNewPeopleOfSignIn } from "../services/auth/identity";
import { createHarness, type Harness, smallOrg, TEST_APP_URL } from "../testing/harness";
import { serveOnLoopback } from "../testing/serve";
import { createContextFor } from "../trpc/context";

let h: Harness;
let a: SeededOrganisation;
let b: SeededOrganisation;
let c: SeededOrganisation;
let app: FastifyInstance;
let base: string;

beforeAll(async () => {
  h = await createHarness();
  a = await h.seed(smallOrg("Org A", "a.test"));
  b = await h.seed(smallOrg("Org B", "b.test"));
  c = await h.seed(smallOrg("Org C", "c.test"));
  ({ app, base } = await serveOnLoopback(h.database));
});
afterAll(async () => {
  await app?.close();
  await h?.close();
});

const db = () => h.database.db;

/** A caller with a real session row, as a browser's would be (the switch is remembered per session). */
async function sessionCaller(userId: string) {
  const sessionId = randomUUID();
  await db()
    .insert(schema.session)
    .values({ id: sessionId, token: randomUUID(), userId, expiresAt: new Date(Date.now() + 3_600_000) });
  const ctx = createContextFor(
    { ...h.database, appUrl: TEST_APP_URL, mailboxEnabled: true, sealingSecret: h.sealingSecret },
    userId,
    undefined,
    sessionId,
  );
  return { sessionId, caller: () => createCaller({ ...ctx, memo: new Map() }) };
}

async function userOf(email: string) {
  const [row] = await db().select().from(schema.user).where(eq(schema.user.email, email));
  return row;
}

async function personOf(org: SeededOrganisation, email: string) {
  return (await listDirectory(db(), org.orgId)).find((p) => p.email === email);
}

/** A directory entry without what naturally differs between two people. */
function shape(entry: { id: string; name: string; email: string; createdAt: string | Date }) {
  const { id: _id, name: _name, email: _email, createdAt: _createdAt, ...rest } = entry;
  return rest;
}

describe(`B's admin and an address of organisation A, through createCaller on ${testDriver()}`, () => {
  it("B's admin cannot tell from create, update or an import dry run whether an address exists elsewhere", async () => {
    const admin = h.as(b, "admin");
    // An address with a sign-in in A, an address of A's person who never signed in, and one nowhere.
    await db().insert(schema.people).values({ orgId: a.orgId, name: "Una Unsigned", email: "una@a.test" });
    const withSignIn = await admin.people.create({ name: "One", email: "coach@a.test" });
    const withoutSignIn = await admin.people.create({ name: "Two", email: "una@a.test" });
    const nowhere = await admin.people.create({ name: "Three", email: "three@nowhere.test" });
    expect(shape(withSignIn)).toEqual(shape(nowhere));
    expect(shape(withoutSignIn)).toEqual(shape(nowhere));

    // Moving B's signed-in people to an address signed in at A, or to a fresh one: the same answer
    // (it was "used by another sign-in"), and A's sign-in stays as it was.
    const aManager = await userOf("manager@a.test");
    const moved = await admin.people.update({
      personId: b.people.bob?.personId ?? "",
      email: "manager@a.test",
    });
    const fresh = await admin.people.update({
      personId: b.people.cat?.personId ?? "",
      email: "cat2@nowhere.test",
    });
    expect(shape(moved)).toEqual(shape(fresh));
    expect(moved.hasSignIn).toBe(false);
    expect(await userOf("manager@a.test")).toEqual(aManager);
    expect((await personOf(a, "manager@a.test"))?.hasSignIn).toBe(true);
    const aManagerCaller = h.as(a, "manager");
    expect((await aManagerCaller.me.get()).org.id).toBe(a.orgId);

    // The import's dry run: a row with A's signed-in address reads like a row with a fresh one.
    const dry = await admin.people.import({
      dryRun: true,
      csv: "name,email\nAnn Again,ann@a.test\nNew Person,new@nowhere.test",
    });
    const [elsewhere, unknown] = dry.rows;
    expect({ ...elsewhere, line: 0, name: "", email: "" }).toEqual({
      ...unknown,
      line: 0,
      name: "",
      email: "",
    });
  });

  it("B's admin erasing B's person who shares a sign-in with A does not delete A's sign-in", async () => {
    const admin = h.as(b, "admin");
    const guest = await admin.people.create({ name: "Guest", email: "cat@a.test" });
    const cat = await userOf("cat@a.test");
    await linkNewPeopleOfSignIn(db(), { userId: cat?.id ?? "", email: "cat@a.test" });
    await admin.people.erase({ personId: guest.id });
    expect(await userOf("cat@a.test")).toEqual(cat);
    expect((await h.as(a, "cat").me.get()).org.id).toBe(a.orgId);
  });

  it("B's admin exporting B's person who shares a sign-in with A sees none of A's sessions", async () => {
    const admin = h.as(b, "admin");
    const guest = await admin.people.create({ name: "Export Guest", email: "bob@a.test" });
    const userId = a.people.bob?.userId ?? "";
    await db()
      .insert(schema.session)
      .values({
        id: randomUUID(),
        token: randomUUID(),
        userId,
        expiresAt: new Date(Date.now() + 3_600_000),
        ipAddress: "203.0.113.7",
        userAgent: "A's browser",
      });
    await linkNewPeopleOfSignIn(db(), { userId, email: "bob@a.test" });
    const before = await admin.people.export({ personId: guest.id });
    expect(before.signIn?.sessions).toEqual([]);
    const [linked] = await db().select().from(schema.people).where(eq(schema.people.id, guest.id));
    expect(new Date(before.signIn?.createdAt ?? 0).getTime()).toBe(linked?.linkedAt?.getTime());
    // A session that answers for B is B's to see.
    const { caller } = await sessionCaller(userId);
    await caller().me.switchOrganisation({ orgId: b.orgId });
    const after = await admin.people.export({ personId: guest.id });
    expect(after.signIn?.sessions).toHaveLength(1);
    expect(JSON.stringify(after)).not.toContain("203.0.113.7");
    // A still sees its own.
    const own = await h.as(a, "admin").people.export({ personId: a.people.bob?.personId ?? "" });
    expect(JSON.stringify(own.signIn?.sessions)).toContain("203.0.113.7");
  });

  it("switching to an organisation the sign-in holds no person in is refused like one that does not exist", async () => {
    const { caller } = await sessionCaller(a.people.admin?.userId ?? "");
    const other = await caller()
      .me.switchOrganisation({ orgId: c.orgId })
      .catch((e: unknown) => e);
    const none = await caller()
      .me.switchOrganisation({ orgId: randomUUID() })
      .catch((e: unknown) => e);
    expect(other).toMatchObject({ code: "NOT_FOUND" });
    expect({ ...(other as object) }).toEqual({ ...(none as object) });
    expect((other as Error).message).toBe((none as Error).message);
    expect((await caller().me.get()).org.id).toBe(a.orgId);
    expect(await caller().me.organisations()).toEqual([{ id: a.orgId, name: "Org A", current: true }]);
  });

  it("a session switched to B answers for B only, and falls back to A when B deactivates its person", async () => {
    const admin = h.as(b, "admin");
    const guest = await admin.people.create({ name: "Guest Coach", email: "admin@a.test" });
    const userId = a.people.admin?.userId ?? "";
    await linkNewPeopleOfSignIn(db(), { userId, email: "admin@a.test" });
    const { sessionId, caller } = await sessionCaller(userId);
    expect(await caller().me.organisations()).toEqual([
      { id: a.orgId, name: "Org A", current: true },
      { id: b.orgId, name: "Org B", current: false },
    ]);
    const switched = await caller().me.switchOrganisation({ orgId: b.orgId });
    expect(switched).toMatchObject({ org: { id: b.orgId }, person: { id: guest.id }, roles: ["member"] });
    const inB = caller();
    expect((await inB.me.get()).person.id).toBe(guest.id);
    const bIds = new Set((await listDirectory(db(), b.orgId)).map((p) => p.id));
    const listed = (await inB.people.list({ limit: 100 })).people;
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((p) => bIds.has(p.id))).toBe(true);
    // A's admin powers stay in A: in B the same sign-in is a plain member.
    await expect(inB.people.directory()).rejects.toMatchObject({ code: "FORBIDDEN" });
    // No report of A reaches a session answering for B (A's admin may read A's reports).
    expect(await inB.reports.list()).toEqual([]);
    // A caller without the switch still answers for A (the choice belongs to the session).
    expect((await h.as(a, "admin").me.get()).org.id).toBe(a.orgId);

    await admin.people.update({ personId: guest.id, active: false });
    expect(await caller().me.organisations()).toEqual([{ id: a.orgId, name: "Org A", current: true }]);
    expect((await caller().me.get()).org.id).toBe(a.orgId);
    // A's sign-in was not signed out by B's deactivation.
    const sessions = await db().select().from(schema.session).where(eq(schema.session.id, sessionId));
    expect(sessions).toHaveLength(1);
    await expect(caller().me.switchOrganisation({ orgId: b.orgId })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

/** A browser's cookie jar, as far as these tests need one. */
class Jar {
  cookies = new Map<string, string>();
  take(response: Response) {
    for (const line of response.headers.getSetCookie()) {
      const [pair = ""] = line.split(";");
      const at = pair.indexOf("=");
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1);
      if (value === "" || /max-age=0/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }
  header() {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
  }
}

async function post(path: string, body: unknown, jar?: Jar) {
  const response = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base, ...(jar ? { cookie: jar.header() } : {}) },
    body: JSON.stringify(body),
  });
  jar?.take(response);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function query<T>(jar: Jar, path: string): Promise<{ status: number; data: T }> {
  const response = await fetch(`${base}/trpc/${path}`, { headers: { cookie: jar.header() } });
  jar.take(response);
  const body = (await response.json()) as { result?: { data: T } };
  return { status: response.status, data: body.result?.data as T };
}

async function passwordMailsTo(email: string) {
  return db()
    .select()
    .from(schema.outbox)
    .where(and(eq(schema.outbox.template, "password"), eq(schema.outbox.toEmail, email)));
}

async function signIn(email: string, password: string) {
  const jar = new Jar();
  const response = await post("/api/auth/sign-in/email", { email, password }, jar);
  expect(response.status).toBe(200);
  return jar;
}

describe(`the password link and sign-in over HTTP on ${testDriver()}`, () => {
  it("B's admin adding A's signed-in address leaves A's password reset answering 200 and mailing A once", async () => {
    await h.as(b, "admin").people.create({ name: "Mallory Bee", email: "ann@a.test" });
    const answer = await post("/api/auth/request-password-reset", { email: "ann@a.test" });
    expect(answer.status).toBe(200);
    const mails = await passwordMailsTo("ann@a.test");
    expect(mails).toHaveLength(1);
    const [mail] = mails;
    // Filed with A (where the sign-in was first linked), greeting A's person, naming no organisation.
    expect(mail?.orgId).toBe(a.orgId);
    expect(mail?.text).toContain("Hello Ann,");
    expect(`${mail?.subject} ${mail?.text}`).not.toMatch(/Org A|Org B|Mallory/);
    const link = (mail?.meta as { link?: string } | undefined)?.link ?? "";
    const token = new URL(link, base).searchParams.get("token") ?? "";
    expect((await post("/api/auth/reset-password", { token, newPassword: "a-new-password" })).status).toBe(
      200,
    );
    await signIn("ann@a.test", "a-new-password");
  });

  it("B's admin adding the address of A's person who never signed in does not silence A's password mail", async () => {
    await db().insert(schema.people).values({ orgId: a.orgId, name: "Nia Newcomer", email: "nia@a.test" });
    await h.as(b, "admin").people.create({ name: "Nia Elsewhere", email: "nia@a.test" });
    expect((await post("/api/auth/request-password-reset", { email: "nia@a.test" })).status).toBe(200);
    const mails = await passwordMailsTo("nia@a.test");
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toBe("Set your Fivefold password");
    expect(mails[0]?.text).toContain("Hello Nia,");
  });

  it("B's admin cannot tell from the reset endpoint whether an address exists elsewhere", async () => {
    await h.as(b, "admin").people.create({ name: "Only Here", email: "only@b-only.test" });
    await h.as(b, "admin").people.create({ name: "Also There", email: "cat@a.test" });
    const onlyInB = await post("/api/auth/request-password-reset", { email: "only@b-only.test" });
    const alsoInA = await post("/api/auth/request-password-reset", { email: "cat@a.test" });
    const nowhere = await post("/api/auth/request-password-reset", { email: "nobody@nowhere.test" });
    expect(alsoInA).toEqual(onlyInB);
    expect(nowhere).toEqual(onlyInB);
    expect(onlyInB.status).toBe(200);
  });

  it("the owner of the address signs in once, sees both organisations, and every call then answers for the chosen one", async () => {
    const jar = await signIn("ann@a.test", "a-new-password");
    const mallory = await personOf(b, "ann@a.test");
    // Linked on sign-in, but until they enter B its directory says what it said before.
    expect(mallory?.hasSignIn).toBe(false);
    const before = await query<Array<{ id: string; name: string; current: boolean }>>(
      jar,
      "me.organisations",
    );
    expect(before.data).toEqual([
      { id: a.orgId, name: "Org A", current: true },
      { id: b.orgId, name: "Org B", current: false },
    ]);
    expect((await query<{ org: { id: string } }>(jar, "me.get")).data.org.id).toBe(a.orgId);

    const switched = await post("/trpc/me.switchOrganisation", { orgId: b.orgId }, jar);
    expect(switched.status).toBe(200);
    // The very next call answers for B, whatever the 60 s session cookie cache holds.
    const me = await query<{ org: { id: string }; person: { id: string; name: string } }>(jar, "me.get");
    expect(me.data).toMatchObject({ org: { id: b.orgId }, person: { id: mallory?.id, name: "Mallory Bee" } });
    const people = await query<{ people: Array<{ id: string }> }>(jar, "people.list");
    const bIds = new Set((await listDirectory(db(), b.orgId)).map((p) => p.id));
    expect(people.data.people.length).toBeGreaterThan(0);
    expect(people.data.people.every((p) => bIds.has(p.id))).toBe(true);
    expect((await query<unknown[]>(jar, "reports.list")).status).toBe(200);
    expect((await personOf(b, "ann@a.test"))?.hasSignIn).toBe(true);
    const after = await query<Array<{ id: string; current: boolean }>>(jar, "me.organisations");
    expect(after.data.map((o) => [o.id, o.current])).toEqual([
      [a.orgId, false],
      [b.orgId, true],
    ]);

    // Refused like a nonexistent organisation; the session stays where it was.
    const refused = await post("/trpc/me.switchOrganisation", { orgId: c.orgId }, jar);
    const missing = await post("/trpc/me.switchOrganisation", { orgId: randomUUID() }, jar);
    expect(refused.status).toBe(404);
    expect(refused).toEqual(missing);
    expect((await query<{ org: { id: string } }>(jar, "me.get")).data.org.id).toBe(b.orgId);

    // B deactivates its person: B leaves the list and the switched session falls back to A.
    await h.as(b, "admin").people.update({ personId: mallory?.id ?? "", active: false });
    expect((await query<{ org: { id: string } }>(jar, "me.get")).data.org.id).toBe(a.orgId);
    const left = await query<Array<{ id: string; current: boolean }>>(jar, "me.organisations");
    expect(left.data).toEqual([{ id: a.orgId, name: "Org A", current: true }]);
  });
});
