// The check-in reminder job: "check-in due" to the owner on the due day, "check-in overdue" to the
// owner and the accepted lead once the grace period has passed. Each goes once per due day and
// recipient: the outbox row's meta records the plan and the day, and is looked up before sending.
// Each plan is claimed FOR UPDATE SKIP LOCKED, so several API processes never send twice.
import { type Database, listCheckinTimes, listPlanPartnerships, outboxHasMail, schema } from "@fivefold/db";
import { checkinReminders, checkinTimeline } from "@fivefold/domain";
import { and, asc, eq, gt } from "drizzle-orm";
import { checkinDueMail, checkinOverdueMail } from "../../mail/grow";
import { enqueueMail } from "../../mail/outbox";

export interface SentReminder {
  planId: string;
  kind: "due" | "overdue";
  dueOn: string;
  to: string;
}

export async function sendCheckinReminders(
  db: Database,
  options: { now: Date; appUrl: string; batch?: number },
): Promise<SentReminder[]> {
  const sent: SentReminder[] = [];
  const batch = options.batch ?? 100;
  let after = "00000000-0000-0000-0000-000000000000";
  for (;;) {
    const ids = await db
      .select({ id: schema.coachingPlans.id })
      .from(schema.coachingPlans)
      .where(and(eq(schema.coachingPlans.state, "active"), gt(schema.coachingPlans.id, after)))
      .orderBy(asc(schema.coachingPlans.id))
      .limit(batch);
    for (const { id } of ids) sent.push(...(await remindPlan(db, id, options)));
    const last = ids.at(-1);
    if (!last || ids.length < batch) break;
    after = last.id;
  }
  return sent;
}

async function remindPlan(db: Database, planId: string, options: { now: Date; appUrl: string }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ plan: schema.coachingPlans, subject: schema.people })
      .from(schema.coachingPlans)
      .innerJoin(schema.people, eq(schema.people.id, schema.coachingPlans.subjectId))
      .where(and(eq(schema.coachingPlans.id, planId), eq(schema.coachingPlans.state, "active")))
      .for("update", { of: schema.coachingPlans, skipLocked: true });
    // Deactivated people get no more reminders, about their own plan or as a lead.
    if (!row?.subject.active) return [];
    const { plan, subject } = row;
    const times = (await listCheckinTimes(tx, plan.orgId, [plan.id])).get(plan.id) ?? [];
    const reminders = checkinReminders(
      checkinTimeline({
        start: plan.startsOn,
        end: plan.endsOn,
        cadence: plan.cadence,
        checkins: times,
        now: options.now,
      }),
    );
    if (reminders.length === 0) return [];
    const lead = (await listPlanPartnerships(tx, plan.orgId, [plan.id])).find(
      (m) => m.role === "lead" && m.state === "accepted" && m.active,
    );
    const sent: SentReminder[] = [];
    for (const reminder of reminders) {
      const recipients =
        reminder.kind === "due"
          ? [{ email: subject.email, isSubject: true }]
          : [
              { email: subject.email, isSubject: true },
              ...(lead ? [{ email: lead.email, isSubject: false }] : []),
            ];
      for (const recipient of recipients) {
        const template = reminder.kind === "due" ? "checkin_due" : "checkin_overdue";
        const meta = { planId: plan.id, dueOn: reminder.dueOn };
        if (await outboxHasMail(tx, { orgId: plan.orgId, template, to: recipient.email, meta })) continue;
        const link = `${options.appUrl}/plans/${plan.id}`;
        await enqueueMail(tx, {
          orgId: plan.orgId,
          template,
          to: recipient.email,
          meta,
          ...(reminder.kind === "due"
            ? checkinDueMail({ dueOn: reminder.dueOn, link })
            : checkinOverdueMail({
                subjectName: subject.name,
                isSubject: recipient.isSubject,
                dueOn: reminder.dueOn,
                link,
              })),
        });
        sent.push({ planId: plan.id, kind: reminder.kind, dueOn: reminder.dueOn, to: recipient.email });
      }
    }
    return sent;
  });
}
