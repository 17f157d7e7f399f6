// The right to erasure, in statements: what is about a person goes, what names them is redacted,
// and their row becomes an anonymous placeholder. Run inside the erasure's transaction.
import { type AnyColumn, and, eq, inArray, or, sql } from "drizzle-orm";
import type { Executor } from "../../client";
import {
  coachingPlans,
  encouragements,
  feedbackRequests,
  notificationReads,
  outbox,
  partnerPreferences,
  partnerships,
  people,
  personRoles,
  reportSnapshots,
  teamCoaches,
  teamMembers,
  verification,
} from "../../schema";
import { deleteSignInIfUnused } from "./people";

export async function listRequestIdsAbout(db: Executor, orgId: string, personId: string): Promise<string[]> {
  const rows = await db
    .select({ id: feedbackRequests.id })
    .from(feedbackRequests)
    .where(and(eq(feedbackRequests.orgId, orgId), eq(feedbackRequests.subjectId, personId)));
  return rows.map((r) => r.id);
}

export async function listPlanIdsOf(db: Executor, orgId: string, personId: string): Promise<string[]> {
  const rows = await db
    .select({ id: coachingPlans.id })
    .from(coachingPlans)
    .where(and(eq(coachingPlans.orgId, orgId), eq(coachingPlans.subjectId, personId)));
  return rows.map((r) => r.id);
}

const metaIn = (key: string, ids: readonly string[]) =>
  ids.length > 0
    ? sql`${outbox.meta}->>${key} in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`
    : undefined;

/** E-mails to the person, and e-mails about them (their requests and plans name them). */
export async function deleteMailsOfPerson(
  db: Executor,
  orgId: string,
  person: { id: string; email: string; requestIds: readonly string[]; planIds: readonly string[] },
): Promise<number> {
  const rows = await db
    .delete(outbox)
    .where(
      and(
        eq(outbox.orgId, orgId),
        or(
          eq(outbox.toEmail, person.email),
          sql`${outbox.meta}->>'personId' = ${person.id}`,
          sql`${outbox.meta}->>'subjectId' = ${person.id}`,
          metaIn("requestId", person.requestIds),
          metaIn("planId", person.planIds),
        ),
      ),
    )
    .returning({ id: outbox.id });
  return rows.length;
}

/** Replaces what matches the patterns (POSIX regular expressions) in the organisation's mails. */
export async function redactMails(
  db: Executor,
  orgId: string,
  patterns: { plain: string; html: string },
  replacement: string,
): Promise<void> {
  const redact = (column: AnyColumn, pattern: string) =>
    sql`regexp_replace(${column}, ${pattern}, ${replacement}, 'g')`;
  await db
    .update(outbox)
    .set({
      subject: redact(outbox.subject, patterns.plain),
      text: redact(outbox.text, patterns.plain),
      html: redact(outbox.html, patterns.html),
    })
    .where(
      and(
        eq(outbox.orgId, orgId),
        or(
          sql`${outbox.subject} ~ ${patterns.plain}`,
          sql`${outbox.text} ~ ${patterns.plain}`,
          sql`${outbox.html} ~ ${patterns.html}`,
        ),
      ),
    );
}

export async function deleteSnapshotsOf(db: Executor, requestIds: readonly string[]): Promise<number> {
  if (requestIds.length === 0) return 0;
  const rows = await db
    .delete(reportSnapshots)
    .where(inArray(reportSnapshots.requestId, [...requestIds]))
    .returning({ id: reportSnapshots.requestId });
  return rows.length;
}

export async function deletePlansOf(db: Executor, orgId: string, personId: string): Promise<number> {
  const rows = await db
    .delete(coachingPlans)
    .where(and(eq(coachingPlans.orgId, orgId), eq(coachingPlans.subjectId, personId)))
    .returning({ id: coachingPlans.id });
  return rows.length;
}

/** Deleting requests cascades to their invitations, nominations, envelopes and responses. */
export async function deleteRequests(
  db: Executor,
  orgId: string,
  requestIds: readonly string[],
): Promise<number> {
  if (requestIds.length === 0) return 0;
  const rows = await db
    .delete(feedbackRequests)
    .where(and(eq(feedbackRequests.orgId, orgId), inArray(feedbackRequests.id, [...requestIds])))
    .returning({ id: feedbackRequests.id });
  return rows.length;
}

/** Their place in others' plans, their words of encouragement, their preferences. */
export async function deleteGrowthTracesOf(db: Executor, orgId: string, personId: string): Promise<void> {
  await db
    .delete(partnerships)
    .where(and(eq(partnerships.orgId, orgId), eq(partnerships.personId, personId)));
  await db
    .delete(encouragements)
    .where(and(eq(encouragements.orgId, orgId), eq(encouragements.authorId, personId)));
  await db.delete(partnerPreferences).where(eq(partnerPreferences.personId, personId));
}

/** Teams, coaching, roles, and being someone's manager. */
export async function deleteOrganisationLinksOf(
  db: Executor,
  orgId: string,
  personId: string,
): Promise<void> {
  await db.delete(teamMembers).where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.personId, personId)));
  await db.delete(teamCoaches).where(and(eq(teamCoaches.orgId, orgId), eq(teamCoaches.personId, personId)));
  await db.delete(personRoles).where(and(eq(personRoles.orgId, orgId), eq(personRoles.personId, personId)));
  await db
    .update(people)
    .set({ managerId: null })
    .where(and(eq(people.orgId, orgId), eq(people.managerId, personId)));
}

/**
 * The sign-in: deleting the user deletes its sessions and password (cascade); pending links go. A
 * sign-in that still holds a person in another organisation is theirs there and stays: this
 * person only lets go of it.
 */
export async function deleteSignIn(
  db: Executor,
  orgId: string,
  person: { id: string; userId: string | null; email: string },
): Promise<void> {
  if (person.userId) {
    await db
      .update(people)
      .set({ userId: null, linkedAt: null, awaitingEntry: false })
      .where(and(eq(people.orgId, orgId), eq(people.id, person.id)));
    if (!(await deleteSignInIfUnused(db, person.userId))) return;
  }
  await db.delete(verification).where(eq(verification.identifier, person.email));
}

/** The person's row keeps only its id: an anonymous placeholder, inactive, marked erased. */
export async function anonymisePerson(
  db: Executor,
  orgId: string,
  personId: string,
  values: { name: string; email: string; erasedAt: Date },
): Promise<void> {
  await db
    .update(people)
    .set({ ...values, userId: null, managerId: null, active: false })
    .where(and(eq(people.id, personId), eq(people.orgId, orgId)));
  // The bell's read marks name events the person saw: they go with the rest of them.
  await db
    .delete(notificationReads)
    .where(and(eq(notificationReads.orgId, orgId), eq(notificationReads.personId, personId)));
}
