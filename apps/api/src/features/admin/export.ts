// people.export: what Fivefold holds about one person, as JSON (a subject access request). Admins
// may export anyone; everyone may export themself. Reports and plans are included for the person
// themself, or for an admin only where the organisation lets admins read reports. Answers the
// person gave as a rater are sealed without a link to them: they cannot be found, so are not here.
import { type Executor, schema } from "@fivefold/db";
import { ForbiddenError } from "@fivefold/domain";
import { and, asc, desc, eq, inArray, ne, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { MemberContext } from "../../trpc/context";
import { audit } from "../audit/record";
import { ratedAnonymously } from "../reports/access";
import { loadOrgPerson } from "./shared";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export async function exportPerson(ctx: MemberContext, personId: string, now = new Date()) {
  const self = personId === ctx.person.id;
  if (!self && !ctx.roles.includes("admin")) {
    throw new ForbiddenError("You can export your own data; an admin can export anyone's");
  }
  return ctx.db.transaction(async (tx) => {
    const person = await loadOrgPerson(tx, ctx.org.id, personId);
    const [org] = await tx
      .select({ name: schema.organisations.name, adminsReadReports: schema.organisations.adminsReadReports })
      .from(schema.organisations)
      .where(eq(schema.organisations.id, ctx.org.id));
    const withReports = self || Boolean(org?.adminsReadReports);
    const data = await collect(tx, ctx.org.id, person, withReports, self, ctx.person.id);
    await audit(tx, ctx, "people.export", { type: "person", id: person.id }, { self, withReports });
    return {
      exportedAt: now.toISOString(),
      organisation: { id: ctx.org.id, name: org?.name ?? ctx.org.name },
      ...data,
      notes: [
        "Answers this person gave as a rater are sealed: stored with no link to them, so they cannot be found or exported.",
        ...(withReports
          ? []
          : [
              "Report figures and coaching plan contents are left out: admins of this organisation may not read reports. The person can export their own data to see them.",
            ]),
      ],
    };
  });
}

async function collect(
  db: Executor,
  orgId: string,
  person: typeof schema.people.$inferSelect,
  withReports: boolean,
  self: boolean,
  exporterId: string,
) {
  const p = schema.people;
  const manager = person.managerId
    ? await db.select({ id: p.id, name: p.name }).from(p).where(eq(p.id, person.managerId))
    : [];
  const roles = await db
    .select({ role: schema.personRoles.role })
    .from(schema.personRoles)
    .where(and(eq(schema.personRoles.orgId, orgId), eq(schema.personRoles.personId, person.id)));
  const memberOf = await db
    .select({ id: schema.teams.id, name: schema.teams.name })
    .from(schema.teamMembers)
    .innerJoin(schema.teams, eq(schema.teams.id, schema.teamMembers.teamId))
    .where(and(eq(schema.teamMembers.orgId, orgId), eq(schema.teamMembers.personId, person.id)));
  const coachOf = await db
    .select({ id: schema.teams.id, name: schema.teams.name })
    .from(schema.teamCoaches)
    .innerJoin(schema.teams, eq(schema.teams.id, schema.teamCoaches.teamId))
    .where(and(eq(schema.teamCoaches.orgId, orgId), eq(schema.teamCoaches.personId, person.id)));
  const directReports = await db
    .select({ id: p.id, name: p.name })
    .from(p)
    .where(and(eq(p.orgId, orgId), eq(p.managerId, person.id)))
    .orderBy(asc(p.name));

  const user = person.userId
    ? (
        await db
          .select({
            email: schema.user.email,
            emailVerified: schema.user.emailVerified,
            createdAt: schema.user.createdAt,
          })
          .from(schema.user)
          .where(eq(schema.user.id, person.userId))
      )[0]
    : undefined;
  const sessions = person.userId
    ? await db
        .select({
          createdAt: schema.session.createdAt,
          expiresAt: schema.session.expiresAt,
          ipAddress: schema.session.ipAddress,
          userAgent: schema.session.userAgent,
        })
        .from(schema.session)
        .where(eq(schema.session.userId, person.userId))
        .orderBy(desc(schema.session.createdAt))
    : [];

  const r = schema.feedbackRequests;
  const requester = alias(p, "requester");
  const aboutThem = await db
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
    .where(and(eq(r.orgId, orgId), eq(r.subjectId, person.id)))
    .orderBy(asc(r.createdAt));
  // An admin never gets a report they rated anonymously (see reports/access.ts).
  const withheld = self
    ? new Set<string>()
    : await ratedAnonymously(
        db,
        orgId,
        exporterId,
        aboutThem.map((a) => a.id),
      );
  const readable = aboutThem.filter((a) => !withheld.has(a.id)).map((a) => a.id);
  const snapshots =
    withReports && readable.length > 0
      ? await db
          .select()
          .from(schema.reportSnapshots)
          .where(inArray(schema.reportSnapshots.requestId, readable))
      : [];
  const subject = alias(p, "subject");
  const requested = await db
    .select({
      id: r.id,
      state: r.state,
      subjectId: subject.id,
      subjectName: subject.name,
      createdAt: r.createdAt,
    })
    .from(r)
    .innerJoin(subject, eq(subject.id, r.subjectId))
    .where(and(eq(r.orgId, orgId), eq(r.requesterId, person.id)))
    .orderBy(asc(r.createdAt));
  const invitations = await db
    .select({
      requestId: schema.invitations.requestId,
      group: schema.invitations.group,
      state: schema.invitations.state,
      expiresAt: schema.invitations.expiresAt,
      subjectName: subject.name,
    })
    .from(schema.invitations)
    .innerJoin(r, eq(r.id, schema.invitations.requestId))
    .innerJoin(subject, eq(subject.id, r.subjectId))
    .where(and(eq(schema.invitations.orgId, orgId), eq(schema.invitations.personId, person.id)));

  const plans = await db
    .select()
    .from(schema.coachingPlans)
    .where(and(eq(schema.coachingPlans.orgId, orgId), eq(schema.coachingPlans.subjectId, person.id)));
  const checkins =
    withReports && plans.length > 0
      ? await db
          .select({
            planId: schema.checkins.planId,
            progress: schema.checkins.progress,
            note: schema.checkins.note,
            createdAt: schema.checkins.createdAt,
          })
          .from(schema.checkins)
          .where(
            inArray(
              schema.checkins.planId,
              plans.map((pl) => pl.id),
            ),
          )
      : [];
  const partnerships = await db
    .select({
      planId: schema.partnerships.planId,
      role: schema.partnerships.role,
      state: schema.partnerships.state,
      invitedAt: schema.partnerships.invitedAt,
    })
    .from(schema.partnerships)
    .where(and(eq(schema.partnerships.orgId, orgId), eq(schema.partnerships.personId, person.id)));
  const encouragements = await db
    .select({ text: schema.encouragements.text, createdAt: schema.encouragements.createdAt })
    .from(schema.encouragements)
    .where(and(eq(schema.encouragements.orgId, orgId), eq(schema.encouragements.authorId, person.id)));
  const [preferences] = await db
    .select({ optIn: schema.partnerPreferences.optIn, dimensions: schema.partnerPreferences.dimensions })
    .from(schema.partnerPreferences)
    .where(eq(schema.partnerPreferences.personId, person.id));
  // Subjects only: bodies of unsent e-mails hold one-time links, which belong to nobody's export.
  // Reminders go only to raters who have not answered, so they stay out of anyone else's export.
  const mails = await db
    .select({
      template: schema.outbox.template,
      subject: schema.outbox.subject,
      state: schema.outbox.state,
      createdAt: schema.outbox.createdAt,
      sentAt: schema.outbox.sentAt,
    })
    .from(schema.outbox)
    .where(
      and(
        eq(schema.outbox.orgId, orgId),
        eq(schema.outbox.toEmail, person.email),
        self ? undefined : ne(schema.outbox.template, "reminder"),
      ),
    )
    .orderBy(asc(schema.outbox.createdAt));
  const auditEntries = await db
    .select({
      action: schema.auditLog.action,
      targetType: schema.auditLog.targetType,
      targetId: schema.auditLog.targetId,
      createdAt: schema.auditLog.createdAt,
      asActor: sql<boolean>`${schema.auditLog.actorId} = ${person.id}`,
    })
    .from(schema.auditLog)
    .where(
      and(
        eq(schema.auditLog.orgId, orgId),
        or(eq(schema.auditLog.actorId, person.id), eq(schema.auditLog.targetId, person.id)),
      ),
    )
    .orderBy(asc(schema.auditLog.createdAt));

  const snapshotOf = new Map(snapshots.map((s) => [s.requestId, s]));
  return {
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      active: person.active,
      createdAt: person.createdAt.toISOString(),
      erasedAt: iso(person.erasedAt),
      manager: manager[0] ?? null,
      roles: roles.map((x) => x.role),
      teams: memberOf,
      coachOf,
      directReports,
    },
    signIn: user
      ? {
          email: user.email,
          emailVerified: user.emailVerified,
          createdAt: user.createdAt.toISOString(),
          sessions: sessions.map((s) => ({
            createdAt: s.createdAt.toISOString(),
            expiresAt: s.expiresAt.toISOString(),
            ipAddress: s.ipAddress,
            userAgent: s.userAgent,
          })),
        }
      : null,
    feedbackAboutThem: aboutThem.map((a) => {
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
    }),
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
    coachingPlans: plans.map((pl) => ({
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
    })),
    partnerships: partnerships.map((x) => ({ ...x, invitedAt: x.invitedAt.toISOString() })),
    encouragementsWritten: encouragements.map((e) => ({
      text: e.text,
      createdAt: e.createdAt.toISOString(),
    })),
    partnerPreferences: preferences ?? null,
    emails: mails.map((m) => ({
      template: m.template,
      subject: m.subject,
      state: m.state,
      createdAt: m.createdAt.toISOString(),
      sentAt: iso(m.sentAt),
    })),
    auditEntries: auditEntries.map((e) => ({
      action: e.action,
      targetType: e.targetType,
      targetId: e.targetId,
      asActor: e.asActor,
      createdAt: e.createdAt.toISOString(),
    })),
  };
}
