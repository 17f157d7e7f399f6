// What Fivefold holds about one person, read for a subject access request: their place in the
// organisation, their sign-in, the feedback about them and by them, plans, e-mails and audit
// entries. Every query is scoped by org id where the table has one.
import { and, asc, desc, eq, inArray, isNull, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../../client";
import {
  auditLog,
  checkins,
  coachingPlans,
  encouragements,
  feedbackRequests,
  invitations,
  outbox,
  partnerPreferences,
  partnerships,
  people,
  reportSnapshots,
  session,
  sessionOrganisations,
  teamCoaches,
  teamMembers,
  teams,
  user,
} from "../../schema";
import { findDefaultPersonOfUser } from "../membership";

export async function findPersonName(db: Executor, orgId: string, personId: string) {
  const [row] = await db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.orgId, orgId)));
  return row;
}

/** The teams the person is a member of, and those they coach. */
export async function listTeamsOfPerson(db: Executor, orgId: string, personId: string) {
  const memberOf = await db
    .select({ id: teams.id, name: teams.name })
    .from(teamMembers)
    .innerJoin(teams, eq(teams.id, teamMembers.teamId))
    .where(and(eq(teamMembers.orgId, orgId), eq(teamMembers.personId, personId)));
  const coachOf = await db
    .select({ id: teams.id, name: teams.name })
    .from(teamCoaches)
    .innerJoin(teams, eq(teams.id, teamCoaches.teamId))
    .where(and(eq(teamCoaches.orgId, orgId), eq(teamCoaches.personId, personId)));
  return { memberOf, coachOf };
}

export function listDirectReports(db: Executor, orgId: string, personId: string) {
  return db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.orgId, orgId), eq(people.managerId, personId)))
    .orderBy(asc(people.name));
}

/**
 * The Better Auth user as this person's organisation knows it, and the sessions that answer for
 * that organisation, newest first. A sign-in shared with other organisations shows neither their
 * sessions (addresses, browsers) nor that it existed before it was linked here.
 */
export async function findSignInOf(
  db: Executor,
  person: { orgId: string; userId: string; linkedAt: Date | null },
) {
  const [account] = await db
    .select({ email: user.email, emailVerified: user.emailVerified, createdAt: user.createdAt })
    .from(user)
    .where(eq(user.id, person.userId));
  if (!account) return undefined;
  const defaultPerson = await findDefaultPersonOfUser(db, person.userId);
  const isDefault = defaultPerson?.orgId === person.orgId;
  const sessions = await db
    .select({
      createdAt: session.createdAt,
      expiresAt: session.expiresAt,
      ipAddress: session.ipAddress,
      userAgent: session.userAgent,
    })
    .from(session)
    .leftJoin(sessionOrganisations, eq(sessionOrganisations.sessionId, session.id))
    .where(
      and(
        eq(session.userId, person.userId),
        or(
          eq(sessionOrganisations.orgId, person.orgId),
          isDefault ? isNull(sessionOrganisations.orgId) : sql`false`,
        ),
      ),
    )
    .orderBy(desc(session.createdAt));
  const linkedAt = person.linkedAt ?? account.createdAt;
  const createdAt = new Date(Math.max(linkedAt.getTime(), account.createdAt.getTime()));
  return { ...account, createdAt, sessions };
}

/** The requests about the person, oldest first, with their requester. */
export function listRequestsAboutPerson(db: Executor, orgId: string, personId: string) {
  const r = feedbackRequests;
  const requester = alias(people, "requester");
  return db
    .select({
      id: r.id,
      state: r.state,
      deadline: r.deadline,
      threshold: r.threshold,
      createdAt: r.createdAt,
      openedAt: r.openedAt,
      closedAt: r.closedAt,
      requesterId: requester.id,
      requesterName: requester.name,
    })
    .from(r)
    .innerJoin(requester, eq(requester.id, r.requesterId))
    .where(and(eq(r.orgId, orgId), eq(r.subjectId, personId)))
    .orderBy(asc(r.createdAt));
}

export async function listSnapshotsOf(db: Executor, requestIds: readonly string[]) {
  if (requestIds.length === 0) return [];
  return db
    .select()
    .from(reportSnapshots)
    .where(inArray(reportSnapshots.requestId, [...requestIds]));
}

/** The requests the person asked for about others, oldest first. */
export function listRequestsByPerson(db: Executor, orgId: string, personId: string) {
  const r = feedbackRequests;
  const subject = alias(people, "subject");
  return db
    .select({
      id: r.id,
      state: r.state,
      subjectId: subject.id,
      subjectName: subject.name,
      createdAt: r.createdAt,
    })
    .from(r)
    .innerJoin(subject, eq(subject.id, r.subjectId))
    .where(and(eq(r.orgId, orgId), eq(r.requesterId, personId)))
    .orderBy(asc(r.createdAt));
}

export function listInvitationsOfPerson(db: Executor, orgId: string, personId: string) {
  const r = feedbackRequests;
  const subject = alias(people, "subject");
  return db
    .select({
      requestId: invitations.requestId,
      group: invitations.group,
      state: invitations.state,
      expiresAt: invitations.expiresAt,
      subjectName: subject.name,
    })
    .from(invitations)
    .innerJoin(r, eq(r.id, invitations.requestId))
    .innerJoin(subject, eq(subject.id, r.subjectId))
    .where(and(eq(invitations.orgId, orgId), eq(invitations.personId, personId)));
}

export function listPlansOfPerson(db: Executor, orgId: string, personId: string) {
  return db
    .select()
    .from(coachingPlans)
    .where(and(eq(coachingPlans.orgId, orgId), eq(coachingPlans.subjectId, personId)));
}

export async function listCheckinsOfPlans(db: Executor, planIds: readonly string[]) {
  if (planIds.length === 0) return [];
  return db
    .select({
      planId: checkins.planId,
      progress: checkins.progress,
      note: checkins.note,
      createdAt: checkins.createdAt,
    })
    .from(checkins)
    .where(inArray(checkins.planId, [...planIds]));
}

export function listPartnershipsOfPerson(db: Executor, orgId: string, personId: string) {
  return db
    .select({
      planId: partnerships.planId,
      role: partnerships.role,
      state: partnerships.state,
      invitedAt: partnerships.invitedAt,
    })
    .from(partnerships)
    .where(and(eq(partnerships.orgId, orgId), eq(partnerships.personId, personId)));
}

export function listEncouragementsBy(db: Executor, orgId: string, personId: string) {
  return db
    .select({ text: encouragements.text, createdAt: encouragements.createdAt })
    .from(encouragements)
    .where(and(eq(encouragements.orgId, orgId), eq(encouragements.authorId, personId)));
}

export async function findPartnerPreferencesOf(db: Executor, personId: string) {
  const [row] = await db
    .select({ optIn: partnerPreferences.optIn, dimensions: partnerPreferences.dimensions })
    .from(partnerPreferences)
    .where(eq(partnerPreferences.personId, personId));
  return row;
}

/** The e-mails to an address (their subjects and states only), oldest first. */
export function listMailsTo(db: Executor, orgId: string, email: string, options: { withReminders: boolean }) {
  return db
    .select({
      template: outbox.template,
      subject: outbox.subject,
      state: outbox.state,
      createdAt: outbox.createdAt,
      sentAt: outbox.sentAt,
    })
    .from(outbox)
    .where(
      and(
        eq(outbox.orgId, orgId),
        eq(outbox.toEmail, email),
        options.withReminders ? undefined : ne(outbox.template, "reminder"),
      ),
    )
    .orderBy(asc(outbox.createdAt));
}

/** Audit entries where the person acted or was acted on, oldest first. */
export function listAuditEntriesOfPerson(db: Executor, orgId: string, personId: string) {
  return db
    .select({
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      createdAt: auditLog.createdAt,
      asActor: sql<boolean>`${auditLog.actorId} = ${personId}`,
    })
    .from(auditLog)
    .where(
      and(eq(auditLog.orgId, orgId), or(eq(auditLog.actorId, personId), eq(auditLog.targetId, personId))),
    )
    .orderBy(asc(auditLog.createdAt));
}
