// Test harness for the API: a fresh migrated database per test file, two organisations, and a
// caller per seeded person, so router tests run on the real schema through the real procedures.
import { type DatabaseHandle, schema } from "@fivefold/db";
import { createTestDatabase } from "@fivefold/db/testing";
import { inArray } from "drizzle-orm";
import { createCaller } from "../router";
import { type OrganisationSeed, type SeededOrganisation, seedOrganisation } from "../seed/organisation";
import type { ServiceContext } from "../services/context";
import { createContextFor } from "../trpc/context";

export const TEST_APP_URL = "http://fivefold.test";
/** A fixed random sealing secret for tests (32 bytes, base64), never used anywhere else. */
export const TEST_SEALING_SECRET = "0vXr3b6yTq2fN8kLwZ1sHcV5mJ9pQeA4uD7gR0iBxYo=";

export interface Harness {
  database: DatabaseHandle;
  /** This harness's sealing secret (TEST_SEALING_SECRET), as a server's would be. */
  sealingSecret: string;
  seed(seed: OrganisationSeed): Promise<SeededOrganisation>;
  /** A caller signed in as the given Better Auth user (or anonymous with null). */
  callerFor(userId: string | null): ReturnType<typeof createCaller>;
  /** A caller signed in as the person with `key` in a seeded organisation. */
  as(org: SeededOrganisation, key: string): ReturnType<typeof createCaller>;
  /**
   * Cancels every draft or open request (a subject has at most one at a time), so each test of a
   * file starts with its subjects free; as the manager would with requests.cancel.
   */
  cancelActiveRequests(): Promise<void>;
  close(): Promise<void>;
}

export async function createHarness(): Promise<Harness> {
  const database = await createTestDatabase();
  const sealingSecret = TEST_SEALING_SECRET;
  const callerFor = (userId: string | null) =>
    createCaller(
      createContextFor({ ...database, appUrl: TEST_APP_URL, mailboxEnabled: true, sealingSecret }, userId),
    );
  return {
    database,
    sealingSecret,
    seed: (seed) => seedOrganisation(database.db, { password: "test-password", ...seed }),
    callerFor,
    as(org, key) {
      const person = org.people[key];
      if (!person?.userId) throw new Error(`no signed-in person "${key}" in the seeded organisation`);
      return callerFor(person.userId);
    },
    async cancelActiveRequests() {
      await database.db
        .update(schema.feedbackRequests)
        .set({ state: "cancelled", closedAt: new Date() })
        .where(inArray(schema.feedbackRequests.state, ["draft", "open"]));
    },
    close: () => database.close(),
  };
}

/** A small organisation: a manager with three reports in one team, a coach and an admin. */
export function smallOrg(name: string, emailDomain: string): OrganisationSeed {
  const email = (local: string) => `${local}@${emailDomain}`;
  return {
    name,
    people: [
      { key: "admin", name: `${name} Admin`, email: email("admin"), roles: ["admin"] },
      { key: "manager", name: `${name} Manager`, email: email("manager"), roles: ["manager"] },
      { key: "coach", name: `${name} Coach`, email: email("coach"), roles: ["coach"] },
      { key: "ann", name: "Ann Able", email: email("ann"), managerKey: "manager" },
      { key: "bob", name: "Bob Best", email: email("bob"), managerKey: "manager" },
      { key: "cat", name: "Cat Cole", email: email("cat"), managerKey: "manager" },
    ],
    teams: [{ name: "Core", memberKeys: ["manager", "ann", "bob", "cat"], coachKeys: ["coach"] }],
  };
}

/**
 * An organisation for the collect journeys: a manager with a subject and six peers, three direct
 * reports of the subject, a second manager, a stranger and an admin.
 */
export function collectOrg(name: string, emailDomain: string): OrganisationSeed {
  const email = (local: string) => `${local}@${emailDomain}`;
  const person = (key: string, managerKey?: string, roles?: OrganisationSeed["people"][number]["roles"]) => ({
    key,
    name: `${key[0]?.toUpperCase()}${key.slice(1)} ${name}`,
    email: email(key),
    ...(managerKey ? { managerKey } : {}),
    ...(roles ? { roles } : {}),
  });
  return {
    name,
    people: [
      person("admin", undefined, ["admin"]),
      person("boss", undefined, ["manager"]),
      person("manager", "boss", ["manager"]),
      person("other-manager", "boss", ["manager"]),
      person("subject", "manager", ["manager"]),
      ...["p1", "p2", "p3", "p4", "p5", "p6"].map((key) => person(key, "manager")),
      ...["d1", "d2", "d3"].map((key) => person(key, "subject")),
      person("stranger", "other-manager"),
      person("coach", "boss", ["coach"]),
    ],
    teams: [{ name: "Core", memberKeys: ["manager", "subject", "p1", "p2", "p3"], coachKeys: ["coach"] }],
  };
}

/** A service context without a caller (what a job runs with) on the harness's database, at `now`. */
export function systemContext(
  h: Pick<Harness, "database" | "sealingSecret">,
  options: { now: Date; sealingSecret?: string },
): ServiceContext {
  return {
    ...createContextFor(
      {
        ...h.database,
        appUrl: TEST_APP_URL,
        mailboxEnabled: true,
        sealingSecret: options.sealingSecret ?? h.sealingSecret,
      },
      null,
    ),
    now: () => options.now,
  };
}

/** The id of the person with `key` in a seeded organisation; a key that is not there fails the test. */
export function idOf(org: SeededOrganisation, key: string): string {
  const person = org.people[key];
  if (!person) throw new Error(`no person "${key}" in the seeded organisation ${org.orgId}`);
  return person.personId;
}
