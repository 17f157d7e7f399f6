// people.erase: the right to erasure. The person's name, e-mail and sign-in go (the row stays as an
// anonymous placeholder so requests they asked for about others keep their requester); reports
// about them (requests, snapshots, plans) are deleted; the sealed responses they gave stay, as
// nothing links those to them. Their e-mails and their words elsewhere (encouragement) go. Drafts
// are not on the server at all: they stay in the rater's browser.
import {
  anonymisePerson,
  deleteGrowthTracesOf,
  deleteMailsOfPerson,
  deleteOrganisationLinksOf,
  deletePlansOf,
  deleteRequests,
  deleteSignIn,
  deleteSnapshotsOf,
  listPlanIdsOf,
  listRequestIdsAbout,
  markVacuumDue,
  redactMails,
  untieFrozenReportsOf,
} from "@fivefold/db";
import { type EraseOutput, ForbiddenError } from "@fivefold/domain";
import { escapeHtml } from "../../mail/render";
import { auditAs } from "../audit/record";
import { type MemberServiceContext, nowOf, withTransaction } from "../context";
import { reportCache } from "../reports/cache";
import { lockOrganisation, type PersonRow, requireOrgPerson } from "./shared";

export const ERASED_NAME = "Erased person";

export function erasedEmail(personId: string): string {
  return `erased-${personId}@erased.invalid`;
}

export type EraseResult = EraseOutput;

export function erasePerson({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { personId: string };
}): Promise<EraseResult> {
  if (input.personId === ctx.person.id) {
    return Promise.reject(new ForbiddenError("You cannot erase yourself: ask another admin"));
  }
  const erased = withTransaction(ctx, async (ctx): Promise<EraseResult> => {
    await lockOrganisation(ctx);
    const person = await requireOrgPerson(ctx, input.personId);
    if (person.erasedAt) return { erased: true, deleted: { requests: 0, reports: 0, plans: 0, mails: 0 } };
    const deleted = await eraseLocked(ctx, person);
    await auditAs(ctx, "people.erase", { type: "person", id: person.id }, deleted);
    return { erased: true, deleted };
  });
  // Their reports are gone for every reader already (each read asks the database); this process
  // also stops holding their figures. Other processes drop them within the cache's life.
  return erased.then((result) => {
    reportCache.forgetSubject(ctx.org.id, input.personId);
    return result;
  });
}

async function eraseLocked(ctx: MemberServiceContext, person: PersonRow): Promise<EraseResult["deleted"]> {
  const orgId = ctx.org.id;
  const requestIds = await listRequestIdsAbout(ctx.db, orgId, person.id);
  const planIds = await listPlanIdsOf(ctx.db, orgId, person.id);
  // E-mails to them, and e-mails about them (their requests and plans name them).
  const mails = await deleteMailsOfPerson(ctx.db, orgId, {
    id: person.id,
    email: person.email,
    requestIds,
    planIds,
  });
  // Mails to others that still name them (a partner's answer to a plan owner, a requester's name in
  // an invitation) keep their purpose but lose the name.
  await redactNameInMails(ctx, person.name);
  const { reports, plans, requests } = await deleteReportsAbout(ctx, person, requestIds);

  // As a rater for others: their invitations stay exactly as they were (rule 8): turning an open
  // one into "declined" would tell the admin whether they had answered, and a link they hold keeps
  // working until the deadline (ERASURE_ENDS_ANSWERING), so later counts say nothing either.
  // Submitted answers were sealed without a link to them and stay. Drafts never reach the server.

  await deleteGrowthTracesOf(ctx.db, orgId, person.id);
  await deleteOrganisationLinksOf(ctx.db, orgId, person.id);
  await deleteSignIn(ctx.db, orgId, person);
  await anonymisePerson(ctx.db, orgId, person.id, {
    name: ERASED_NAME,
    email: erasedEmail(person.id),
    erasedAt: nowOf(ctx),
  });
  return { requests, reports, plans, mails };
}

/**
 * Reports about them: deleting the requests cascades to invitations, nominations, the sealed
 * envelopes and responses about them, snapshots and the coaching plans grown from them.
 */
async function deleteReportsAbout(ctx: MemberServiceContext, person: PersonRow, requestIds: string[]) {
  const reports = await deleteSnapshotsOf(ctx.db, requestIds);
  // Released cycles' frozen views keep the figures in their cells, tied to nobody (no view moves).
  await untieFrozenReportsOf(ctx.db, ctx.org.id, person.id);
  const plans = await deletePlansOf(ctx.db, ctx.org.id, person.id);
  const requests = await deleteRequests(ctx.db, ctx.org.id, requestIds);
  // The envelopes that went with them leave dead row versions for the vacuum job to clear.
  if (requestIds.length > 0) await markVacuumDue(ctx.db);
  return { reports, plans, requests };
}

/** Replaces a name, as a whole word, in the subject, text and HTML of the organisation's mails. */
function redactNameInMails(ctx: MemberServiceContext, name: string): Promise<void> {
  const word = (value: string) =>
    `(?<![[:alnum:]])${value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![[:alnum:]])`;
  return redactMails(ctx.db, ctx.org.id, { plain: word(name), html: word(escapeHtml(name)) }, ERASED_NAME);
}
