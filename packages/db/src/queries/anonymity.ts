// Queries behind the anonymity rules that look beyond one request: who could be a sock puppet
// (rule 9), which request on a subject is active, and who answered a subject's earlier reports
// (rule 10). Who answered is known per invitation; what they answered never is.
import { and, desc, eq, gte, inArray, ne, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { feedbackRequests, invitations, organisations, people, reportSnapshots } from "../schema";

export interface AnonymitySettings {
  anonymityThreshold: number;
  externalRaterDomains: string[];
  historyWindowDays: number;
}

export async function findAnonymitySettings(db: Executor, orgId: string): Promise<AnonymitySettings | null> {
  const [row] = await db
    .select({
      anonymityThreshold: organisations.anonymityThreshold,
      externalRaterDomains: organisations.externalRaterDomains,
      historyWindowDays: organisations.historyWindowDays,
    })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return row ?? null;
}

/** People of the organisation whose address is at one of these domains (lower case). */
export async function findPeopleAtDomains(db: Executor, orgId: string, domains: readonly string[]) {
  if (domains.length === 0) return [];
  return db
    .select({ id: people.id, name: people.name, email: people.email })
    .from(people)
    .where(
      and(
        eq(people.orgId, orgId),
        inArray(sql<string>`lower(split_part(${people.email}, '@', 2))`, [...domains]),
      ),
    );
}

/** The subject's request that is a draft or collects answers (at most one, by a unique index). */
export async function findActiveRequestOnSubject(db: Executor, orgId: string, subjectId: string) {
  const [row] = await db
    .select({ id: feedbackRequests.id, state: feedbackRequests.state, createdAt: feedbackRequests.createdAt })
    .from(feedbackRequests)
    .where(
      and(
        eq(feedbackRequests.orgId, orgId),
        eq(feedbackRequests.subjectId, subjectId),
        inArray(feedbackRequests.state, ["draft", "open"]),
      ),
    )
    .limit(1);
  return row ?? null;
}

/**
 * Released reports on the subject since `since`, newest first, whatever their instrument version:
 * an item kept under its key is the same question, so rule 10 compares across versions (a new
 * version must not be a way to escape the comparison).
 */
export async function findEarlierReports(
  db: Executor,
  input: {
    orgId: string;
    subjectId: string;
    since: Date;
    exceptRequestId?: string;
  },
) {
  return db
    .select({
      requestId: reportSnapshots.requestId,
      snapshot: reportSnapshots.snapshot,
      releasedAt: reportSnapshots.releasedAt,
    })
    .from(reportSnapshots)
    .innerJoin(feedbackRequests, eq(feedbackRequests.id, reportSnapshots.requestId))
    .where(
      and(
        eq(reportSnapshots.orgId, input.orgId),
        eq(feedbackRequests.orgId, input.orgId),
        eq(feedbackRequests.subjectId, input.subjectId),
        gte(reportSnapshots.releasedAt, input.since),
        input.exceptRequestId ? ne(reportSnapshots.requestId, input.exceptRequestId) : undefined,
      ),
    )
    .orderBy(desc(reportSnapshots.releasedAt));
}

/** Raters who answered these requests and count towards k: invitation facts, never answers. */
export async function findCountedAnswerers(db: Executor, orgId: string, requestIds: readonly string[]) {
  if (requestIds.length === 0) return [];
  return db
    .select({
      requestId: invitations.requestId,
      group: invitations.group,
      personId: invitations.personId,
      email: invitations.email,
    })
    .from(invitations)
    .where(
      and(
        eq(invitations.orgId, orgId),
        inArray(invitations.requestId, [...requestIds]),
        eq(invitations.state, "submitted"),
        eq(invitations.counts, true),
      ),
    );
}
