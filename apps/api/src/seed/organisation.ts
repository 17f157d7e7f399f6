// Creates an organisation with its people, reporting lines, teams, coaches, roles and sign-ins,
// in one transaction. Used by the demo seed and by tests.
import { randomUUID } from "node:crypto";
import { type Database, schema } from "@fivefold/db";
import type { Role } from "@fivefold/domain";
import { hashPassword } from "better-auth/crypto";
import { eq } from "drizzle-orm";

export interface PersonSeed {
  key: string;
  name: string;
  email: string;
  managerKey?: string;
  roles?: Role[];
}

export interface TeamSeed {
  name: string;
  memberKeys: string[];
  coachKeys: string[];
}

export interface OrganisationSeed {
  name: string;
  anonymityThreshold?: number;
  people: PersonSeed[];
  teams?: TeamSeed[];
  /** When set, every person gets a sign-in with this password. */
  password?: string;
}

export interface SeededOrganisation {
  orgId: string;
  /** person key → { personId, userId } */
  people: Record<string, { personId: string; userId: string | null; email: string }>;
  teams: Record<string, string>;
}

export async function seedOrganisation(db: Database, seed: OrganisationSeed): Promise<SeededOrganisation> {
  // One hash for all: scrypt is deliberately slow and the demo password is shared anyway.
  const passwordHash = seed.password ? await hashPassword(seed.password) : null;
  return db.transaction(async (tx) => {
    const [org] = await tx
      .insert(schema.organisations)
      .values({ name: seed.name, anonymityThreshold: seed.anonymityThreshold ?? 3 })
      .returning({ id: schema.organisations.id });
    if (!org) throw new Error("organisation insert returned nothing");
    const result: SeededOrganisation = { orgId: org.id, people: {}, teams: {} };

    const ids = new Map(seed.people.map((p) => [p.key, randomUUID()]));
    const users = passwordHash
      ? seed.people.map((p) => ({ id: randomUUID(), name: p.name, email: p.email.toLowerCase() }))
      : [];
    if (users.length > 0) {
      await tx.insert(schema.user).values(users.map((u) => ({ ...u, emailVerified: true })));
      await tx.insert(schema.account).values(
        users.map((u) => ({
          id: randomUUID(),
          accountId: u.id,
          providerId: "credential",
          userId: u.id,
          password: passwordHash,
        })),
      );
    }
    // Insert everyone first, then the reporting lines, so the order of the seed does not matter.
    await tx.insert(schema.people).values(
      seed.people.map((p, i) => ({
        id: ids.get(p.key) ?? randomUUID(),
        orgId: org.id,
        userId: users[i]?.id ?? null,
        name: p.name,
        email: p.email.toLowerCase(),
      })),
    );
    for (const [i, p] of seed.people.entries()) {
      const personId = ids.get(p.key) as string;
      result.people[p.key] = { personId, userId: users[i]?.id ?? null, email: p.email.toLowerCase() };
    }
    for (const p of seed.people) {
      if (!p.managerKey) continue;
      const managerId = ids.get(p.managerKey);
      if (!managerId) throw new Error(`unknown manager key ${p.managerKey}`);
      await tx
        .update(schema.people)
        .set({ managerId })
        .where(eq(schema.people.id, ids.get(p.key) as string));
    }
    const roleRows = seed.people.flatMap((p) =>
      [...new Set<Role>(["member", ...(p.roles ?? [])])].map((role) => ({
        orgId: org.id,
        personId: ids.get(p.key) as string,
        role,
      })),
    );
    await tx.insert(schema.personRoles).values(roleRows);

    for (const team of seed.teams ?? []) {
      const [row] = await tx
        .insert(schema.teams)
        .values({ orgId: org.id, name: team.name })
        .returning({ id: schema.teams.id });
      if (!row) throw new Error("team insert returned nothing");
      result.teams[team.name] = row.id;
      const member = (key: string) => {
        const personId = ids.get(key);
        if (!personId) throw new Error(`unknown person key ${key} in team ${team.name}`);
        return { orgId: org.id, teamId: row.id, personId };
      };
      if (team.memberKeys.length > 0) await tx.insert(schema.teamMembers).values(team.memberKeys.map(member));
      if (team.coachKeys.length > 0) await tx.insert(schema.teamCoaches).values(team.coachKeys.map(member));
    }
    return result;
  });
}
