// The reminder job: once per request, `reminderDays` days before its deadline, each rater who has
// not answered gets an e-mail of their own with a fresh one-time link. Nobody else is told who was
// reminded: not the manager, not the audit log (which records only that reminders went out).
// Requests are claimed FOR UPDATE SKIP LOCKED and marked remindedAt in the same transaction, so
// several API processes never remind twice.
import { type Database, schema, type Transaction } from "@fivefold/db";
import { reminderDue } from "@fivefold/domain";
import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { enqueueMail } from "../../mail/outbox";
import { reminderMail } from "../../mail/templates";
import { recordAudit } from "../audit/record";
import { newToken } from "../collect/tokens";

export async function sendDueReminders(
  db: Database,
  options: { now: Date; appUrl: string; limit?: number },
): Promise<Array<{ requestId: string; reminded: number }>> {
  const done: Array<{ requestId: string; reminded: number }> = [];
  const now = options.now.toISOString();
  for (let i = 0; i < (options.limit ?? 100); i++) {
    const result = await db.transaction(async (tx) => {
      const r = schema.feedbackRequests;
      const reminderDays = sql`(select ${schema.organisations.reminderDays} from ${schema.organisations} where ${schema.organisations.id} = ${r.orgId})`;
      const [request] = await tx
        .select({ request: r, reminderDays: sql<number>`${reminderDays}` })
        .from(r)
        .where(
          and(
            eq(r.state, "open"),
            isNull(r.remindedAt),
            gt(r.deadline, sql`${now}::timestamptz`),
            sql`${reminderDays} > 0`,
            sql`${r.deadline} - ${reminderDays} * interval '1 day' <= ${now}::timestamptz`,
            sql`${r.openedAt} <= ${now}::timestamptz - interval '1 day'`,
          ),
        )
        .orderBy(r.deadline)
        .limit(1)
        .for("update", { skipLocked: true });
      if (!request) return null;
      // The SQL above finds candidates; the domain's rule decides.
      if (!reminderDue(request.request, request.reminderDays, options.now)) {
        await tx.update(r).set({ remindedAt: options.now }).where(eq(r.id, request.request.id));
        return { requestId: request.request.id, reminded: 0 };
      }
      const reminded = await remindLocked(tx, request.request, options);
      return { requestId: request.request.id, reminded };
    });
    if (!result) break;
    done.push(result);
  }
  return done;
}

async function remindLocked(
  tx: Transaction,
  request: typeof schema.feedbackRequests.$inferSelect,
  options: { now: Date; appUrl: string },
): Promise<number> {
  const [subject] = await tx
    .select({ name: schema.people.name })
    .from(schema.people)
    .where(eq(schema.people.id, request.subjectId));
  const waiting = await tx
    .select({
      id: schema.invitations.id,
      group: schema.invitations.group,
      personId: schema.invitations.personId,
      email: schema.invitations.email,
      personEmail: schema.people.email,
      personActive: schema.people.active,
    })
    .from(schema.invitations)
    .leftJoin(schema.people, eq(schema.people.id, schema.invitations.personId))
    .where(
      and(
        eq(schema.invitations.requestId, request.id),
        inArray(schema.invitations.state, ["pending", "draft"]),
      ),
    );
  let reminded = 0;
  for (const invitation of waiting) {
    const to = invitation.personId
      ? invitation.personActive
        ? invitation.personEmail
        : null
      : invitation.email;
    if (!to) continue;
    // Only the token's hash is stored, so the reminder carries a new link and the old one stops.
    const { token, hash } = newToken();
    await tx
      .update(schema.invitations)
      .set({ tokenHash: hash })
      .where(eq(schema.invitations.id, invitation.id));
    await enqueueMail(tx, {
      orgId: request.orgId,
      template: "reminder",
      to,
      meta: { requestId: request.id },
      ...reminderMail({
        subjectName: subject?.name ?? "a colleague",
        group: invitation.group,
        deadline: request.deadline,
        threshold: request.threshold,
        link: `${options.appUrl}/r/${token}`,
        inApp: invitation.personId !== null,
      }),
    });
    reminded++;
  }
  await tx
    .update(schema.feedbackRequests)
    .set({ remindedAt: options.now })
    .where(eq(schema.feedbackRequests.id, request.id));
  await recordAudit(tx, {
    orgId: request.orgId,
    actorId: null,
    action: "requests.remind",
    targetType: "feedback_request",
    targetId: request.id,
  });
  return reminded;
}
