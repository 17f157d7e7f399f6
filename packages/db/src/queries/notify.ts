// Queries of mail and notification: writing to the outbox, the demo Mailbox, the reminder job's
// claim of a request and its waiting raters, and sign-in identities for people.
import { and, asc, desc, eq, gt, inArray, isNull, notExists, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { account, feedbackRequests, invitations, organisations, outbox, people, user } from "../schema";

/** Writes one e-mail to the outbox (in the caller's transaction); returns its id. */
export async function insertOutboxMail(
  db: Executor,
  mail: {
    orgId: string;
    template: string;
    toEmail: string;
    subject: string;
    text: string;
    html: string;
    meta: Record<string, unknown>;
  },
): Promise<string> {
  const [row] = await db.insert(outbox).values(mail).returning({ id: outbox.id });
  if (!row) throw new Error("the outbox took no row");
  return row.id;
}

/** The organisation's latest 500 mails, newest first, for the demo Mailbox. */
export function listMailboxMail(db: Executor, orgId: string) {
  return db
    .select({
      id: outbox.id,
      template: outbox.template,
      to: outbox.toEmail,
      subject: outbox.subject,
      text: outbox.text,
      state: outbox.state,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(eq(outbox.orgId, orgId))
    .orderBy(desc(outbox.createdAt), desc(outbox.id))
    .limit(500);
}

/** A real query, so a dead database shows in the health check. */
export async function pingDatabase(db: Executor): Promise<void> {
  await db.execute(sql`select 1`);
}

import type { FeedbackRequestRow } from "./collect/requests";

/**
 * Claims (FOR UPDATE SKIP LOCKED) the open request whose reminder is due soonest: not reminded
 * yet, before its deadline, opened at least a day ago, and within its organisation's
 * `reminderDays` of the deadline. The domain's rule decides; this only finds candidates.
 */
export async function claimRequestToRemind(
  db: Executor,
  now: Date,
): Promise<{ request: FeedbackRequestRow; reminderDays: number } | undefined> {
  const r = feedbackRequests;
  const at = now.toISOString();
  const reminderDays = sql`(select ${organisations.reminderDays} from ${organisations} where ${organisations.id} = ${r.orgId})`;
  const [row] = await db
    .select({ request: r, reminderDays: sql<number>`${reminderDays}` })
    .from(r)
    .where(
      and(
        eq(r.state, "open"),
        isNull(r.remindedAt),
        gt(r.deadline, sql`${at}::timestamptz`),
        sql`${reminderDays} > 0`,
        sql`${r.deadline} - ${reminderDays} * interval '1 day' <= ${at}::timestamptz`,
        sql`${r.openedAt} <= ${at}::timestamptz - interval '1 day'`,
      ),
    )
    .orderBy(r.deadline)
    .limit(1)
    .for("update", { skipLocked: true });
  return row;
}

export async function markRequestReminded(
  db: Executor,
  orgId: string,
  requestId: string,
  at: Date,
): Promise<void> {
  await db
    .update(feedbackRequests)
    .set({ remindedAt: at })
    .where(and(eq(feedbackRequests.id, requestId), eq(feedbackRequests.orgId, orgId)));
}

export async function findPersonNameById(
  db: Executor,
  orgId: string,
  personId: string,
): Promise<string | undefined> {
  const [row] = await db
    .select({ name: people.name })
    .from(people)
    .where(and(eq(people.id, personId), eq(people.orgId, orgId)));
  return row?.name;
}

/** The request's invitations not answered yet, with the invited person's address and state. */
export function listWaitingInvitations(db: Executor, orgId: string, requestId: string) {
  return db
    .select({
      id: invitations.id,
      group: invitations.group,
      personId: invitations.personId,
      email: invitations.email,
      personEmail: people.email,
      personActive: people.active,
    })
    .from(invitations)
    .leftJoin(people, eq(people.id, invitations.personId))
    .where(
      and(
        eq(invitations.orgId, orgId),
        eq(invitations.requestId, requestId),
        inArray(invitations.state, ["pending", "draft"]),
      ),
    );
}

export async function findUserIdByEmail(db: Executor, email: string): Promise<string | undefined> {
  const [row] = await db.select({ id: user.id }).from(user).where(eq(user.email, email));
  return row?.id;
}

/**
 * The sign-in of this address, created when there is none. Two requests at once both get the one
 * that won (the address is unique): this never fails on the unique key.
 */
export async function ensureUserOfAddress(
  db: Executor,
  row: { id: string; name: string; email: string },
): Promise<string> {
  await db
    .insert(user)
    .values({ ...row, emailVerified: false })
    .onConflictDoNothing({ target: user.email });
  const id = await findUserIdByEmail(db, row.email);
  if (!id) throw new Error("the sign-in of an address vanished as it was created");
  return id;
}

/** Active people with this address and no sign-in yet (in any organisation), earliest added first. */
export function listUnlinkedPeopleOfAddress(db: Executor, email: string) {
  return db
    .select({ id: people.id, name: people.name })
    .from(people)
    .where(and(eq(people.email, email), eq(people.active, true), isNull(people.userId)))
    .orderBy(asc(people.createdAt), asc(people.id));
}

const sameOrgPerson = alias(people, "same_org_person");

/**
 * Links every active person with this address and no sign-in yet, in any organisation, to the
 * address's sign-in: whoever controls the mailbox is that person wherever an admin added the
 * address. A person linked so awaits their first use there (people.awaitingEntry). An organisation
 * whose person already holds this sign-in is skipped, so the unique (org, sign-in) never trips.
 */
export async function linkUnlinkedPeopleOfAddress(
  db: Executor,
  email: string,
  userId: string,
  now: Date,
): Promise<void> {
  await db
    .update(people)
    .set({ userId, linkedAt: now, awaitingEntry: true })
    .where(
      and(
        eq(people.email, email),
        eq(people.active, true),
        isNull(people.userId),
        notExists(
          db
            .select({ id: sameOrgPerson.id })
            .from(sameOrgPerson)
            .where(and(eq(sameOrgPerson.orgId, people.orgId), eq(sameOrgPerson.userId, userId))),
        ),
      ),
    );
}

export async function userHasPassword(db: Executor, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: account.id })
    .from(account)
    .where(and(eq(account.userId, userId), eq(account.providerId, "credential")));
  return Boolean(row);
}
