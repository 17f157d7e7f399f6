// Turning approved raters into invitations with one-time links and invitation e-mails, and the
// bounds on how many anonymous raters a request may have.
import { findPeopleEmails, insertInvitation } from "@fivefold/db";
import { ConflictError, PreconditionFailedError, type RaterGroup } from "@fivefold/domain";
import { mailLanguagesOf } from "../../mail/i18n";
import { enqueueMail } from "../../mail/outbox";
import { invitationMail } from "../../mail/templates";
import type { ServiceContext } from "../context";
import type { FeedbackRequestRow } from "./access";
import { newToken } from "./tokens";

export const MIN_ANONYMOUS_RATERS = 3;
export const MAX_ANONYMOUS_RATERS = 20;

export interface RaterToInvite {
  personId: string | null;
  email: string | null;
  group: RaterGroup;
  /** Whether they count towards k (rule 9); fixed when the request opens. */
  counts: boolean;
}

/**
 * Anonymous raters who count must number at least max(3, k) so a report can be released; anonymous
 * raters in all at most 20. `uncounted` are externals who may answer but do not count (rule 9).
 */
export function checkAnonymousCount(count: number, threshold: number, uncounted = 0): void {
  if (count + uncounted > MAX_ANONYMOUS_RATERS) {
    throw new PreconditionFailedError(
      `Invite at most ${MAX_ANONYMOUS_RATERS} anonymous raters: there would be ${count + uncounted}`,
    );
  }
  const minimum = Math.max(MIN_ANONYMOUS_RATERS, threshold);
  if (count < minimum) {
    // Written out whole (one sentence for each branch), so that every language can word each.
    throw new PreconditionFailedError(
      `Invite at least ${minimum} anonymous raters (peers, direct reports or others) so the report can be shown without singling anyone out: there ${count === 1 ? "is" : "are"} ${count} who count now${uncounted === 0 ? "" : uncounted === 1 ? " (besides 1 external rater who does not count: their domain is not on the organisation's list and no admin who does not read the report approved them)" : ` (besides ${uncounted} external raters who do not count: their domain is not on the organisation's list and no admin who does not read the report approved them)`}`,
    );
  }
}

/** Invites each rater: an invitation with a fresh one-time link, and the e-mail that carries it. */
export async function inviteRaters(
  ctx: ServiceContext,
  input: { request: FeedbackRequestRow; raters: RaterToInvite[]; subjectName: string },
): Promise<void> {
  const { request } = input;
  const personIds = input.raters.map((r) => r.personId).filter((id): id is string => id !== null);
  const emails = await findPeopleEmails(ctx.db, request.orgId, personIds);
  const addressOf = (rater: RaterToInvite) => (rater.personId ? emails.get(rater.personId) : rater.email);
  const languageOf = await mailLanguagesOf(
    ctx.db,
    request.orgId,
    input.raters.flatMap((rater) => addressOf(rater) ?? []),
  );
  for (const rater of input.raters) {
    const { token, hash } = newToken();
    const invitationId = await insertInvitation(ctx.db, {
      orgId: request.orgId,
      requestId: request.id,
      personId: rater.personId,
      email: rater.personId ? null : rater.email,
      group: rater.group,
      counts: rater.counts,
      tokenHash: hash,
      expiresAt: request.deadline,
    });
    if (invitationId === null) throw new ConflictError("That rater is already invited to this request");
    const to = addressOf(rater);
    if (!to) continue;
    await enqueueMail(ctx.db, {
      orgId: request.orgId,
      template: "invitation",
      to,
      // The invitation's id lets an admin send it again with a new link if it fails.
      meta: { requestId: request.id, invitationId, link: `/r/${token}` },
      ...invitationMail({
        language: languageOf(to),
        subjectName: input.subjectName,
        group: rater.group,
        deadline: request.deadline,
        threshold: request.threshold,
        link: `${ctx.appUrl}/r/${token}`,
        inApp: rater.personId !== null,
      }),
    });
  }
}
