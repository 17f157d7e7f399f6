// The bell (issue 18): what needs the caller now, built from the lists that already exist for
// each event (the inbox, the requests they manage, the plans they were asked to support, their own
// plans and reports), so the bell and the e-mails never disagree. Only read marks are stored.
import { insertNotificationReads, listReadNotificationKeys } from "@fivefold/db";
import {
  buildNotifications,
  type NotificationSources,
  type NotificationsMarkReadInput,
} from "@fivefold/domain";
import { listRequests } from "../collect/progress";
import { listInbox } from "../collect/responses";
import { type MemberServiceContext, nowOf, withTransaction } from "../context";
import { listPlans } from "../grow/plans";
import { listSupportedPlans } from "../grow/supported";
import { listReports } from "../reports";

async function sourcesOf(ctx: MemberServiceContext): Promise<Omit<NotificationSources, "read">> {
  const [inbox, requests, supported, plans, reports] = await Promise.all([
    listInbox({ ctx }),
    listRequests({ ctx }),
    listSupportedPlans({ ctx }),
    listPlans({ ctx }),
    listReports({ ctx }),
  ]);
  return {
    invitations: inbox
      .filter((i) => i.state === "pending")
      .map((i) => ({
        invitationId: i.invitationId,
        subjectName: i.subject.name,
        isSelf: i.group === "self",
        deadline: i.deadline,
      })),
    nominations: requests
      .filter((r) => r.role === "manager" && (r.state === "draft" || r.state === "open"))
      .map((r) => ({
        requestId: r.id,
        subjectName: r.subject.name,
        pending: r.pendingNominations ?? 0,
        at: r.createdAt,
      })),
    partnerInvitations: supported
      .filter((s) => s.state === "invited" && s.plan.state !== "closed")
      .map((s) => ({
        partnershipId: s.partnershipId,
        planId: s.plan.id,
        ownerName: s.plan.subject.name,
        role: s.role,
        invitedAt: s.invitedAt,
      })),
    checkins: plans.flatMap((p) =>
      p.relation === "owner" && p.nextCheckin && p.nextCheckin.status !== "upcoming"
        ? [{ planId: p.id, dueOn: p.nextCheckin.dueOn, overdue: p.nextCheckin.status === "overdue" }]
        : [],
    ),
    reports: reports
      .filter((r) => r.relation === "self")
      .map((r) => ({ requestId: r.requestId, releasedAt: r.releasedAt })),
  };
}

/** Everything in the bell, unread first. */
async function currentNotifications(ctx: MemberServiceContext) {
  const sources = await sourcesOf(ctx);
  const unreadProbe = buildNotifications({ ...sources, read: new Set() });
  const read = await listReadNotificationKeys(
    ctx.db,
    ctx.org.id,
    ctx.person.id,
    unreadProbe.map((n) => n.key),
  );
  return buildNotifications({ ...sources, read });
}

export async function listNotifications({ ctx }: { ctx: MemberServiceContext }) {
  const items = await currentNotifications(ctx);
  return { unread: items.filter((n) => !n.read).length, items };
}

/**
 * Marks the caller's notifications read. Only keys in their bell now are written: a made-up key
 * writes nothing, so the table holds no more than the caller's own events.
 */
export function markNotificationsRead({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: NotificationsMarkReadInput;
}) {
  return withTransaction(ctx, async (ctx) => {
    const mine = new Set((await currentNotifications(ctx)).map((n) => n.key));
    const keys = [...new Set(input.keys)].filter((key) => mine.has(key));
    const marked = await insertNotificationReads(ctx.db, {
      orgId: ctx.org.id,
      personId: ctx.person.id,
      keys,
      readAt: nowOf(ctx),
    });
    return { marked };
  });
}
