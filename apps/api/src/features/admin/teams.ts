// Teams: any member may list them (names, members, coaches); admins create, rename, set members
// and coaches, and remove them. A team's coaches get the coach role, so they see its dashboards.
import { type Executor, schema } from "@fivefold/db";
import { ConflictError, InvalidInputError, NotFoundError } from "@fivefold/domain";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import type { z } from "zod";
import type { MemberContext } from "../../trpc/context";
import { audit } from "../audit/record";
import type { upsertTeamInput } from "./inputs";
import { lockOrganisation } from "./shared";

export async function listTeams(ctx: MemberContext, db: Executor = ctx.db) {
  const teams = await db
    .select({ id: schema.teams.id, name: schema.teams.name, createdAt: schema.teams.createdAt })
    .from(schema.teams)
    .where(eq(schema.teams.orgId, ctx.org.id))
    .orderBy(asc(schema.teams.name), asc(schema.teams.id));
  const people = { id: schema.people.id, name: schema.people.name };
  const members = await db
    .select({ teamId: schema.teamMembers.teamId, ...people })
    .from(schema.teamMembers)
    .innerJoin(schema.people, eq(schema.people.id, schema.teamMembers.personId))
    .where(and(eq(schema.teamMembers.orgId, ctx.org.id), eq(schema.people.active, true)))
    .orderBy(asc(schema.people.name));
  const coaches = await db
    .select({ teamId: schema.teamCoaches.teamId, ...people })
    .from(schema.teamCoaches)
    .innerJoin(schema.people, eq(schema.people.id, schema.teamCoaches.personId))
    .where(and(eq(schema.teamCoaches.orgId, ctx.org.id), eq(schema.people.active, true)))
    .orderBy(asc(schema.people.name));
  const of = (rows: typeof members, teamId: string) =>
    rows.filter((r) => r.teamId === teamId).map((r) => ({ id: r.id, name: r.name }));
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    createdAt: t.createdAt.toISOString(),
    members: of(members, t.id),
    coaches: of(coaches, t.id),
  }));
}

async function checkPeople(tx: Executor, orgId: string, ids: string[], field: string) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const found = await tx
    .select({ id: schema.people.id })
    .from(schema.people)
    .where(
      and(eq(schema.people.orgId, orgId), inArray(schema.people.id, unique), eq(schema.people.active, true)),
    );
  if (found.length !== unique.length) {
    throw new InvalidInputError("Everyone in a team must be an active person of your organisation", {
      [field]: "Pick active colleagues",
    });
  }
  return unique;
}

async function replaceLinks(
  tx: Executor,
  table: typeof schema.teamMembers | typeof schema.teamCoaches,
  orgId: string,
  teamId: string,
  personIds: string[],
): Promise<{ added: number; removed: number }> {
  const current = (
    await tx
      .select({ personId: table.personId })
      .from(table)
      .where(and(eq(table.orgId, orgId), eq(table.teamId, teamId)))
  ).map((r) => r.personId);
  const next = new Set(personIds);
  const removed = current.filter((id) => !next.has(id));
  const added = personIds.filter((id) => !current.includes(id));
  if (removed.length > 0) {
    await tx
      .delete(table)
      .where(and(eq(table.orgId, orgId), eq(table.teamId, teamId), inArray(table.personId, removed)));
  }
  if (added.length > 0) await tx.insert(table).values(added.map((personId) => ({ orgId, teamId, personId })));
  return { added: added.length, removed: removed.length };
}

export async function upsertTeam(ctx: MemberContext, input: z.output<typeof upsertTeamInput>) {
  return ctx.db.transaction(async (tx) => {
    await lockOrganisation(tx, ctx.org.id);
    // Names compare without regard to capitals, as the CSV import matches them.
    const [clash] = await tx
      .select({ id: schema.teams.id, name: schema.teams.name })
      .from(schema.teams)
      .where(
        and(
          eq(schema.teams.orgId, ctx.org.id),
          sql`lower(${schema.teams.name}) = lower(${input.name})`,
          input.id ? ne(schema.teams.id, input.id) : undefined,
        ),
      );
    if (clash) throw new ConflictError(`There is already a team called ${clash.name}`);

    let teamId: string;
    const details: Record<string, unknown> = {};
    if (input.id) {
      const [team] = await tx
        .select()
        .from(schema.teams)
        .where(and(eq(schema.teams.id, input.id), eq(schema.teams.orgId, ctx.org.id)));
      if (!team) throw new NotFoundError("Team");
      teamId = team.id;
      if (team.name !== input.name) {
        await tx.update(schema.teams).set({ name: input.name }).where(eq(schema.teams.id, team.id));
        details.renamed = true;
      }
    } else {
      const [team] = await tx
        .insert(schema.teams)
        .values({ orgId: ctx.org.id, name: input.name })
        .returning({ id: schema.teams.id });
      if (!team) throw new Error("team insert returned nothing");
      teamId = team.id;
    }
    if (input.memberIds) {
      const members = await checkPeople(tx, ctx.org.id, input.memberIds, "memberIds");
      details.members = await replaceLinks(tx, schema.teamMembers, ctx.org.id, teamId, members);
    }
    if (input.coachIds) {
      const coaches = await checkPeople(tx, ctx.org.id, input.coachIds, "coachIds");
      details.coaches = await replaceLinks(tx, schema.teamCoaches, ctx.org.id, teamId, coaches);
      if (coaches.length > 0) {
        const granted = await tx
          .insert(schema.personRoles)
          .values(coaches.map((personId) => ({ orgId: ctx.org.id, personId, role: "coach" as const })))
          .onConflictDoNothing()
          .returning({ personId: schema.personRoles.personId });
        if (granted.length > 0) details.coachRoleGranted = granted.map((g) => g.personId);
      }
    }
    await audit(tx, ctx, input.id ? "teams.update" : "teams.create", { type: "team", id: teamId }, details);
    const team = (await listTeams(ctx, tx)).find((t) => t.id === teamId);
    if (!team) throw new Error("team vanished inside its own transaction");
    return team;
  });
}

export async function removeTeam(ctx: MemberContext, teamId: string) {
  return ctx.db.transaction(async (tx) => {
    const [team] = await tx
      .delete(schema.teams)
      .where(and(eq(schema.teams.id, teamId), eq(schema.teams.orgId, ctx.org.id)))
      .returning({ id: schema.teams.id });
    if (!team) throw new NotFoundError("Team");
    await audit(tx, ctx, "teams.remove", { type: "team", id: team.id });
    return { removed: true as const };
  });
}
