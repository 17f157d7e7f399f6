// The check-in reminder job: "check-in due" to the owner on the due day, "check-in overdue" to the
// owner and the accepted lead once the grace period has passed. Each goes once per due day and
// recipient: the outbox row's meta records the plan and the day, and is looked up before sending.
// Each plan is claimed FOR UPDATE SKIP LOCKED, so several API processes never send twice.
import {
  type CoachingPlanRow,
  claimActivePlan,
  type Database,
  type Executor,
  listActivePlanIdsAfter,
  listCheckinTimes,
  listPlanPartnerships,
  outboxHasMail,
} from "@fivefold/db";
import { type CheckinReminder, checkinReminders, checkinTimeline } from "@fivefold/domain";
import { checkinDueMail, checkinOverdueMail } from "../../mail/grow";
import { mailLanguageOf } from "../../mail/i18n";
import { enqueueMail } from "../../mail/outbox";
import { nowOf, type ServiceContext } from "../context";

export interface SentReminder {
  planId: string;
  kind: "due" | "overdue";
  dueOn: string;
  to: string;
}

/** What the job needs: no caller, only the database, the clock and the app's address for links. */
export type ReminderJobContext = Pick<ServiceContext, "appUrl" | "now"> & { db: Database };

/**
 * One pass over every active plan, a page of ids at a time. Each plan is reminded in its own
 * transaction, so a plan held by another process (or a failure) does not hold up the others.
 */
export async function sendCheckinReminders({
  ctx,
  input = {},
}: {
  ctx: ReminderJobContext;
  input?: { batch?: number };
}): Promise<SentReminder[]> {
  const sent: SentReminder[] = [];
  const batch = input.batch ?? 100;
  const now = nowOf(ctx);
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const ids = await listActivePlanIdsAfter(ctx.db, after, batch);
    for (const id of ids) {
      sent.push(...(await ctx.db.transaction((tx) => remindPlan({ db: tx, appUrl: ctx.appUrl, now }, id))));
    }
    const last = ids.at(-1);
    if (!last || ids.length < batch) break;
    after = last;
  }
  return sent;
}

interface PlanReminderContext {
  db: Executor;
  appUrl: string;
  now: Date;
}

async function remindPlan(ctx: PlanReminderContext, planId: string): Promise<SentReminder[]> {
  const row = await claimActivePlan(ctx.db, planId);
  // Deactivated people get no more reminders, about their own plan or as a lead.
  if (!row?.subject.active) return [];
  const { plan, subject } = row;
  const times = (await listCheckinTimes(ctx.db, plan.orgId, [plan.id])).get(plan.id) ?? [];
  const reminders = checkinReminders(
    checkinTimeline({
      start: plan.startsOn,
      end: plan.endsOn,
      cadence: plan.cadence,
      checkins: times,
      now: ctx.now,
    }),
  );
  if (reminders.length === 0) return [];
  const lead = (await listPlanPartnerships(ctx.db, plan.orgId, [plan.id])).find(
    (m) => m.role === "lead" && m.state === "accepted" && m.active,
  );
  const sent: SentReminder[] = [];
  for (const reminder of reminders) {
    const recipients = [
      { email: subject.email, isSubject: true },
      ...(reminder.kind === "overdue" && lead ? [{ email: lead.email, isSubject: false }] : []),
    ];
    for (const recipient of recipients) {
      if (await sendReminder(ctx, { plan, subjectName: subject.name, reminder, recipient })) {
        sent.push({ planId: plan.id, kind: reminder.kind, dueOn: reminder.dueOn, to: recipient.email });
      }
    }
  }
  return sent;
}

/** Queues one reminder unless this recipient already has it for this due day; true when queued. */
async function sendReminder(
  ctx: PlanReminderContext,
  input: {
    plan: CoachingPlanRow;
    subjectName: string;
    reminder: CheckinReminder;
    recipient: { email: string; isSubject: boolean };
  },
): Promise<boolean> {
  const { plan, reminder, recipient } = input;
  const template = reminder.kind === "due" ? "checkin_due" : "checkin_overdue";
  const meta = { planId: plan.id, dueOn: reminder.dueOn };
  if (await outboxHasMail(ctx.db, { orgId: plan.orgId, template, to: recipient.email, meta })) return false;
  const link = `${ctx.appUrl}/plans/${plan.id}`;
  const language = await mailLanguageOf(ctx.db, plan.orgId, recipient.email);
  await enqueueMail(ctx.db, {
    orgId: plan.orgId,
    template,
    to: recipient.email,
    meta,
    ...(reminder.kind === "due"
      ? checkinDueMail({ language, dueOn: reminder.dueOn, link })
      : checkinOverdueMail({
          language,
          subjectName: input.subjectName,
          isSubject: recipient.isSubject,
          dueOn: reminder.dueOn,
          link,
        })),
  });
  return true;
}
