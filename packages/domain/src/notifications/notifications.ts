// What needs me now, for the bell in the shell (issue 18): derived from the state that also sends
// the e-mails (invitations, nominations, partner invitations, check-ins due, released reports), so
// there is no second source of truth. Nothing here says who answered: only what is mine to do or read.

export type NotificationKind = "invitation" | "nominations" | "partner" | "checkin" | "report";

/** What the sentence says, as data: each language writes it from this (the web's `shell:bell.says`). */
export const NOTIFICATION_MESSAGES = [
  "invitation.self",
  "invitation.other",
  "nominations",
  "partner.lead",
  "partner.support",
  "checkin.overdue",
  "checkin.due",
  "report",
] as const;
export type NotificationMessage = {
  code: (typeof NOTIFICATION_MESSAGES)[number];
  /** The person it is about (the subject, the plan's owner), when there is one. */
  name?: string;
  /** How many (raters proposed), when it counts. */
  count?: number;
};

export interface Notification {
  /** Stable per event: a new event (another due day, more nominations) gets a new key. */
  key: string;
  kind: NotificationKind;
  /** One sentence, in the product's words (English). */
  text: string;
  message: NotificationMessage;
  /** The in-app path that deals with it. */
  href: string;
  /** ISO day or time the event dates from, for ordering. */
  at: string;
  read: boolean;
}

/** What the bell is built from: each source already filtered to the caller. */
export interface NotificationSources {
  invitations: readonly { invitationId: string; subjectName: string; isSelf: boolean; deadline: string }[];
  nominations: readonly { requestId: string; subjectName: string; pending: number; at: string }[];
  partnerInvitations: readonly {
    partnershipId: string;
    planId: string;
    ownerName: string;
    role: "partner" | "lead";
    invitedAt: string;
  }[];
  checkins: readonly { planId: string; dueOn: string; overdue: boolean }[];
  reports: readonly { requestId: string; releasedAt: string }[];
  /** Keys the caller has opened or dismissed. */
  read: ReadonlySet<string>;
}

/** The most the bell lists; older events stay where they live (inbox, reports, plans). */
export const NOTIFICATION_LIMIT = 30;

export function notificationKey(kind: NotificationKind, ...parts: readonly (string | number)[]): string {
  return [kind, ...parts].join(":");
}

/** The bell's list, unread first, then newest first. */
export function buildNotifications(sources: NotificationSources): Notification[] {
  const items: Omit<Notification, "read">[] = [
    ...sources.invitations.map((i) => ({
      key: notificationKey("invitation", i.invitationId),
      kind: "invitation" as const,
      text: i.isSelf
        ? "Rate yourself: your own view goes beside your raters'."
        : `Give feedback on ${i.subjectName}.`,
      message: i.isSelf
        ? { code: "invitation.self" as const }
        : { code: "invitation.other" as const, name: i.subjectName },
      href: `/feedback/${i.invitationId}`,
      at: i.deadline,
    })),
    ...sources.nominations
      .filter((n) => n.pending > 0)
      .map((n) => ({
        key: notificationKey("nominations", n.requestId, n.pending),
        kind: "nominations" as const,
        text: `${n.subjectName} proposed ${n.pending === 1 ? "a rater" : `${n.pending} raters`} for you to approve.`,
        message: { code: "nominations" as const, name: n.subjectName, count: n.pending },
        href: `/requests/${n.requestId}`,
        at: n.at,
      })),
    ...sources.partnerInvitations.map((p) => ({
      key: notificationKey("partner", p.partnershipId),
      kind: "partner" as const,
      text: `${p.ownerName} asks you to ${p.role === "lead" ? "lead" : "support"} their coaching plan.`,
      message: {
        code: p.role === "lead" ? ("partner.lead" as const) : ("partner.support" as const),
        name: p.ownerName,
      },
      href: "/support",
      at: p.invitedAt,
    })),
    ...sources.checkins.map((c) => ({
      key: notificationKey("checkin", c.planId, c.dueOn),
      kind: "checkin" as const,
      text: c.overdue
        ? "A check-in on your plan is overdue: how is it going?"
        : "A check-in on your plan is due today.",
      message: { code: c.overdue ? ("checkin.overdue" as const) : ("checkin.due" as const) },
      href: `/plans/${c.planId}`,
      at: c.dueOn,
    })),
    ...sources.reports.map((r) => ({
      key: notificationKey("report", r.requestId),
      kind: "report" as const,
      text: "Your feedback report is released: read it and choose what to work on.",
      message: { code: "report" as const },
      href: `/reports/${r.requestId}`,
      at: r.releasedAt,
    })),
  ];
  return items
    .map((item) => ({ ...item, read: sources.read.has(item.key) }))
    .sort((a, b) => Number(a.read) - Number(b.read) || (a.at < b.at ? 1 : a.at > b.at ? -1 : 0))
    .slice(0, NOTIFICATION_LIMIT);
}
