// What the admin verbs share: the organisation lock, loading a person of the caller's
// organisation (or the domain's NotFound), and refusing to change someone already erased.
import { findOrgPerson, lockOrganisationPeople, type PersonRow } from "@fivefold/db";
import { NotFoundError, PreconditionFailedError } from "@fivefold/domain";
import type { MemberServiceContext } from "../context";

export type { PersonRow };

/**
 * Serialises changes to the organisation's people and teams (imports, edits, erasure), so two
 * admins cannot, together, build a reporting loop neither of them could build alone.
 */
export function lockOrganisation(ctx: MemberServiceContext): Promise<void> {
  return lockOrganisationPeople(ctx.db, ctx.org.id);
}

/** The person of the caller's organisation, or NotFound (whether they exist elsewhere or not). */
export async function requireOrgPerson(ctx: MemberServiceContext, personId: string): Promise<PersonRow> {
  const row = await findOrgPerson(ctx.db, ctx.org.id, personId);
  if (!row) throw new NotFoundError("Person");
  return row;
}

export function assertNotErased(person: PersonRow): void {
  if (person.erasedAt)
    throw new PreconditionFailedError("This person's data was erased: nothing is left to change");
}
