// People by hand (admins): the directory with everyone, adding one person, editing name, e-mail,
// manager, teams and whether they are active, and setting roles. Every change is audited.
import { randomUUID } from "node:crypto";
import { type Executor, listDirectory, schema } from "@fivefold/db";
import {
  ConflictError,
  ForbiddenError,
  InvalidInputError,
  loopIfManagerChanges,
  type Role,
  withMemberRole,
} from "@fivefold/domain";
import { and, eq, inArray, ne } from "drizzle-orm";
import type { z } from "zod";
import type { MemberContext } from "../../trpc/context";
import { audit } from "../audit/record";
import type { createPersonInput, setRolesInput, updatePersonInput } from "./inputs";
import { assertNotErased, endSessions, loadOrgPerson, lockOrganisation } from "./shared";

export async function peopleDirectory(ctx: MemberContext, db: Executor = ctx.db) {
  const people = await listDirectory(db, ctx.org.id);
  return people.map((p) => ({
    id: p.id,
    name: p.name,
    email: p.email,
    managerId: p.managerId,
    active: p.active,
    hasSignIn: p.hasSignIn,
    roles: p.roles,
    teams: p.teams,
    createdAt: p.createdAt.toISOString(),
  }));
}

async function directoryEntry(ctx: MemberContext, db: Executor, personId: string) {
  const entry = (await peopleDirectory(ctx, db)).find((p) => p.id === personId);
  if (!entry) throw new Error("person vanished inside its own transaction");
  return entry;
}

async function assertEmailFree(tx: Executor, orgId: string, email: string, personId: string | null) {
  const [taken] = await tx
    .select({ id: schema.people.id })
    .from(schema.people)
    .where(
      and(
        eq(schema.people.orgId, orgId),
        eq(schema.people.email, email),
        personId ? ne(schema.people.id, personId) : undefined,
      ),
    );
  if (taken) throw new ConflictError(`Someone in your organisation already has the e-mail address ${email}`);
}

/** The manager must be an active person of the organisation, and the change must not close a loop. */
async function checkManager(tx: Executor, orgId: string, personId: string, managerId: string | null) {
  if (managerId === null) return;
  const [manager] = await tx
    .select({ id: schema.people.id, active: schema.people.active })
    .from(schema.people)
    .where(and(eq(schema.people.id, managerId), eq(schema.people.orgId, orgId)));
  if (!manager?.active) {
    throw new InvalidInputError("The manager must be an active person of your organisation", {
      managerId: "Pick an active colleague",
    });
  }
  const lines = await tx
    .select({ id: schema.people.id, managerId: schema.people.managerId, name: schema.people.name })
    .from(schema.people)
    .where(eq(schema.people.orgId, orgId));
  const loop = loopIfManagerChanges(new Map(lines.map((l) => [l.id, l.managerId])), personId, managerId);
  if (loop) {
    const names = new Map(lines.map((l) => [l.id, l.name]));
    const path = loop.map((id) => names.get(id) ?? "this person").join(" → ");
    throw new InvalidInputError(`That would make a reporting loop: ${path}`, {
      managerId: "Pick someone who does not report to this person",
    });
  }
}

async function checkTeams(tx: Executor, orgId: string, teamIds: string[]) {
  if (teamIds.length === 0) return;
  const found = await tx
    .select({ id: schema.teams.id })
    .from(schema.teams)
    .where(and(eq(schema.teams.orgId, orgId), inArray(schema.teams.id, teamIds)));
  if (found.length !== new Set(teamIds).size) {
    throw new InvalidInputError("A team is not one of your organisation's", {
      teamIds: "Pick existing teams",
    });
  }
}

async function replaceTeams(tx: Executor, orgId: string, personId: string, teamIds: string[]) {
  await tx
    .delete(schema.teamMembers)
    .where(and(eq(schema.teamMembers.orgId, orgId), eq(schema.teamMembers.personId, personId)));
  const unique = [...new Set(teamIds)];
  if (unique.length > 0) {
    await tx.insert(schema.teamMembers).values(unique.map((teamId) => ({ orgId, teamId, personId })));
  }
}

export async function createPerson(ctx: MemberContext, input: z.output<typeof createPersonInput>) {
  return ctx.db.transaction(async (tx) => {
    await lockOrganisation(tx, ctx.org.id);
    await assertEmailFree(tx, ctx.org.id, input.email, null);
    const id = randomUUID();
    await checkManager(tx, ctx.org.id, id, input.managerId);
    await checkTeams(tx, ctx.org.id, input.teamIds);
    await tx
      .insert(schema.people)
      .values({ id, orgId: ctx.org.id, name: input.name, email: input.email, managerId: input.managerId });
    await tx
      .insert(schema.personRoles)
      .values(withMemberRole(input.roles).map((role) => ({ orgId: ctx.org.id, personId: id, role })));
    await replaceTeams(tx, ctx.org.id, id, input.teamIds);
    await audit(tx, ctx, "people.create", { type: "person", id }, { roles: withMemberRole(input.roles) });
    return directoryEntry(ctx, tx, id);
  });
}

export async function updatePerson(ctx: MemberContext, input: z.output<typeof updatePersonInput>) {
  return ctx.db.transaction(async (tx) => {
    await lockOrganisation(tx, ctx.org.id);
    const person = await loadOrgPerson(tx, ctx.org.id, input.personId);
    assertNotErased(person);
    const changed: string[] = [];
    const set: Partial<typeof schema.people.$inferInsert> = {};

    if (input.name !== undefined && input.name !== person.name) {
      set.name = input.name;
      changed.push("name");
    }
    if (input.email !== undefined && input.email !== person.email) {
      await assertEmailFree(tx, ctx.org.id, input.email, person.id);
      set.email = input.email;
      changed.push("email");
      if (person.userId) {
        // The sign-in follows the person's address; Better Auth keeps addresses unique across organisations.
        const [other] = await tx
          .select({ id: schema.user.id })
          .from(schema.user)
          .where(and(eq(schema.user.email, input.email), ne(schema.user.id, person.userId)));
        if (other) throw new ConflictError(`The e-mail address ${input.email} is used by another sign-in`);
        await tx
          .update(schema.user)
          .set({ email: input.email, updatedAt: new Date() })
          .where(eq(schema.user.id, person.userId));
      }
    }
    if (input.managerId !== undefined && input.managerId !== person.managerId) {
      if (input.managerId === person.id) {
        throw new InvalidInputError("A person cannot be their own manager", {
          managerId: "Pick someone else",
        });
      }
      await checkManager(tx, ctx.org.id, person.id, input.managerId);
      set.managerId = input.managerId;
      changed.push("manager");
    }
    if (input.active !== undefined && input.active !== person.active) {
      if (!input.active && person.id === ctx.person.id) {
        throw new ForbiddenError("You cannot deactivate yourself: ask another admin");
      }
      set.active = input.active;
    }
    if (Object.keys(set).length > 0) {
      await tx.update(schema.people).set(set).where(eq(schema.people.id, person.id));
    }
    if (input.teamIds !== undefined) {
      await checkTeams(tx, ctx.org.id, input.teamIds);
      const current = await tx
        .select({ teamId: schema.teamMembers.teamId })
        .from(schema.teamMembers)
        .where(and(eq(schema.teamMembers.orgId, ctx.org.id), eq(schema.teamMembers.personId, person.id)));
      const next = new Set(input.teamIds);
      if (current.length !== next.size || current.some((c) => !next.has(c.teamId))) {
        await replaceTeams(tx, ctx.org.id, person.id, input.teamIds);
        changed.push("teams");
      }
    }
    const target = { type: "person" as const, id: person.id };
    if (changed.length > 0) await audit(tx, ctx, "people.update", target, { changed });
    if (set.active === false) {
      await endSessions(tx, ctx.org.id, [person.id]);
      await audit(tx, ctx, "people.deactivate", target);
    } else if (set.active === true) {
      await audit(tx, ctx, "people.reactivate", target);
    }
    return directoryEntry(ctx, tx, person.id);
  });
}

export async function setRoles(ctx: MemberContext, input: z.output<typeof setRolesInput>) {
  return ctx.db.transaction(async (tx) => {
    await lockOrganisation(tx, ctx.org.id);
    const person = await loadOrgPerson(tx, ctx.org.id, input.personId);
    assertNotErased(person);
    const roles = withMemberRole(input.roles);
    if (person.id === ctx.person.id && !roles.includes("admin")) {
      throw new ForbiddenError("You cannot remove your own admin role: ask another admin");
    }
    const current = await tx
      .select({ role: schema.personRoles.role })
      .from(schema.personRoles)
      .where(and(eq(schema.personRoles.orgId, ctx.org.id), eq(schema.personRoles.personId, person.id)));
    const from = withMemberRole(current.map((r) => r.role));
    if (from.join() !== roles.join()) {
      await tx
        .delete(schema.personRoles)
        .where(and(eq(schema.personRoles.orgId, ctx.org.id), eq(schema.personRoles.personId, person.id)));
      await tx
        .insert(schema.personRoles)
        .values(roles.map((role: Role) => ({ orgId: ctx.org.id, personId: person.id, role })));
      await audit(tx, ctx, "people.roles", { type: "person", id: person.id }, { from, to: roles });
    }
    return { roles };
  });
}
