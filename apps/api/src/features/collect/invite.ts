// Turning approved raters into invitations with one-time links and invitation e-mails.
import { type Executor, schema } from "@fivefold/db";
import { ANONYMOUS_GROUPS, ConflictError, PreconditionFailedError, type RaterGroup } from "@fivefold/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import { enqueueMail } from "../../mail/outbox";
import { invitationMail } from "../../mail/templates";
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

export async function countAnonymousInvitations(tx: Executor, requestId: string): Promise<number> {
  const [row] = await tx
    .select({ n: sql<number>`count(*)::int` })
    .from(schema.invitations)
    .where(
      and(
        eq(schema.invitations.requestId, requestId),
        inArray(schema.invitations.group, [...ANONYMOUS_GROUPS]),
      ),
    );
  return row?.n ?? 0;
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
    const besides =
      uncounted > 0
        ? ` (besides ${uncounted} external ${uncounted === 1 ? "rater who does" : "raters who do"} not count: their domain is not on the organisation's list and no admin who does not read the report approved them)`
        : "";
    throw new PreconditionFailedError(
      `Invite at least ${minimum} anonymous raters (peers, direct reports or others) so the report can be shown without singling anyone out: there ${count === 1 ? "is" : "are"} ${count} who count now${besides}`,
    );
  }
}

export async function inviteRaters(
  tx: Executor,
  input: { request: FeedbackRequestRow; raters: RaterToInvite[]; subjectName: string; appUrl: string },
): Promise<void> {
  const { request } = input;
  const personIds = input.raters.map((r) => r.personId).filter((id): id is string => id !== null);
  const emails = new Map<string, string>();
  if (personIds.length > 0) {
    const rows = await tx
      .select({ id: schema.people.id, email: schema.people.email })
      .from(schema.people)
      .where(and(eq(schema.people.orgId, request.orgId), inArray(schema.people.id, personIds)));
    for (const row of rows) emails.set(row.id, row.email);
  }
  for (const rater of input.raters) {
    const { token, hash } = newToken();
    const inserted = await tx
      .insert(schema.invitations)
      .values({
        orgId: request.orgId,
        requestId: request.id,
        personId: rater.personId,
        email: rater.personId ? null : rater.email,
        group: rater.group,
        counts: rater.counts,
        tokenHash: hash,
        expiresAt: request.deadline,
      })
      .onConflictDoNothing()
      .returning({ id: schema.invitations.id });
    if (inserted.length === 0) {
      throw new ConflictError("That rater is already invited to this request");
    }
    const to = rater.personId ? emails.get(rater.personId) : rater.email;
    if (!to) continue;
    await enqueueMail(tx, {
      orgId: request.orgId,
      template: "invitation",
      to,
      // The invitation's id lets an admin send it again with a new link if it fails.
      meta: { requestId: request.id, invitationId: inserted[0]?.id, link: `/r/${token}` },
      ...invitationMail({
        subjectName: input.subjectName,
        group: rater.group,
        deadline: request.deadline,
        threshold: request.threshold,
        link: `${input.appUrl}/r/${token}`,
        inApp: rater.personId !== null,
      }),
    });
  }
}
