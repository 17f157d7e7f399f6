// SCIM Groups: the organisation's teams, through the admin's team verbs (upsertTeam, removeTeam),
// so names stay unique without regard to capitals and every member must be an active person of
// this organisation. Coaches are not a SCIM notion: SCIM never changes them. DELETE removes the
// team, as an admin's removal does (its members and people stay).
import { teamNameSchema } from "@fivefold/domain";
import { z } from "zod";
import { listTeams, removeTeam, upsertTeam } from "../admin/teams";
import { type MemberServiceContext, withTransaction } from "../context";
import { listResponse, SCHEMA } from "./discovery";
import { ScimError } from "./errors";
import { applyPatch } from "./patch";
import type { ListQuery } from "./query";
import { page } from "./query";

interface Call {
  ctx: MemberServiceContext;
  base: string;
}

export interface ScimGroup {
  schemas: string[];
  id: string;
  displayName: string;
  members?: Array<{ value: string; display: string; $ref: string }>;
  meta: { resourceType: "Group"; created: string; lastModified: string; location: string };
}

type Team = Awaited<ReturnType<typeof listTeams>>[number];

function groupResource(team: Team, base: string): ScimGroup {
  return {
    schemas: [SCHEMA.group],
    id: team.id,
    displayName: team.name,
    members: team.members.map((m) => ({ value: m.id, display: m.name, $ref: `${base}/Users/${m.id}` })),
    meta: {
      resourceType: "Group",
      created: team.createdAt,
      lastModified: team.createdAt,
      location: `${base}/Groups/${team.id}`,
    },
  };
}

const uuid = z.uuid();

/** `excludedAttributes=members`: Entra ID asks so when it only wants to find a group. */
export async function listGroups({
  ctx,
  base,
  query,
  withoutMembers,
}: Call & { query: ListQuery; withoutMembers: boolean }) {
  const groups = (await listTeams({ ctx })).map((t) => groupResource(t, base));
  const { items, total } = page(groups, query);
  const shown = withoutMembers ? items.map(({ members: _, ...g }) => g) : items;
  return listResponse(shown, total, query.startIndex);
}

export async function getGroup({ ctx, base, id }: Call & { id: string }): Promise<ScimGroup> {
  const team = uuid.safeParse(id).success ? (await listTeams({ ctx })).find((t) => t.id === id) : undefined;
  if (!team) throw new ScimError(404, `No Group ${id} in this organisation`);
  return groupResource(team, base);
}

interface GroupFields {
  name: string;
  memberIds: string[];
}

function readGroup(body: unknown): GroupFields {
  if (body === null || typeof body !== "object" || Array.isArray(body)) {
    throw new ScimError(400, "The body must be a SCIM Group object", "invalidSyntax");
  }
  const group = body as Record<string, unknown>;
  if (
    group.schemas !== undefined &&
    !(Array.isArray(group.schemas) && group.schemas.includes(SCHEMA.group))
  ) {
    throw new ScimError(400, `schemas must include ${SCHEMA.group}`, "invalidSyntax");
  }
  const name = teamNameSchema.safeParse(typeof group.displayName === "string" ? group.displayName : "");
  if (!name.success) {
    throw new ScimError(
      400,
      `displayName: ${name.error.issues[0]?.message ?? "not a team name"}`,
      "invalidValue",
    );
  }
  const members = group.members ?? [];
  if (!Array.isArray(members) || members.length > 2_000) {
    throw new ScimError(400, "members must be a list of at most 2,000 Users", "invalidValue");
  }
  const memberIds = members.map((m) => {
    const value = (m as { value?: unknown } | null)?.value;
    if (typeof value !== "string" || !uuid.safeParse(value).success) {
      throw new ScimError(400, "Each member's value must be the id of a User", "invalidValue");
    }
    return value;
  });
  return { name: name.data, memberIds: [...new Set(memberIds)] };
}

export async function createGroup({ ctx, base, body }: Call & { body: unknown }): Promise<ScimGroup> {
  const fields = readGroup(body);
  const team = await upsertTeam({ ctx, input: { name: fields.name, memberIds: fields.memberIds } });
  return groupResource(team, base);
}

async function replaceWith(call: Call, id: string, fields: GroupFields): Promise<ScimGroup> {
  const team = await upsertTeam({
    ctx: call.ctx,
    input: { id, name: fields.name, memberIds: fields.memberIds },
  });
  return groupResource(team, call.base);
}

export function replaceGroup({
  ctx,
  base,
  id,
  body,
}: Call & { id: string; body: unknown }): Promise<ScimGroup> {
  return withTransaction(ctx, async (ctx) => {
    await getGroup({ ctx, base, id });
    return replaceWith({ ctx, base }, id, readGroup(body));
  });
}

export function patchGroup({
  ctx,
  base,
  id,
  body,
}: Call & { id: string; body: unknown }): Promise<ScimGroup> {
  return withTransaction(ctx, async (ctx) => {
    const current = await getGroup({ ctx, base, id });
    return replaceWith({ ctx, base }, id, readGroup(applyPatch(current, body)));
  });
}

export function deleteGroup({ ctx, base, id }: Call & { id: string }): Promise<void> {
  return withTransaction(ctx, async (ctx) => {
    await getGroup({ ctx, base, id });
    await removeTeam({ ctx, input: { teamId: id } });
  });
}
