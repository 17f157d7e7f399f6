// External raters and rule 9 (DESIGN §4): an address a reader of the report or a colleague controls
// is refused; which externals count towards k is decided when the request opens, per group, from
// the organisation's allowed domains and the approvals of admins who do not read the report.
import {
  findAnonymitySettings,
  findPeopleAtDomains,
  listApprovedNominations,
  listExternalNominations,
  setExternalApprover,
} from "@fivefold/db";
import {
  assertNotControlledAddress,
  decideExternalCounting,
  emailDomain,
  ForbiddenError,
  isAnonymousGroup,
  mailboxOf,
  NotFoundError,
  PreconditionFailedError,
  type RaterGroup,
  type RaterWarning,
  externalWarnings as warningsFor,
} from "@fivefold/domain";
import { audit } from "../audit/record";
import { type MemberServiceContext, type ServiceContext, withTransaction } from "../context";
import { loadPerson, loadRequest, readersOf } from "./access";

// The domains to look colleagues up in: Gmail's two names reach one mailbox.
function lookupDomains(emails: readonly string[]): string[] {
  const domains = new Set(emails.map(emailDomain));
  if (domains.has("gmail.com") || domains.has("googlemail.com")) {
    domains.add("gmail.com");
    domains.add("googlemail.com");
  }
  return [...domains];
}

/** Refuses any external address that reaches a reader of the report or a person of the organisation. */
export async function assertExternalsUncontrolled(
  ctx: ServiceContext,
  orgId: string,
  readers: ReadonlySet<string>,
  externals: readonly { email: string; field: string }[],
): Promise<void> {
  if (externals.length === 0) return;
  const colleagues = await findPeopleAtDomains(ctx.db, orgId, lookupDomains(externals.map((e) => e.email)));
  const known = new Map(
    colleagues.map((person) => [
      mailboxOf(person.email),
      { name: person.name, reader: readers.has(person.id) },
    ]),
  );
  assertNotControlledAddress(externals, known);
}

export interface ExternalNomination {
  email: string | null;
  personId: string | null;
  group: RaterGroup;
  externalApprovedById: string | null;
}

/** Which externals count (per group) and what the manager should read about those who do not. */
export async function judgeExternals(
  ctx: ServiceContext,
  orgId: string,
  nominations: readonly ExternalNomination[],
) {
  const settings = await findAnonymitySettings(ctx.db, orgId);
  if (!settings) throw new NotFoundError("Organisation");
  const externals = nominations
    .filter((n): n is ExternalNomination & { email: string } => n.personId === null && n.email !== null)
    .map((n) => ({ email: n.email, group: n.group, approved: n.externalApprovedById !== null }));
  const { verdicts, externalsCount } = decideExternalCounting(externals, settings.externalRaterDomains);
  const counts = (rater: { personId: string | null; group: RaterGroup }) =>
    rater.personId !== null || !isAnonymousGroup(rater.group) || externalsCount[rater.group];
  return { counts, warnings: warningsFor(verdicts) };
}

/** The nominations of a request that are approved, as rule 9 reads them. */
export function approvedNominations(
  ctx: ServiceContext,
  request: { id: string; orgId: string },
): Promise<ExternalNomination[]> {
  return listApprovedNominations(ctx.db, request.orgId, request.id);
}

/**
 * An admin who does not read the report vouches for an external address of a draft request, so it
 * counts towards k once the request opens (if every other external of its group counts too).
 */
export function approveExternal({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { requestId: string; email: string };
}) {
  return withTransaction(ctx, async (ctx) => {
    const request = await loadRequest(ctx, ctx.org.id, input.requestId, "update");
    if (request.state !== "draft") {
      throw new PreconditionFailedError(
        "External raters can only be approved while the request is a draft: whether they count is fixed when it opens",
      );
    }
    const subject = await loadPerson(ctx, ctx.org.id, request.subjectId);
    const readers = await readersOf(ctx, ctx.org.id, request, subject);
    if (readers.has(ctx.person.id)) {
      throw new ForbiddenError(
        "You will be able to read this report, so you cannot vouch for its raters: ask an admin who will not read it",
      );
    }
    const wanted = mailboxOf(input.email);
    const externals = await listExternalNominations(ctx.db, ctx.org.id, request.id);
    const nomination = externals.find((n) => n.email !== null && mailboxOf(n.email) === wanted);
    if (!nomination) throw new NotFoundError(`An external rater ${input.email.trim()} on this request`);
    await setExternalApprover(ctx.db, ctx.org.id, nomination.id, ctx.person.id);
    await audit(
      ctx.db,
      ctx,
      "requests.approveExternal",
      { type: "feedback_request", id: request.id },
      { domain: emailDomain(nomination.email ?? "") },
    );
    const { warnings } = await judgeExternals(ctx, ctx.org.id, await approvedNominations(ctx, request));
    return { approved: true as const, warnings: warnings satisfies RaterWarning[] };
  });
}
