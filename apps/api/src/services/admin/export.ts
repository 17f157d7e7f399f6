// people.export: what Fivefold holds about one person, as JSON (a subject access request). Admins
// may export anyone; everyone may export themself. Reports and plans are included for the person
// themself, or for an admin only where the organisation lets admins read reports (and then only
// the reports the access policy lets them read). Answers the person gave as a rater are sealed
// without a link to them: they cannot be found, so are not here.
import { findOrganisationForExport } from "@fivefold/db";
import { type ExportOutput, ForbiddenError } from "@fivefold/domain";
import { auditAs } from "../audit/record";
import { type MemberServiceContext, nowOf, withTransaction } from "../context";
import {
  feedbackAboutSection,
  feedbackByThemSections,
  growthTracesSections,
  personSection,
  plansSection,
  recordsSections,
  signInSection,
} from "./export-sections";
import { type PersonRow, requireOrgPerson } from "./shared";

const SEALED_NOTE =
  "Answers this person gave as a rater are sealed: stored with no link to them, so they cannot be found or exported.";
const NO_REPORTS_NOTE =
  "Report figures and coaching plan contents are left out: admins of this organisation may not read reports. The person can export their own data to see them.";

export async function exportPerson({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { personId: string };
}): Promise<ExportOutput> {
  const self = input.personId === ctx.person.id;
  if (!self && !ctx.roles.includes("admin")) {
    throw new ForbiddenError("You can export your own data; an admin can export anyone's");
  }
  const exportedAt = nowOf(ctx);
  return withTransaction(ctx, async (ctx) => {
    const person = await requireOrgPerson(ctx, input.personId);
    const org = await findOrganisationForExport(ctx.db, ctx.org.id);
    const withReports = self || Boolean(org?.adminsReadReports);
    const data = await collect(ctx, person, withReports, self);
    await auditAs(ctx, "people.export", { type: "person", id: person.id }, { self, withReports });
    return {
      exportedAt: exportedAt.toISOString(),
      organisation: { id: ctx.org.id, name: org?.name ?? ctx.org.name },
      ...data,
      notes: [SEALED_NOTE, ...(withReports ? [] : [NO_REPORTS_NOTE])],
    };
  });
}

/** Every section, one after the other (a transaction runs one query at a time). */
async function collect(ctx: MemberServiceContext, person: PersonRow, withReports: boolean, self: boolean) {
  return {
    person: await personSection(ctx, person),
    signIn: await signInSection(ctx, person),
    feedbackAboutThem: await feedbackAboutSection(ctx, person, withReports),
    ...(await feedbackByThemSections(ctx, person, self)),
    coachingPlans: await plansSection(ctx, person, withReports),
    ...(await growthTracesSections(ctx, person)),
    ...(await recordsSections(ctx, person, self)),
  };
}
