// people.update (admins): name, e-mail (the person then lets go of their sign-in), manager, whether they
// are active, and teams; each a step of its own. Audited as what changed, never the values.
import {
  endSessionsOf,
  listTeamIdsOfPerson,
  type PersonChanges,
  replaceTeamsOfPerson,
  unlinkPersonFromSignIn,
  updatePersonRow,
} from "@fivefold/db";
import {
  type DirectoryEntryOutput,
  ForbiddenError,
  InvalidInputError,
  type updatePersonInput,
} from "@fivefold/domain";
import type { z } from "zod";
import { auditAs } from "../audit/record";
import { type MemberServiceContext, withTransaction } from "../context";
import { assertEmailFree, checkManager, checkTeams, directoryEntry } from "./people";
import { assertNotErased, lockOrganisation, type PersonRow, requireOrgPerson } from "./shared";

type UpdateInput = z.output<typeof updatePersonInput>;

interface Pending {
  set: PersonChanges;
  changed: string[];
}

async function changeEmail(ctx: MemberServiceContext, person: PersonRow, email: string, pending: Pending) {
  await assertEmailFree(ctx, email, person.id);
  pending.set.email = email;
  pending.changed.push("email");
  if (!person.userId) return;
  // A sign-in belongs to the mailbox it was made for (and maybe to persons in other organisations):
  // it never moves to the new address. The person lets go of it and gets the new address's sign-in
  // on their next password link or sign-in, whatever exists at that address elsewhere; the answer
  // here is the same in every case.
  await unlinkPersonFromSignIn(ctx.db, ctx.org.id, person.id, person.userId);
}

async function changeManager(
  ctx: MemberServiceContext,
  person: PersonRow,
  managerId: string | null,
  pending: Pending,
) {
  if (managerId === person.id) {
    throw new InvalidInputError("A person cannot be their own manager", { managerId: "Pick someone else" });
  }
  await checkManager(ctx, person.id, managerId);
  pending.set.managerId = managerId;
  pending.changed.push("manager");
}

function changeActive(ctx: MemberServiceContext, person: PersonRow, active: boolean, pending: Pending) {
  if (!active && person.id === ctx.person.id) {
    throw new ForbiddenError("You cannot deactivate yourself: ask another admin");
  }
  pending.set.active = active;
}

async function changeTeams(
  ctx: MemberServiceContext,
  person: PersonRow,
  teamIds: string[],
  pending: Pending,
) {
  await checkTeams(ctx, teamIds);
  const current = await listTeamIdsOfPerson(ctx.db, ctx.org.id, person.id);
  const next = new Set(teamIds);
  if (current.length !== next.size || current.some((teamId) => !next.has(teamId))) {
    await replaceTeamsOfPerson(ctx.db, ctx.org.id, person.id, teamIds);
    pending.changed.push("teams");
  }
}

async function auditUpdate(ctx: MemberServiceContext, person: PersonRow, pending: Pending) {
  const target = { type: "person" as const, id: person.id };
  if (pending.changed.length > 0) await auditAs(ctx, "people.update", target, { changed: pending.changed });
  if (pending.set.active === false) {
    await endSessionsOf(ctx.db, ctx.org.id, [person.id]);
    await auditAs(ctx, "people.deactivate", target);
  } else if (pending.set.active === true) {
    await auditAs(ctx, "people.reactivate", target);
  }
}

export function updatePerson({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: UpdateInput;
}): Promise<DirectoryEntryOutput> {
  return withTransaction(ctx, async (ctx) => {
    await lockOrganisation(ctx);
    const person = await requireOrgPerson(ctx, input.personId);
    assertNotErased(person);
    const pending: Pending = { set: {}, changed: [] };
    if (input.name !== undefined && input.name !== person.name) {
      pending.set.name = input.name;
      pending.changed.push("name");
    }
    if (input.email !== undefined && input.email !== person.email)
      await changeEmail(ctx, person, input.email, pending);
    if (input.managerId !== undefined && input.managerId !== person.managerId) {
      await changeManager(ctx, person, input.managerId, pending);
    }
    if (input.active !== undefined && input.active !== person.active)
      changeActive(ctx, person, input.active, pending);
    if (Object.keys(pending.set).length > 0)
      await updatePersonRow(ctx.db, ctx.org.id, person.id, pending.set);
    if (input.teamIds !== undefined) await changeTeams(ctx, person, input.teamIds, pending);
    await auditUpdate(ctx, person, pending);
    return directoryEntry(ctx, person.id);
  });
}
