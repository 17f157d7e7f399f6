// SCIM Users: the organisation's people, read and written through the same admin verbs an admin
// uses (createPerson, updatePerson), so every rule of theirs holds (unique e-mail, no reporting
// loop, the manager active and of this organisation, sign-outs on deactivation). DELETE
// deactivates: nothing is erased here, erasure stays an admin's decision.
import { listScimPeople, setPersonExternalId } from "@fivefold/db";
import { z } from "zod";
import { createPerson } from "../admin/people";
import { updatePerson } from "../admin/update-person";
import { type MemberServiceContext, withTransaction } from "../context";
import { listResponse } from "./discovery";
import { ScimError } from "./errors";
import { applyPatch } from "./patch";
import { equalityOn, type ListQuery, page } from "./query";
import { patchBasis, readUser, type ScimUser, type UserFields, userResource } from "./user-resource";

interface Call {
  ctx: MemberServiceContext;
  /** Where this server's SCIM resources live, for `meta.location`. */
  base: string;
}

const uuid = z.uuid();

export async function listUsers({ ctx, base, query }: Call & { query: ListQuery }) {
  // `userName eq "…"` is how identity providers look a person up before creating them: one row.
  // Some (Entra ID) look up by `externalId eq "…"` instead.
  const userName = equalityOn(query.filter, "userName");
  const externalId = equalityOn(query.filter, "externalId");
  const rows = await listScimPeople(
    ctx.db,
    ctx.org.id,
    userName !== undefined ? { email: userName } : externalId !== undefined ? { externalId } : {},
  );
  const { items, total } = page(
    rows.map((r) => userResource(r, base)),
    query,
  );
  return listResponse(items, total, query.startIndex);
}

/** The User, or 404 whether it does not exist or belongs to another organisation. */
export async function getUser({ ctx, base, id }: Call & { id: string }): Promise<ScimUser> {
  const [row] = uuid.safeParse(id).success ? await listScimPeople(ctx.db, ctx.org.id, { personId: id }) : [];
  if (!row) throw new ScimError(404, `No User ${id} in this organisation`);
  return userResource(row, base);
}

export function createUser({ ctx, base, body }: Call & { body: unknown }): Promise<ScimUser> {
  const fields = readUser(body);
  return withTransaction(ctx, async (ctx) => {
    const person = await createPerson({
      ctx,
      input: { name: fields.name, email: fields.email, managerId: fields.managerId, roles: [], teamIds: [] },
    });
    if (!fields.active) await updatePerson({ ctx, input: { personId: person.id, active: false } });
    await keepExternalId(ctx, person.id, fields.externalId);
    return getUser({ ctx, base, id: person.id });
  });
}

async function keepExternalId(ctx: MemberServiceContext, personId: string, value: string | null | undefined) {
  if (value === undefined) return;
  await setPersonExternalId(ctx.db, { orgId: ctx.org.id, personId, externalId: value });
}

async function update(call: Call, id: string, fields: UserFields): Promise<ScimUser> {
  await updatePerson({
    ctx: call.ctx,
    input: {
      personId: id,
      name: fields.name,
      email: fields.email,
      managerId: fields.managerId,
      active: fields.active,
    },
  });
  await keepExternalId(call.ctx, id, fields.externalId);
  return getUser({ ...call, id });
}

export function replaceUser({
  ctx,
  base,
  id,
  body,
}: Call & { id: string; body: unknown }): Promise<ScimUser> {
  return withTransaction(ctx, async (ctx) => {
    // A replacement says everything: only `active`, which some clients leave out, is kept.
    const current = await getUser({ ctx, base, id });
    return update({ ctx, base }, id, readUser(body, { active: current.active }));
  });
}

export function patchUser({ ctx, base, id, body }: Call & { id: string; body: unknown }): Promise<ScimUser> {
  return withTransaction(ctx, async (ctx) => {
    const current = await getUser({ ctx, base, id });
    const patched = applyPatch(patchBasis(current), body);
    const fields = readUser(patched, { name: current.name.formatted, active: current.active });
    // A PATCH that removed externalId leaves it absent from the resource: removed, not kept.
    if (current.externalId !== undefined && fields.externalId === undefined) fields.externalId = null;
    return update({ ctx, base }, id, fields);
  });
}

/** DELETE: the person is deactivated (signed out, kept, and listed as inactive). */
export function deactivateUser({ ctx, base, id }: Call & { id: string }): Promise<void> {
  return withTransaction(ctx, async (ctx) => {
    await getUser({ ctx, base, id });
    await updatePerson({ ctx, input: { personId: id, active: false } });
  });
}
