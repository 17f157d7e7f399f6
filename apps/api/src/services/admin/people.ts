// People by hand (admins): the directory with everyone, adding one person, and setting roles.
// Editing a person is in ./update-person. Every change is audited.
import { randomUUID } from "node:crypto";
import {
  findManagerCandidate,
  findOrgTeamIds,
  findPersonWithEmail,
  insertPerson,
  insertRolesOfPerson,
  listDirectory,
  listDirectoryPage,
  listManagerLines,
  listRolesOfPerson,
  replaceRolesOfPerson,
  replaceTeamsOfPerson,
} from "@fivefold/db";
import type { createPersonInput, setRolesInput } from "@fivefold/domain";
import {
  ConflictError,
  type DirectoryEntryOutput,
  ForbiddenError,
  InvalidInputError,
  loopIfManagerChanges,
  withMemberRole,
} from "@fivefold/domain";
import type { z } from "zod";
import { auditAs } from "../audit/record";
import { type MemberServiceContext, withTransaction } from "../context";
import { assertNotErased, lockOrganisation, requireOrgPerson } from "./shared";

export async function peopleDirectory({
  ctx,
}: {
  ctx: MemberServiceContext;
}): Promise<DirectoryEntryOutput[]> {
  const people = await listDirectory(ctx.db, ctx.org.id);
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

/** One person's directory entry (what create and update answer with), without reading everyone. */
export async function directoryEntry(ctx: MemberServiceContext, personId: string) {
  const [found] = await listDirectoryPage(ctx.db, ctx.org.id, { status: "all", personId, limit: 1 });
  if (!found) throw new Error("person vanished inside its own transaction");
  const { managerName: _managerName, ...entry } = found;
  return { ...entry, createdAt: entry.createdAt.toISOString() };
}

export async function assertEmailFree(ctx: MemberServiceContext, email: string, personId: string | null) {
  if (await findPersonWithEmail(ctx.db, ctx.org.id, email, personId)) {
    throw new ConflictError(`Someone in your organisation already has the e-mail address ${email}`);
  }
}

/** The manager must be an active person of the organisation, and the change must not close a loop. */
export async function checkManager(ctx: MemberServiceContext, personId: string, managerId: string | null) {
  if (managerId === null) return;
  const manager = await findManagerCandidate(ctx.db, ctx.org.id, managerId);
  if (!manager?.active) {
    throw new InvalidInputError("The manager must be an active person of your organisation", {
      managerId: "Pick an active colleague",
    });
  }
  const lines = await listManagerLines(ctx.db, ctx.org.id);
  const loop = loopIfManagerChanges(new Map(lines.map((l) => [l.id, l.managerId])), personId, managerId);
  if (loop) {
    const names = new Map(lines.map((l) => [l.id, l.name]));
    const path = loop.map((id) => names.get(id) ?? id).join(" → ");
    throw new InvalidInputError(`That would make a reporting loop: ${path}`, {
      managerId: "Pick someone who does not report to this person",
    });
  }
}

export async function checkTeams(ctx: MemberServiceContext, teamIds: string[]) {
  if (teamIds.length === 0) return;
  const found = await findOrgTeamIds(ctx.db, ctx.org.id, teamIds);
  if (found.length !== new Set(teamIds).size) {
    throw new InvalidInputError("A team is not one of your organisation's", {
      teamIds: "Pick existing teams",
    });
  }
}

export function createPerson({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: z.output<typeof createPersonInput>;
}): Promise<DirectoryEntryOutput> {
  return withTransaction(ctx, async (ctx) => {
    await lockOrganisation(ctx);
    await assertEmailFree(ctx, input.email, null);
    const id = randomUUID();
    await checkManager(ctx, id, input.managerId);
    await checkTeams(ctx, input.teamIds);
    const orgId = ctx.org.id;
    await insertPerson(ctx.db, {
      id,
      orgId,
      name: input.name,
      email: input.email,
      managerId: input.managerId,
    });
    await insertRolesOfPerson(ctx.db, orgId, id, withMemberRole(input.roles));
    await replaceTeamsOfPerson(ctx.db, orgId, id, input.teamIds);
    await auditAs(ctx, "people.create", { type: "person", id }, { roles: withMemberRole(input.roles) });
    return directoryEntry(ctx, id);
  });
}

export function setRoles({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: z.output<typeof setRolesInput>;
}) {
  return withTransaction(ctx, async (ctx) => {
    await lockOrganisation(ctx);
    const person = await requireOrgPerson(ctx, input.personId);
    assertNotErased(person);
    const roles = withMemberRole(input.roles);
    if (person.id === ctx.person.id && !roles.includes("admin")) {
      throw new ForbiddenError("You cannot remove your own admin role: ask another admin");
    }
    const from = withMemberRole(await listRolesOfPerson(ctx.db, ctx.org.id, person.id));
    if (from.join() !== roles.join()) {
      await replaceRolesOfPerson(ctx.db, ctx.org.id, person.id, roles);
      await auditAs(ctx, "people.roles", { type: "person", id: person.id }, { from, to: roles });
    }
    return { roles };
  });
}
