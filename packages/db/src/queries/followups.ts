// The thank-you after release (issue 19): who was invited to a request (every invitation, whatever
// its state, with the address it reaches), the once-only claim, and the focus of the plan grown from it.
import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { coachingPlans, invitations, people, raterThanks } from "../schema";

/**
 * Every invitation of the request with the address it reaches now. No state, no token, no id: the
 * thank-you must not depend on who answered, so it is not even given that.
 */
export async function listThankYouInvitations(db: Executor, orgId: string, requestId: string) {
  return db
    .select({
      group: invitations.group,
      personId: invitations.personId,
      email: sql<string | null>`coalesce(${invitations.email}, ${people.email})`,
      erased: sql<boolean>`${people.erasedAt} is not null`,
    })
    .from(invitations)
    .leftJoin(people, and(eq(people.id, invitations.personId), eq(people.orgId, invitations.orgId)))
    .where(and(eq(invitations.orgId, orgId), eq(invitations.requestId, requestId)));
}

/**
 * Claims the request's one thank-you: true when this call wrote the row. A concurrent claim waits
 * on the primary key until the first commits, then finds the row and gets false.
 */
export async function claimRaterThanks(
  db: Executor,
  values: typeof raterThanks.$inferInsert,
): Promise<boolean> {
  const rows = await db
    .insert(raterThanks)
    .values(values)
    .onConflictDoNothing()
    .returning({ requestId: raterThanks.requestId });
  return rows.length > 0;
}

/** When the request's thank-you went out, or null. */
export async function findRaterThanks(db: Executor, orgId: string, requestId: string): Promise<Date | null> {
  const [row] = await db
    .select({ sentAt: raterThanks.sentAt })
    .from(raterThanks)
    .where(and(eq(raterThanks.orgId, orgId), eq(raterThanks.requestId, requestId)));
  return row?.sentAt ?? null;
}

/** The focus of the plan grown from this report, or null when there is none. */
export async function findPlanFocusOfReport(
  db: Executor,
  orgId: string,
  requestId: string,
): Promise<string[] | null> {
  const [row] = await db
    .select({ focus: coachingPlans.focus })
    .from(coachingPlans)
    .where(
      and(
        eq(coachingPlans.orgId, orgId),
        eq(coachingPlans.requestId, requestId),
        isNotNull(coachingPlans.focus),
      ),
    );
  return row?.focus ?? null;
}
