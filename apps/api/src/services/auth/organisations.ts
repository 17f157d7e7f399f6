// A sign-in that holds persons in several organisations answers for one at a time: the list of
// them for the switcher, and the switch, remembered for this session only (session_organisations).
import { chooseOrganisationForSession, findMembershipByUserId, listOrganisationsOfUser } from "@fivefold/db";
import { type MeOrganisationsOutput, NotFoundError, PreconditionFailedError } from "@fivefold/domain";
import { type MemberServiceContext, nowOf } from "../context";
import { describeMe } from "./language";

/** A member verb that also knows the sign-in and session behind the call. */
export interface SignedInServiceContext extends MemberServiceContext {
  userId: string;
  sessionId: string | null;
}

export async function listMyOrganisations({
  ctx,
}: {
  ctx: SignedInServiceContext;
}): Promise<MeOrganisationsOutput> {
  const rows = await listOrganisationsOfUser(ctx.db, ctx.userId, ctx.sessionId);
  return rows
    .map((r) => ({ id: r.orgId, name: r.name, current: r.orgId === ctx.org.id }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

/**
 * Answers for `orgId` from the next call on. An organisation this sign-in holds no active person
 * in is refused exactly like one that does not exist.
 */
export async function switchOrganisation({
  ctx,
  input,
}: {
  ctx: SignedInServiceContext;
  input: { orgId: string };
}) {
  const mine = await listOrganisationsOfUser(ctx.db, ctx.userId, ctx.sessionId);
  if (!mine.some((r) => r.orgId === input.orgId)) throw new NotFoundError("Organisation");
  if (!ctx.sessionId) {
    throw new PreconditionFailedError("Only a signed-in browser session can switch organisation");
  }
  if (!(await chooseOrganisationForSession(ctx.db, ctx.sessionId, input.orgId, nowOf(ctx)))) {
    throw new PreconditionFailedError("This session has ended: sign in again");
  }
  const now = await findMembershipByUserId(ctx.db, ctx.userId, ctx.sessionId);
  if (now?.org.id !== input.orgId) throw new NotFoundError("Organisation");
  return describeMe(now);
}
