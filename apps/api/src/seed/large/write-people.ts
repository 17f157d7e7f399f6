// Writes the large organisation's people as planned in `people.ts`: their sign-ins (user and a
// credential account sharing one password hash) and person rows, then roles, teams and coaches,
// then who offered to be an accountability partner.
import { type Database, schema } from "@fivefold/db";
import { getInstrument } from "@fivefold/domain";
import type { LargeOrganisationShape } from "./people";
import { createRandom } from "./random";
import { insertMany } from "./writer";

const PEOPLE_PER_BATCH = 2_000;

export async function writePeople(
  db: Database,
  orgId: string,
  seed: number,
  shape: LargeOrganisationShape,
  passwordHash: string,
  onBatch: (done: number) => void,
): Promise<void> {
  await writeSignInsAndPeople(db, orgId, shape, passwordHash, onBatch);
  await writeRolesAndTeams(db, orgId, shape);
  await writePartnerPreferences(db, orgId, seed, shape);
}

/** A transaction per batch of people: user, account and person rows. */
async function writeSignInsAndPeople(
  db: Database,
  orgId: string,
  shape: LargeOrganisationShape,
  passwordHash: string,
  onBatch: (done: number) => void,
): Promise<void> {
  // Everyone's manager comes before them in `shape.people`, so one pass sets the reporting lines.
  for (let start = 0; start < shape.people.length; start += PEOPLE_PER_BATCH) {
    const batch = shape.people.slice(start, start + PEOPLE_PER_BATCH);
    await db.transaction(async (tx) => {
      await insertMany(
        tx,
        schema.user,
        batch.map((p) => ({ id: p.userId, name: p.name, email: p.email, emailVerified: true })),
      );
      await insertMany(
        tx,
        schema.account,
        batch.map((p) => ({
          id: p.userId,
          accountId: p.userId,
          providerId: "credential",
          userId: p.userId,
          password: passwordHash,
        })),
      );
      await insertMany(
        tx,
        schema.people,
        batch.map((p) => ({
          id: p.id,
          orgId,
          userId: p.userId,
          name: p.name,
          email: p.email,
          managerId: p.managerIndex === null ? null : (shape.people[p.managerIndex]?.id ?? null),
        })),
      );
    });
    onBatch(start + batch.length);
  }
}

async function writeRolesAndTeams(db: Database, orgId: string, shape: LargeOrganisationShape): Promise<void> {
  const id = (index: number) => shape.people[index]?.id ?? "";
  await db.transaction(async (tx) => {
    await insertMany(
      tx,
      schema.personRoles,
      shape.people.flatMap((p) =>
        (["member", ...p.roles] as const).map((role) => ({ orgId, personId: p.id, role })),
      ),
    );
  });
  await db.transaction(async (tx) => {
    await insertMany(
      tx,
      schema.teams,
      shape.teams.map((t) => ({ id: t.id, orgId, name: t.name })),
    );
    await insertMany(
      tx,
      schema.teamMembers,
      shape.teams.flatMap((t) => t.members.map((m) => ({ orgId, teamId: t.id, personId: id(m) }))),
    );
    await insertMany(
      tx,
      schema.teamCoaches,
      shape.teams.flatMap((t) => t.coaches.map((c) => ({ orgId, teamId: t.id, personId: id(c) }))),
    );
  });
}

/** About one in eight offered to be an accountability partner, some for particular dimensions. */
async function writePartnerPreferences(
  db: Database,
  orgId: string,
  seed: number,
  shape: LargeOrganisationShape,
): Promise<void> {
  const random = createRandom(seed, "partner-preferences");
  const dimensions = getInstrument().dimensions.map((d) => d.key);
  await db.transaction(async (tx) => {
    await insertMany(
      tx,
      schema.partnerPreferences,
      shape.people
        .filter(() => random.chance(0.12))
        .map((p) => ({
          personId: p.id,
          orgId,
          optIn: true,
          dimensions: random.chance(0.5) ? [] : random.sample(dimensions, random.int(1, 2)),
        })),
    );
  });
}
