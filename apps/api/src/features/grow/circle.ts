// The support circle: suggestions from colleagues who opted in, invitations, answers, and the
// plans I support. Invitees see the plan (never the report) so they can decide.
import {
  type Executor,
  findCoachingPlan,
  latestReleasedSnapshots,
  listCheckinTimes,
  listOptedInPeople,
  listPlanPartnerships,
  schema,
} from "@fivefold/db";
import {
  assertCanLeave,
  assertPlanEditable,
  ConflictError,
  canInvite,
  type DimensionKey,
  getInstrument,
  InvalidInputError,
  isDimensionKey,
  NotFoundError,
  type PartnerRole,
  PreconditionFailedError,
  partnerProfile,
  suggestPartners,
} from "@fivefold/domain";
import { and, desc, eq, ne } from "drizzle-orm";
import { circleChangeMail, partnerInvitationMail, partnerResponseMail } from "../../mail/grow";
import { enqueueMail } from "../../mail/outbox";
import type { MemberContext } from "../../trpc/context";
import { accessPlan, requireOwner, requireOwnerOrCoach } from "./access";
import { contentOf } from "./content";
import { parseSnapshot } from "./report";
import { scheduleOf } from "./view";

const dimensionNames = (): Record<DimensionKey, string> =>
  Object.fromEntries(getInstrument().dimensions.map((d) => [d.key, d.name])) as Record<DimensionKey, string>;

export async function suggestPlanPartners(ctx: MemberContext, planId: string, role: PartnerRole = "partner") {
  const access = await accessPlan(ctx, planId);
  requireOwnerOrCoach(access, "look for partners");
  assertPlanEditable(access.plan.state);
  const circle = new Set((await listPlanPartnerships(ctx.db, ctx.org.id, [planId])).map((m) => m.personId));
  // Anyone already asked (declined included: they said no) is not suggested again.
  const people = (await listOptedInPeople(ctx.db, ctx.org.id)).filter((p) => !circle.has(p.personId));
  const snapshots = await latestReleasedSnapshots(
    ctx.db,
    ctx.org.id,
    people.map((p) => p.personId),
  );
  return suggestPartners({
    subjectId: access.plan.subjectId,
    subjectDirectReportIds: people
      .filter((p) => p.managerId === access.plan.subjectId)
      .map((p) => p.personId),
    focus: contentOf(access.plan).focus,
    role,
    dimensionNames: dimensionNames(),
    candidates: people.map((p) => ({
      personId: p.personId,
      name: p.name,
      optIn: true,
      optInDimensions: p.dimensions.filter(isDimensionKey),
      profile: partnerProfile(parseSnapshot(snapshots.get(p.personId))),
    })),
  });
}

export async function invitePartner(
  ctx: MemberContext,
  input: { planId: string; personId: string; role: PartnerRole },
) {
  return ctx.db.transaction(async (tx) => {
    const access = await accessPlan(ctx, input.planId, { db: tx, lock: "update" });
    requireOwner(access, "invite partners");
    assertPlanEditable(access.plan.state);
    const [person] = await tx
      .select()
      .from(schema.people)
      .where(and(eq(schema.people.orgId, ctx.org.id), eq(schema.people.id, input.personId)));
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
    const members = await listPlanPartnerships(tx, ctx.org.id, [input.planId]);
    const existing = members.find((m) => m.personId === person.id);
    if (existing && existing.state !== "declined") {
      throw new ConflictError(`${person.name} is already in your support circle`);
    }
    const others = members.filter((m) => m.personId !== person.id);
    if (!canInvite(others, input.role)) {
      throw new PreconditionFailedError(
        input.role === "lead"
          ? "Your circle already has an accountability lead"
          : "Your circle already has the most partners it can have (5)",
      );
    }
    const now = new Date();
    let partnershipId: string;
    if (existing) {
      // Asking again after a "no": the same row starts over as a fresh invitation.
      await tx
        .update(schema.partnerships)
        .set({ role: input.role, state: "invited", invitedAt: now, respondedAt: null })
        .where(eq(schema.partnerships.id, existing.id));
      partnershipId = existing.id;
    } else {
      const [row] = await tx
        .insert(schema.partnerships)
        .values({
          orgId: ctx.org.id,
          planId: input.planId,
          personId: person.id,
          role: input.role,
          invitedAt: now,
        })
        .returning({ id: schema.partnerships.id });
      if (!row) throw new Error("partnership insert returned nothing");
      partnershipId = row.id;
    }
    const names = dimensionNames();
    const content = contentOf(access.plan);
    await enqueueMail(tx, {
      orgId: ctx.org.id,
      template: "partner_invitation",
      to: person.email,
      meta: { planId: input.planId, partnershipId },
      ...partnerInvitationMail({
        subjectName: ctx.person.name,
        role: input.role,
        focusNames: content.focus.map((key) => names[key]),
        wish: content.woop.wish,
        link: `${ctx.appUrl}/support`,
      }),
    });
    return { partnershipId };
  });
}

export async function respondToInvitation(ctx: MemberContext, partnershipId: string, accept: boolean) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({
        partnership: schema.partnerships,
        plan: schema.coachingPlans,
        ownerEmail: schema.people.email,
      })
      .from(schema.partnerships)
      .innerJoin(schema.coachingPlans, eq(schema.coachingPlans.id, schema.partnerships.planId))
      .innerJoin(schema.people, eq(schema.people.id, schema.coachingPlans.subjectId))
      .where(
        and(
          eq(schema.partnerships.orgId, ctx.org.id),
          eq(schema.partnerships.id, partnershipId),
          eq(schema.partnerships.personId, ctx.person.id),
        ),
      )
      .for("update", { of: schema.partnerships });
    if (!row) throw new NotFoundError("Invitation");
    if (row.plan.state === "closed") throw new PreconditionFailedError("This plan is closed");
    if (row.partnership.state !== "invited") {
      throw new ConflictError(`You already ${row.partnership.state} this invitation`);
    }
    const state = accept ? ("accepted" as const) : ("declined" as const);
    await tx
      .update(schema.partnerships)
      .set({ state, respondedAt: new Date() })
      .where(eq(schema.partnerships.id, partnershipId));
    await enqueueMail(tx, {
      orgId: ctx.org.id,
      template: "partner_response",
      to: row.ownerEmail,
      meta: { planId: row.plan.id, partnershipId },
      ...partnerResponseMail({
        partnerName: ctx.person.name,
        role: row.partnership.role,
        accepted: accept,
        link: `${ctx.appUrl}/plans/${row.plan.id}`,
      }),
    });
    return { state };
  });
}

/** The owner takes someone out of their circle (an open invitation, a "no" or a member). */
export async function removePartner(ctx: MemberContext, partnershipId: string) {
  return ctx.db.transaction(async (tx) => {
    const { planId } = (await loadPartnership(tx, ctx, partnershipId)).partnership;
    const access = await accessPlan(ctx, planId, { db: tx, lock: "update" });
    requireOwner(access, "change the support circle");
    assertPlanEditable(access.plan.state);
    const row = await loadPartnership(tx, ctx, partnershipId, "update");
    await tx.delete(schema.partnerships).where(eq(schema.partnerships.id, partnershipId));
    if (row.partnership.state !== "declined") {
      await enqueueMail(tx, {
        orgId: ctx.org.id,
        template: "partner_removed",
        to: row.member.email,
        meta: { planId, personId: row.member.id },
        ...circleChangeMail({
          change: "removed",
          ownerName: ctx.person.name,
          role: row.partnership.role,
          link: `${ctx.appUrl}/support`,
        }),
      });
    }
    return { removed: true as const };
  });
}

/** A member steps down from a circle they joined; the owner hears about it. */
export async function leaveCircle(ctx: MemberContext, partnershipId: string) {
  return ctx.db.transaction(async (tx) => {
    const { planId } = (await loadPartnership(tx, ctx, partnershipId)).partnership;
    const plan = await findCoachingPlan(tx, ctx.org.id, planId, "update");
    if (!plan) throw new NotFoundError("Coaching plan");
    const row = await loadPartnership(tx, ctx, partnershipId, "update");
    if (row.member.id !== ctx.person.id) throw new NotFoundError("Partnership");
    assertPlanEditable(plan.state);
    assertCanLeave(row.partnership.state);
    await tx.delete(schema.partnerships).where(eq(schema.partnerships.id, partnershipId));
    const [owner] = await tx
      .select({ email: schema.people.email })
      .from(schema.people)
      .where(eq(schema.people.id, plan.subjectId));
    if (owner) {
      await enqueueMail(tx, {
        orgId: ctx.org.id,
        template: "partner_left",
        to: owner.email,
        meta: { planId, personId: ctx.person.id },
        ...circleChangeMail({
          change: "left",
          memberName: ctx.person.name,
          role: row.partnership.role,
          link: `${ctx.appUrl}/plans/${planId}`,
        }),
      });
    }
    return { left: true as const };
  });
}

/**
 * A partnership with its member. Locking callers lock the plan first, as every plan change does,
 * and the partnership after: one order for all, so none deadlocks.
 */
async function loadPartnership(tx: Executor, ctx: MemberContext, partnershipId: string, lock?: "update") {
  const query = tx
    .select({ partnership: schema.partnerships, member: schema.people })
    .from(schema.partnerships)
    .innerJoin(schema.people, eq(schema.people.id, schema.partnerships.personId))
    .where(and(eq(schema.partnerships.orgId, ctx.org.id), eq(schema.partnerships.id, partnershipId)));
  const [row] = await (lock ? query.for("update", { of: schema.partnerships }) : query);
  if (!row) throw new NotFoundError("Partnership");
  return row;
}

/** Plans I was asked to support (invitations still open, and those I accepted), newest first. */
export async function listSupportedPlans(ctx: MemberContext, now = new Date()) {
  const rows = await ctx.db
    .select({ partnership: schema.partnerships, plan: schema.coachingPlans, subjectName: schema.people.name })
    .from(schema.partnerships)
    .innerJoin(schema.coachingPlans, eq(schema.coachingPlans.id, schema.partnerships.planId))
    .innerJoin(schema.people, eq(schema.people.id, schema.coachingPlans.subjectId))
    .where(
      and(
        eq(schema.partnerships.orgId, ctx.org.id),
        eq(schema.partnerships.personId, ctx.person.id),
        ne(schema.partnerships.state, "declined"),
      ),
    )
    .orderBy(desc(schema.partnerships.invitedAt), desc(schema.partnerships.id));
  const times = await listCheckinTimes(
    ctx.db,
    ctx.org.id,
    rows.map((row) => row.plan.id),
  );
  return rows.map(({ partnership, plan, subjectName }) => {
    const content = contentOf(plan);
    const planTimes = times.get(plan.id) ?? [];
    return {
      partnershipId: partnership.id,
      role: partnership.role,
      state: partnership.state,
      invitedAt: partnership.invitedAt.toISOString(),
      respondedAt: partnership.respondedAt?.toISOString() ?? null,
      plan: {
        id: plan.id,
        state: plan.state,
        subject: { id: plan.subjectId, name: subjectName },
        focus: content.focus,
        strength: content.strength,
        wish: content.woop.wish,
        progress: plan.progress,
        cadence: plan.cadence,
        startsOn: plan.startsOn,
        endsOn: plan.endsOn,
        lastCheckinAt: planTimes.at(-1)?.toISOString() ?? null,
        nextCheckin: scheduleOf(plan, planTimes, now).next,
      },
    };
  });
}
