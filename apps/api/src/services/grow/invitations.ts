// Invitations into a support circle: the owner invites a colleague as partner or lead; the
// invitee accepts or declines. Invitees see the plan (never the report) so they can decide.
import {
  answerPartnership,
  findInvitationToAnswer,
  findPersonToInvite,
  insertPartnership,
  listPlanPartnerships,
  reopenPartnership,
} from "@fivefold/db";
import {
  type AnswerInvitationInput,
  assertPlanEditable,
  ConflictError,
  canInvite,
  InvalidInputError,
  type InvitePartnerInput,
  NotFoundError,
  PreconditionFailedError,
} from "@fivefold/domain";
import { partnerInvitationMail, partnerResponseMail } from "../../mail/grow";
import { mailLanguageOf } from "../../mail/i18n";
import { enqueueMail } from "../../mail/outbox";
import { type MemberServiceContext, nowOf, withTransaction } from "../context";
import { accessPlan, type PlanAccess, requireOwner } from "./access";
import type { MemberCall } from "./call";
import { contentOf } from "./content";

export async function invitePartner({ ctx, input }: MemberCall<InvitePartnerInput>) {
  return withTransaction(ctx, async (ctx) => {
    const access = await accessPlan(ctx, input.planId, "update");
    requireOwner(access, "invite");
    assertPlanEditable(access.plan.state);
    const person = await inviteeOf(ctx, access, input);
    const partnershipId = await savePartnership(ctx, input, person);
    await mailInvitation(ctx, access, { ...input, partnershipId, email: person.email });
    return { partnershipId };
  });
}

/** The colleague to invite, once it is clear they may be asked in this role. */
async function inviteeOf(ctx: MemberServiceContext, access: PlanAccess, input: InvitePartnerInput) {
  const person = await findPersonToInvite(ctx.db, ctx.org.id, input.personId);
  if (!person?.active) throw new NotFoundError("Person");
  if (person.id === access.plan.subjectId) {
    throw new InvalidInputError("You support your own plan already: invite a colleague", {
      personId: "Choose someone else",
    });
  }
  if (input.role === "lead" && person.managerId === access.plan.subjectId) {
    throw new InvalidInputError(
      "A direct report cannot be your accountability lead: invite them as a partner",
      {
        role: "Choose a partner role, or another lead",
      },
    );
  }
  return person;
}

/** The partnership row of the invitation: a new one, or a "no" asked again. */
async function savePartnership(
  ctx: MemberServiceContext,
  input: InvitePartnerInput,
  person: { id: string; name: string },
): Promise<string> {
  const personId = person.id;
  const members = await listPlanPartnerships(ctx.db, ctx.org.id, [input.planId]);
  const existing = members.find((m) => m.personId === personId);
  if (existing && existing.state !== "declined") {
    throw new ConflictError(`${person.name} is already in your support circle`);
  }
  const others = members.filter((m) => m.personId !== personId);
  if (!canInvite(others, input.role)) {
    throw new PreconditionFailedError(
      input.role === "lead"
        ? "Your circle already has an accountability lead"
        : "Your circle already has the most partners it can have (5)",
    );
  }
  const invitedAt = nowOf(ctx);
  if (existing) {
    // Asking again after a "no": the same row starts over as a fresh invitation.
    await reopenPartnership(ctx.db, ctx.org.id, existing.id, { role: input.role, invitedAt });
    return existing.id;
  }
  return insertPartnership(ctx.db, {
    orgId: ctx.org.id,
    planId: input.planId,
    personId,
    role: input.role,
    invitedAt,
  });
}

async function mailInvitation(
  ctx: MemberServiceContext,
  access: PlanAccess,
  invitation: InvitePartnerInput & { partnershipId: string; email: string },
): Promise<void> {
  const content = contentOf(access.plan);
  await enqueueMail(ctx.db, {
    orgId: ctx.org.id,
    template: "partner_invitation",
    to: invitation.email,
    meta: { planId: invitation.planId, partnershipId: invitation.partnershipId },
    ...partnerInvitationMail({
      language: await mailLanguageOf(ctx.db, ctx.org.id, invitation.email),
      subjectName: ctx.person.name,
      role: invitation.role,
      focus: content.focus,
      wish: content.woop.wish,
      link: `${ctx.appUrl}/support`,
    }),
  });
}

export async function respondToInvitation({ ctx, input }: MemberCall<AnswerInvitationInput>) {
  return withTransaction(ctx, async (ctx) => {
    const row = await findInvitationToAnswer(ctx.db, ctx.org.id, input.partnershipId, ctx.person.id);
    if (!row) throw new NotFoundError("Invitation");
    if (row.plan.state === "closed") throw new PreconditionFailedError("This plan is closed");
    if (row.partnership.state !== "invited") {
      throw new ConflictError(
        row.partnership.state === "accepted"
          ? "You already accepted this invitation"
          : "You already declined this invitation",
      );
    }
    const state = input.accept ? ("accepted" as const) : ("declined" as const);
    await answerPartnership(ctx.db, ctx.org.id, input.partnershipId, { state, respondedAt: nowOf(ctx) });
    await enqueueMail(ctx.db, {
      orgId: ctx.org.id,
      template: "partner_response",
      to: row.ownerEmail,
      meta: { planId: row.plan.id, partnershipId: input.partnershipId },
      ...partnerResponseMail({
        language: await mailLanguageOf(ctx.db, ctx.org.id, row.ownerEmail),
        partnerName: ctx.person.name,
        role: row.partnership.role,
        accepted: input.accept,
        link: `${ctx.appUrl}/plans/${row.plan.id}`,
      }),
    });
    return { state };
  });
}
