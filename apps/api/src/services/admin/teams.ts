// Teams: any member may list them (names, members, coaches); admins create, rename, set members
// and coaches, and remove them. A team's coaches get the coach role, so they see its dashboards.
import {
  deleteTeam,
  findActivePeopleIds,
  findOrgTeam,
  findTeamNameClash,
  grantCoachRole,
  insertTeam,
  listTeamsWithPeople,
  renameTeam,
  replaceTeamLinks,
  type TeamLink,
} from "@fivefold/db";
import {
  ConflictError,
  InvalidInputError,
  NotFoundError,
  type TeamOutput,
  type upsertTeamInput,
} from "@fivefold/domain";
import type { z } from "zod";
import { auditAs } from "../audit/record";
import { type MemberServiceContext, withTransaction } from "../context";
import { lockOrganisation } from "./shared";

export async function listTeams({ ctx }: { ctx: MemberServiceContext }): Promise<TeamOutput[]> {
  const { teams, members, coaches } = await listTeamsWithPeople(ctx.db, ctx.org.id);
  const of = (rows: TeamLink[], teamId: string) =>
    rows.filter((r) => r.teamId === teamId).map((r) => ({ id: r.id, name: r.name }));
  return teams.map((t) => ({
    id: t.id,
    name: t.name,
    createdAt: t.createdAt.toISOString(),
    members: of(members, t.id),
    coaches: of(coaches, t.id),
  }));
}

async function checkPeople(ctx: MemberServiceContext, ids: string[], field: string) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return unique;
  const found = await findActivePeopleIds(ctx.db, ctx.org.id, unique);
  if (found.length !== unique.length) {
    throw new InvalidInputError("Everyone in a team must be an active person of your organisation", {
      [field]: "Pick active colleagues",
    });
  }
  return unique;
}

/** The team to change (renamed if asked), or a new one; `details` notes a rename. */
async function teamToChange(
  ctx: MemberServiceContext,
  input: z.output<typeof upsertTeamInput>,
  details: Record<string, unknown>,
): Promise<string> {
  if (!input.id) return insertTeam(ctx.db, ctx.org.id, input.name);
  const team = await findOrgTeam(ctx.db, ctx.org.id, input.id);
  if (!team) throw new NotFoundError("Team");
  if (team.name !== input.name) {
    await renameTeam(ctx.db, ctx.org.id, team.id, input.name);
    details.renamed = true;
  }
  return team.id;
}

async function setCoaches(
  ctx: MemberServiceContext,
  teamId: string,
  ids: string[],
  details: Record<string, unknown>,
) {
  const coaches = await checkPeople(ctx, ids, "coachIds");
  details.coaches = await replaceTeamLinks(ctx.db, "coaches", ctx.org.id, teamId, coaches);
  const granted = await grantCoachRole(ctx.db, ctx.org.id, coaches);
  if (granted.length > 0) details.coachRoleGranted = granted;
}

export function upsertTeam({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: z.output<typeof upsertTeamInput>;
}): Promise<TeamOutput> {
  return withTransaction(ctx, async (ctx) => {
    await lockOrganisation(ctx);
    // Names compare without regard to capitals, as the CSV import matches them.
    const clash = await findTeamNameClash(ctx.db, ctx.org.id, input.name, input.id);
    if (clash) throw new ConflictError(`There is already a team called ${clash.name}`);
    const details: Record<string, unknown> = {};
    const teamId = await teamToChange(ctx, input, details);
    if (input.memberIds) {
      const members = await checkPeople(ctx, input.memberIds, "memberIds");
      details.members = await replaceTeamLinks(ctx.db, "members", ctx.org.id, teamId, members);
    }
    if (input.coachIds) await setCoaches(ctx, teamId, input.coachIds, details);
    await auditAs(ctx, input.id ? "teams.update" : "teams.create", { type: "team", id: teamId }, details);
    const team = (await listTeams({ ctx })).find((t) => t.id === teamId);
    if (!team) throw new Error("team vanished inside its own transaction");
    return team;
  });
}

export function removeTeam({ ctx, input }: { ctx: MemberServiceContext; input: { teamId: string } }) {
  return withTransaction(ctx, async (ctx) => {
    const removed = await deleteTeam(ctx.db, ctx.org.id, input.teamId);
    if (!removed) throw new NotFoundError("Team");
    await auditAs(ctx, "teams.remove", { type: "team", id: removed });
    return { removed: true as const };
  });
}
