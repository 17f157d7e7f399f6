// Support circles: who was asked to support a plan, as partner or lead, and how they answered.
// Locking callers lock the plan first and the partnership after (see the grow services).
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import type { Executor } from "../../client";
import { coachingPlans, partnerships, people } from "../../schema";
import type { CoachingPlanRow } from "./plans";

export type PartnershipRow = typeof partnerships.$inferSelect;
type PersonRow = typeof people.$inferSelect;

export interface PartnershipWithPerson {
  id: string;
  planId: string;
  personId: string;
  name: string;
  email: string;
  /** Whether the person is still active (deactivated people get no more mail). */
  active: boolean;
  role: "partner" | "lead";
  state: "invited" | "accepted" | "declined";
  invitedAt: Date;
  respondedAt: Date | null;
}

/** The circles of the given plans, in invitation order. */
export async function listPlanPartnerships(
  db: Executor,
  orgId: string,
  planIds: readonly string[],
): Promise<PartnershipWithPerson[]> {
  if (planIds.length === 0) return [];
  return db
    .select({
      id: partnerships.id,
      planId: partnerships.planId,
      personId: partnerships.personId,
      name: people.name,
      email: people.email,
      active: people.active,
      role: partnerships.role,
      state: partnerships.state,
      invitedAt: partnerships.invitedAt,
      respondedAt: partnerships.respondedAt,
    })
    .from(partnerships)
    .innerJoin(people, eq(people.id, partnerships.personId))
    .where(and(eq(partnerships.orgId, orgId), inArray(partnerships.planId, [...planIds])))
    .orderBy(asc(partnerships.invitedAt), asc(partnerships.id));
}

/** The person's own place in a plan's circle, whatever its state, or null. */
export async function findOwnPartnership(
  db: Executor,
  orgId: string,
  planId: string,
  personId: string,
): Promise<Pick<PartnershipRow, "id" | "role" | "state"> | null> {
  const [row] = await db
    .select({ id: partnerships.id, role: partnerships.role, state: partnerships.state })
    .from(partnerships)
    .where(
      and(
        eq(partnerships.orgId, orgId),
        eq(partnerships.planId, planId),
        eq(partnerships.personId, personId),
      ),
    );
  return row ?? null;
}

/** A person of the organisation, to invite into a circle, or null. */
export async function findPersonToInvite(
  db: Executor,
  orgId: string,
  personId: string,
): Promise<PersonRow | null> {
  const [row] = await db
    .select()
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.id, personId)));
  return row ?? null;
}

/** An invitation addressed to `personId`, locked, with its plan and the owner's address, or null. */
export async function findInvitationToAnswer(
  db: Executor,
  orgId: string,
  partnershipId: string,
  personId: string,
): Promise<{ partnership: PartnershipRow; plan: CoachingPlanRow; ownerEmail: string } | null> {
  const [row] = await db
    .select({ partnership: partnerships, plan: coachingPlans, ownerEmail: people.email })
    .from(partnerships)
    .innerJoin(coachingPlans, eq(coachingPlans.id, partnerships.planId))
    .innerJoin(people, eq(people.id, coachingPlans.subjectId))
    .where(
      and(
        eq(partnerships.orgId, orgId),
        eq(partnerships.id, partnershipId),
        eq(partnerships.personId, personId),
      ),
    )
    .for("update", { of: partnerships });
  return row ?? null;
}

/** A partnership with its member, locked when asked, or null. */
export async function findPartnershipWithMember(
  db: Executor,
  orgId: string,
  partnershipId: string,
  lock?: "update",
): Promise<{ partnership: PartnershipRow; member: PersonRow } | null> {
  const query = db
    .select({ partnership: partnerships, member: people })
    .from(partnerships)
    .innerJoin(people, eq(people.id, partnerships.personId))
    .where(and(eq(partnerships.orgId, orgId), eq(partnerships.id, partnershipId)));
  const [row] = await (lock === "update" ? query.for("update", { of: partnerships }) : query);
  return row ?? null;
}

export async function insertPartnership(
  db: Executor,
  partnership: Pick<typeof partnerships.$inferInsert, "orgId" | "planId" | "personId" | "role" | "invitedAt">,
): Promise<string> {
  const [row] = await db.insert(partnerships).values(partnership).returning({ id: partnerships.id });
  if (!row) throw new Error("partnership insert returned nothing");
  return row.id;
}

/** Asking again after a "no": the same row starts over as a fresh invitation. */
export async function reopenPartnership(
  db: Executor,
  orgId: string,
  partnershipId: string,
  invitation: { role: PartnershipRow["role"]; invitedAt: Date },
): Promise<void> {
  await db
    .update(partnerships)
    .set({ role: invitation.role, state: "invited", invitedAt: invitation.invitedAt, respondedAt: null })
    .where(and(eq(partnerships.orgId, orgId), eq(partnerships.id, partnershipId)));
}

export async function answerPartnership(
  db: Executor,
  orgId: string,
  partnershipId: string,
  answer: { state: "accepted" | "declined"; respondedAt: Date },
): Promise<void> {
  await db
    .update(partnerships)
    .set(answer)
    .where(and(eq(partnerships.orgId, orgId), eq(partnerships.id, partnershipId)));
}

export async function deletePartnership(db: Executor, orgId: string, partnershipId: string): Promise<void> {
  await db.delete(partnerships).where(and(eq(partnerships.orgId, orgId), eq(partnerships.id, partnershipId)));
}

/** The circles `personId` is in or invited to (not those they declined), newest invitation first. */
export async function listSupportedPartnerships(
  db: Executor,
  orgId: string,
  personId: string,
): Promise<Array<{ partnership: PartnershipRow; plan: CoachingPlanRow; subjectName: string }>> {
  return db
    .select({ partnership: partnerships, plan: coachingPlans, subjectName: people.name })
    .from(partnerships)
    .innerJoin(coachingPlans, eq(coachingPlans.id, partnerships.planId))
    .innerJoin(people, eq(people.id, coachingPlans.subjectId))
    .where(
      and(
        eq(partnerships.orgId, orgId),
        eq(partnerships.personId, personId),
        ne(partnerships.state, "declined"),
      ),
    )
    .orderBy(desc(partnerships.invitedAt), desc(partnerships.id));
}
