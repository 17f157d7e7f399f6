// The sections of a person's export, one named step each: their place in the organisation, their
// sign-in, feedback about and by them, coaching plans, and the traces they left (partnerships,
// encouragement, preferences, e-mails, audit entries). Report figures and plan contents appear only
// when the caller says so (`withReports`); which reports, the access policy decides.
import {
  findPartnerPreferencesOf,
  findPersonName,
  findSignInOf,
  listAuditEntriesOfPerson,
  listCheckinsOfPlans,
  listDirectReports,
  listEncouragementsBy,
  listInvitationsOfPerson,
  listMailsTo,
  listPartnershipsOfPerson,
  listPlansOfPerson,
  listRequestsAboutPerson,
  listRequestsByPerson,
  listRolesOfPerson,
  listSnapshotsOf,
  listTeamsOfPerson,
} from "@fivefold/db";
import type { ExportOutput } from "@fivefold/domain";
import { readableReports } from "../access";
import type { MemberServiceContext } from "../context";
import type { PersonRow } from "./shared";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function personSection(
  ctx: MemberServiceContext,
  person: PersonRow,
): Promise<ExportOutput["person"]> {
  const orgId = ctx.org.id;
  const manager = person.managerId ? await findPersonName(ctx.db, orgId, person.managerId) : undefined;
  const roles = await listRolesOfPerson(ctx.db, orgId, person.id);
  const { memberOf, coachOf } = await listTeamsOfPerson(ctx.db, orgId, person.id);
  const directReports = await listDirectReports(ctx.db, orgId, person.id);
  return {
    id: person.id,
    name: person.name,
    email: person.email,
    active: person.active,
    createdAt: person.createdAt.toISOString(),
    erasedAt: iso(person.erasedAt),
    manager: manager ?? null,
    roles,
    teams: memberOf,
    coachOf,
    directReports,
  };
}

export async function signInSection(
  ctx: MemberServiceContext,
  person: PersonRow,
): Promise<ExportOutput["signIn"]> {
  const signIn = person.userId
    ? await findSignInOf(ctx.db, { orgId: person.orgId, userId: person.userId, linkedAt: person.linkedAt })
    : undefined;
  if (!signIn) return null;
  return {
    email: signIn.email,
    emailVerified: signIn.emailVerified,
    createdAt: signIn.createdAt.toISOString(),
    sessions: signIn.sessions.map((s) => ({
      createdAt: s.createdAt.toISOString(),
      expiresAt: s.expiresAt.toISOString(),
      ipAddress: s.ipAddress,
      userAgent: s.userAgent,
    })),
  };
}

/**
 * The requests about them, with the released report where the export carries reports and the
 * access policy lets the caller read it (never one the caller rated anonymously).
 */
export async function feedbackAboutSection(
  ctx: MemberServiceContext,
  person: PersonRow,
  withReports: boolean,
): Promise<ExportOutput["feedbackAboutThem"]> {
  const aboutThem = await listRequestsAboutPerson(ctx.db, ctx.org.id, person.id);
  const readable = withReports
    ? await readableReports(
        ctx,
        aboutThem.map((a) => ({ requestId: a.id, subjectId: person.id, requesterId: a.requesterId })),
        new Set(),
      )
    : new Map();
  const snapshots = await listSnapshotsOf(ctx.db, [...readable.keys()]);
  const snapshotOf = new Map(snapshots.map((s) => [s.requestId, s]));
  return aboutThem.map((a) => {
    const snapshot = snapshotOf.get(a.id);
    return {
      requestId: a.id,
      state: a.state,
      requester: { id: a.requesterId, name: a.requesterName },
      deadline: a.deadline.toISOString(),
      threshold: a.threshold,
      createdAt: a.createdAt.toISOString(),
      openedAt: iso(a.openedAt),
      closedAt: iso(a.closedAt),
      report: snapshot
        ? {
            releasedAt: snapshot.releasedAt.toISOString(),
            instrumentVersion: snapshot.instrumentVersion,
            snapshot: snapshot.snapshot,
          }
        : null,
    };
  });
}

/** What they asked for about others, and the invitations they had to rate. */
export async function feedbackByThemSections(ctx: MemberServiceContext, person: PersonRow, self: boolean) {
  const requested = await listRequestsByPerson(ctx.db, ctx.org.id, person.id);
  const invitations = await listInvitationsOfPerson(ctx.db, ctx.org.id, person.id);
  return {
    feedbackTheyRequested: requested.map((q) => ({
      requestId: q.id,
      state: q.state,
      subject: { id: q.subjectId, name: q.subjectName },
      createdAt: q.createdAt.toISOString(),
    })),
    invitationsToRate: invitations.map((i) => ({
      requestId: i.requestId,
      subjectName: i.subjectName,
      group: i.group,
      // Whether someone answered is theirs alone to know (DESIGN §4 rules 1 and 8).
      ...(self ? { state: i.state } : {}),
      expiresAt: i.expiresAt.toISOString(),
    })),
  } satisfies Pick<ExportOutput, "feedbackTheyRequested" | "invitationsToRate">;
}

export async function plansSection(
  ctx: MemberServiceContext,
  person: PersonRow,
  withReports: boolean,
): Promise<ExportOutput["coachingPlans"]> {
  const plans = await listPlansOfPerson(ctx.db, ctx.org.id, person.id);
  const checkins = withReports
    ? await listCheckinsOfPlans(
        ctx.db,
        plans.map((pl) => pl.id),
      )
    : [];
  return plans.map((pl) => ({
    id: pl.id,
    requestId: pl.requestId,
    state: pl.state,
    startsOn: pl.startsOn,
    endsOn: pl.endsOn,
    createdAt: pl.createdAt.toISOString(),
    ...(withReports
      ? {
          focus: pl.focus,
          strength: pl.strength,
          actions: pl.actions,
          woop: pl.woop,
          cadence: pl.cadence,
          progress: pl.progress,
          reflection: pl.reflection,
          checkins: checkins
            .filter((c) => c.planId === pl.id)
            .map((c) => ({ progress: c.progress, note: c.note, createdAt: c.createdAt.toISOString() })),
        }
      : {}),
  }));
}

/** Partnerships, encouragement written and partner preferences. */
export async function growthTracesSections(ctx: MemberServiceContext, person: PersonRow) {
  const partnerships = await listPartnershipsOfPerson(ctx.db, ctx.org.id, person.id);
  const encouragements = await listEncouragementsBy(ctx.db, ctx.org.id, person.id);
  const preferences = await findPartnerPreferencesOf(ctx.db, person.id);
  return {
    partnerships: partnerships.map((x) => ({ ...x, invitedAt: x.invitedAt.toISOString() })),
    encouragementsWritten: encouragements.map((e) => ({
      text: e.text,
      createdAt: e.createdAt.toISOString(),
    })),
    partnerPreferences: preferences ?? null,
  } satisfies Pick<ExportOutput, "partnerships" | "encouragementsWritten" | "partnerPreferences">;
}

/** E-mails to them (subjects only) and the audit entries about or by them. */
export async function recordsSections(ctx: MemberServiceContext, person: PersonRow, self: boolean) {
  // Subjects only: bodies of unsent e-mails hold one-time links, which belong to nobody's export.
  // Reminders go only to raters who have not answered, so they stay out of anyone else's export.
  const mails = await listMailsTo(ctx.db, ctx.org.id, person.email, { withReminders: self });
  const entries = await listAuditEntriesOfPerson(ctx.db, ctx.org.id, person.id);
  return {
    emails: mails.map((m) => ({
      template: m.template,
      subject: m.subject,
      state: m.state,
      createdAt: m.createdAt.toISOString(),
      sentAt: iso(m.sentAt),
    })),
    auditEntries: entries.map((e) => ({
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      asActor: e.asActor,
      createdAt: e.createdAt.toISOString(),
    })),
  } satisfies Pick<ExportOutput, "emails" | "auditEntries">;
}
