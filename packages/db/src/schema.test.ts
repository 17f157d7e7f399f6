// The migrations apply on this driver, and every table takes a row and gives it back.
import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, queryRows } from "./client";
import { migrate } from "./migrate";
import { countOrganisations, findMembershipByUserId, listPeoplePage } from "./queries";
import * as schema from "./schema";
import { createTestDatabase, testDriver } from "./testing";

let handle: DatabaseHandle;

beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle?.close();
});

describe(`schema on ${testDriver()}`, () => {
  it("applies the migrations, and applying them again changes nothing", async () => {
    await migrate(handle);
    const tables = await queryRows<{ table_name: string }>(
      handle.db,
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const names = tables.map((r) => r.table_name);
    expect(names).toEqual(
      expect.arrayContaining([
        "account",
        "organisations",
        "people",
        "person_roles",
        "session",
        "team_coaches",
        "team_members",
        "teams",
        "user",
        "verification",
      ]),
    );
  });

  it("inserts and reads every table", async () => {
    const { db } = handle;
    await db.insert(schema.user).values({ id: "u1", name: "Ada", email: "ada@example.test" });
    await db.insert(schema.account).values({
      id: "a1",
      accountId: "u1",
      providerId: "credential",
      userId: "u1",
      password: "hash",
    });
    await db.insert(schema.session).values({
      id: "s1",
      token: "t1",
      userId: "u1",
      expiresAt: new Date(Date.now() + 60_000),
    });
    await db.insert(schema.verification).values({
      id: "v1",
      identifier: "ada@example.test",
      value: "x",
      expiresAt: new Date(Date.now() + 60_000),
    });
    const [org] = await db.insert(schema.organisations).values({ name: "Org A" }).returning();
    if (!org) throw new Error("no org");
    expect(org.anonymityThreshold).toBe(3);
    const [boss] = await db
      .insert(schema.people)
      .values({ orgId: org.id, name: "Boss", email: "boss@example.test" })
      .returning();
    const [ada] = await db
      .insert(schema.people)
      .values({ orgId: org.id, userId: "u1", name: "Ada", email: "ada@example.test", managerId: boss?.id })
      .returning();
    if (!boss || !ada) throw new Error("no people");
    const [team] = await db.insert(schema.teams).values({ orgId: org.id, name: "Core" }).returning();
    if (!team) throw new Error("no team");
    await db.insert(schema.teamMembers).values({ orgId: org.id, teamId: team.id, personId: ada.id });
    await db.insert(schema.teamCoaches).values({ orgId: org.id, teamId: team.id, personId: boss.id });
    await db.insert(schema.personRoles).values([
      { orgId: org.id, personId: ada.id, role: "member" },
      { orgId: org.id, personId: ada.id, role: "coach" },
    ]);

    expect(await countOrganisations(db)).toBe(1);
    const membership = await findMembershipByUserId(db, "u1");
    expect(membership).toEqual({
      person: { id: ada.id, name: "Ada", email: "ada@example.test", language: null },
      org: { id: org.id, name: "Org A", anonymityThreshold: 3, language: "en" },
      roles: ["coach", "member"],
      firstEntry: false,
    });
    const listed = await listPeoplePage(db, org.id, { limit: 50 });
    expect(listed).toEqual([
      { id: ada.id, name: "Ada", email: "ada@example.test", managerId: boss.id, teamIds: [team.id] },
      { id: boss.id, name: "Boss", email: "boss@example.test", managerId: null, teamIds: [] },
    ]);
    const [session] = await db.select().from(schema.session).where(eq(schema.session.id, "s1"));
    expect(session?.userId).toBe("u1");
    const [verification] = await db.select().from(schema.verification);
    expect(verification?.identifier).toBe("ada@example.test");
    const [account] = await db.select().from(schema.account);
    expect(account?.providerId).toBe("credential");
  });

  it("refuses an anonymity threshold below 3 and a duplicate e-mail in one organisation", async () => {
    const { db } = handle;
    await expect(
      db.insert(schema.organisations).values({ name: "Lax", anonymityThreshold: 2 }),
    ).rejects.toThrow();
    const [org] = await db.insert(schema.organisations).values({ name: "Org B" }).returning();
    if (!org) throw new Error("no org");
    await db.insert(schema.people).values({ orgId: org.id, name: "One", email: "same@example.test" });
    await expect(
      db.insert(schema.people).values({ orgId: org.id, name: "Two", email: "same@example.test" }),
    ).rejects.toThrow();
  });

  it("hides inactive people from membership and lists", async () => {
    const { db } = handle;
    await db.insert(schema.user).values({ id: "u2", name: "Gone", email: "gone@example.test" });
    const [org] = await db.insert(schema.organisations).values({ name: "Org C" }).returning();
    if (!org) throw new Error("no org");
    await db
      .insert(schema.people)
      .values({ orgId: org.id, userId: "u2", name: "Gone", email: "gone@example.test", active: false });
    expect(await findMembershipByUserId(db, "u2")).toBeNull();
    expect(await listPeoplePage(db, org.id, { limit: 50 })).toEqual([]);
  });
});
