// The invitation behind an invitation e-mail, for sending it again with a new one-time link.
import { and, eq, or } from "drizzle-orm";
import type { Executor } from "../client";
import { feedbackRequests, invitations, people } from "../schema";

/**
 * By the invitation id the mail names, or (older mails) by its request and the address it went
 * to. Gives where to send it now: a colleague's current address, or the external rater's.
 */
export async function findInvitationOfMail(
  db: Executor,
  input: { orgId: string; requestId: string; invitationId: string | null; address: string },
) {
  const subject = people;
  const [row] = await db
    .select({
      invitationId: invitations.id,
      group: invitations.group,
      personId: invitations.personId,
      externalEmail: invitations.email,
      request: {
        id: feedbackRequests.id,
        state: feedbackRequests.state,
        deadline: feedbackRequests.deadline,
        threshold: feedbackRequests.threshold,
        subjectId: feedbackRequests.subjectId,
      },
    })
    .from(invitations)
    .innerJoin(feedbackRequests, eq(feedbackRequests.id, invitations.requestId))
    .leftJoin(subject, eq(subject.id, invitations.personId))
    .where(
      and(
        eq(invitations.orgId, input.orgId),
        eq(invitations.requestId, input.requestId),
        input.invitationId
          ? eq(invitations.id, input.invitationId)
          : or(eq(invitations.email, input.address), eq(subject.email, input.address)),
      ),
    )
    .limit(1);
  if (!row) return null;
  const [names] = await db
    .select({ subjectName: people.name })
    .from(people)
    .where(eq(people.id, row.request.subjectId));
  let address = row.externalEmail;
  if (row.personId) {
    const [rater] = await db
      .select({ email: people.email, active: people.active })
      .from(people)
      .where(eq(people.id, row.personId));
    address = rater?.active ? rater.email : null;
  }
  return { ...row, subjectName: names?.subjectName ?? "a colleague", address };
}

/** A new one-time link: the old one stops working. */
export async function replaceInvitationToken(db: Executor, invitationId: string, tokenHash: string) {
  await db.update(invitations).set({ tokenHash }).where(eq(invitations.id, invitationId));
}
