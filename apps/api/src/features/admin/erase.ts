// people.erase: the right to erasure. The person's name, e-mail and sign-in go (the row stays as an
// anonymous placeholder so requests they asked for about others keep their requester); reports
// about them (requests, snapshots, plans) are deleted; the sealed responses they gave stay, as
// nothing links those to them. Their e-mails and their words elsewhere (encouragement) go. Drafts
// are not on the server at all: they stay in the rater's browser.
import { type Executor, markVacuumDue, schema } from "@fivefold/db";
import { ForbiddenError } from "@fivefold/domain";
import { type AnyColumn, and, eq, inArray, or, sql } from "drizzle-orm";
import { escapeHtml } from "../../mail/render";
import type { MemberContext } from "../../trpc/context";
import { audit } from "../audit/record";
import { loadOrgPerson, lockOrganisation } from "./shared";

export const ERASED_NAME = "Erased person";

export function erasedEmail(personId: string): string {
  return `erased-${personId}@erased.invalid`;
}

export interface EraseResult {
  erased: true;
  deleted: { requests: number; reports: number; plans: number; mails: number };
}

export async function erasePerson(
  ctx: MemberContext,
  personId: string,
  now = new Date(),
): Promise<EraseResult> {
  if (personId === ctx.person.id) {
    throw new ForbiddenError("You cannot erase yourself: ask another admin");
  }
  return ctx.db.transaction(async (tx) => {
    await lockOrganisation(tx, ctx.org.id);
    const person = await loadOrgPerson(tx, ctx.org.id, personId);
    if (person.erasedAt) return { erased: true, deleted: { requests: 0, reports: 0, plans: 0, mails: 0 } };
    const deleted = await eraseLocked(tx, ctx.org.id, person, now);
    await audit(tx, ctx, "people.erase", { type: "person", id: person.id }, deleted);
    return { erased: true, deleted };
  });
}

async function eraseLocked(
  tx: Executor,
  orgId: string,
  person: typeof schema.people.$inferSelect,
  now: Date,
): Promise<EraseResult["deleted"]> {
  const aboutThem = (
    await tx
      .select({ id: schema.feedbackRequests.id })
      .from(schema.feedbackRequests)
      .where(and(eq(schema.feedbackRequests.orgId, orgId), eq(schema.feedbackRequests.subjectId, person.id)))
  ).map((r) => r.id);

  const theirPlans = (
    await tx
      .select({ id: schema.coachingPlans.id })
      .from(schema.coachingPlans)
      .where(and(eq(schema.coachingPlans.orgId, orgId), eq(schema.coachingPlans.subjectId, person.id)))
  ).map((r) => r.id);
  const metaIn = (key: string, ids: string[]) =>
    ids.length > 0
      ? sql`${schema.outbox.meta}->>${key} in (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )})`
      : undefined;

  // E-mails to them, and e-mails about them (their requests and plans name them).
  const mails = await tx
    .delete(schema.outbox)
    .where(
      and(
        eq(schema.outbox.orgId, orgId),
        or(
          eq(schema.outbox.toEmail, person.email),
          sql`${schema.outbox.meta}->>'personId' = ${person.id}`,
          sql`${schema.outbox.meta}->>'subjectId' = ${person.id}`,
          metaIn("requestId", aboutThem),
          metaIn("planId", theirPlans),
        ),
      ),
    )
    .returning({ id: schema.outbox.id });

  // Mails to others that still name them (a partner's answer to a plan owner, a requester's name in
  // an invitation) keep their purpose but lose the name.
  await redactNameInMails(tx, orgId, person.name);

  // Reports about them: deleting the requests cascades to invitations, nominations, the sealed
  // envelopes and responses about them, snapshots and the coaching plans grown from them.
  let reports = 0;
  let requests = 0;
  if (aboutThem.length > 0) {
    reports = (
      await tx
        .delete(schema.reportSnapshots)
        .where(inArray(schema.reportSnapshots.requestId, aboutThem))
        .returning({ id: schema.reportSnapshots.requestId })
    ).length;
  }
  const plans = (
    await tx
      .delete(schema.coachingPlans)
      .where(and(eq(schema.coachingPlans.orgId, orgId), eq(schema.coachingPlans.subjectId, person.id)))
      .returning({ id: schema.coachingPlans.id })
  ).length;
  if (aboutThem.length > 0) {
    requests = (
      await tx
        .delete(schema.feedbackRequests)
        .where(inArray(schema.feedbackRequests.id, aboutThem))
        .returning({ id: schema.feedbackRequests.id })
    ).length;
    // The envelopes that went with them leave dead row versions for the vacuum job to clear.
    await markVacuumDue(tx);
  }

  // As a rater for others: their invitations stay exactly as they were (rule 8): turning an open
  // one into "declined" would tell the admin whether they had answered, and a link they hold keeps
  // working until the deadline (ERASURE_ENDS_ANSWERING), so later counts say nothing either.
  // Submitted answers were sealed without a link to them and stay. Drafts never reach the server.

  // Their place in others' plans, their words of encouragement, their preferences.
  await tx
    .delete(schema.partnerships)
    .where(and(eq(schema.partnerships.orgId, orgId), eq(schema.partnerships.personId, person.id)));
  await tx
    .delete(schema.encouragements)
    .where(and(eq(schema.encouragements.orgId, orgId), eq(schema.encouragements.authorId, person.id)));
  await tx.delete(schema.partnerPreferences).where(eq(schema.partnerPreferences.personId, person.id));

  // Organisation links.
  await tx
    .delete(schema.teamMembers)
    .where(and(eq(schema.teamMembers.orgId, orgId), eq(schema.teamMembers.personId, person.id)));
  await tx
    .delete(schema.teamCoaches)
    .where(and(eq(schema.teamCoaches.orgId, orgId), eq(schema.teamCoaches.personId, person.id)));
  await tx
    .delete(schema.personRoles)
    .where(and(eq(schema.personRoles.orgId, orgId), eq(schema.personRoles.personId, person.id)));
  await tx
    .update(schema.people)
    .set({ managerId: null })
    .where(and(eq(schema.people.orgId, orgId), eq(schema.people.managerId, person.id)));

  // The sign-in: deleting the user deletes its sessions and password (cascade).
  if (person.userId) {
    await tx.delete(schema.session).where(eq(schema.session.userId, person.userId));
    await tx.delete(schema.user).where(eq(schema.user.id, person.userId));
  }
  await tx.delete(schema.verification).where(eq(schema.verification.identifier, person.email));

  await tx
    .update(schema.people)
    .set({
      name: ERASED_NAME,
      email: erasedEmail(person.id),
      userId: null,
      managerId: null,
      active: false,
      erasedAt: now,
    })
    .where(eq(schema.people.id, person.id));

  return { requests, reports, plans, mails: mails.length };
}

/** Replaces a name, as a whole word, in the subject, text and HTML of the organisation's mails. */
async function redactNameInMails(tx: Executor, orgId: string, name: string): Promise<void> {
  const word = (value: string) =>
    `(?<![[:alnum:]])${value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![[:alnum:]])`;
  const plain = word(name);
  const html = word(escapeHtml(name));
  const redact = (column: AnyColumn, pattern: string) =>
    sql`regexp_replace(${column}, ${pattern}, ${ERASED_NAME}, 'g')`;
  await tx
    .update(schema.outbox)
    .set({
      subject: redact(schema.outbox.subject, plain),
      text: redact(schema.outbox.text, plain),
      html: redact(schema.outbox.html, html),
    })
    .where(
      and(
        eq(schema.outbox.orgId, orgId),
        or(
          sql`${schema.outbox.subject} ~ ${plain}`,
          sql`${schema.outbox.text} ~ ${plain}`,
          sql`${schema.outbox.html} ~ ${html}`,
        ),
      ),
    );
}
