// What a release of many requests at once reads, set-based: every statement covers the whole batch
// (all envelopes in one read, all earlier reports in one), so a batch of hundreds costs a handful
// of statements instead of ~18 per request (the writes are in bulk-write.ts).
// Each query keeps `org_id` in its filter, so the (org_id, …) indexes serve it (DESIGN §6).
import { type AnyColumn, and, asc, eq, gte, inArray, notInArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../../client";
import {
  feedbackRequests,
  invitations,
  organisations,
  people,
  reportSnapshots,
  sealedEnvelopes,
  sealedResponses,
} from "../../schema";
import type { FeedbackRequestRow } from "./requests";

export type RequestKey = { id: string; orgId: string };

const idsOf = (requests: readonly RequestKey[]) => [...new Set(requests.map((r) => r.id))];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `column = any('{…}'::uuid[])`: hundreds of ids as one parameter. As `in ($1, …, $200)` drizzle
 * built, and postgres.js bound, a parameter per id, a release batch's dozen statements cost this
 * process more than their ids are worth; Postgres plans both alike (an index scan per value).
 */
export function inUuids(column: AnyColumn, ids: readonly string[]): SQL {
  for (const id of ids) if (!UUID.test(id)) throw new Error("not a uuid");
  return sql`${column} = any(${`{${ids.join(",")}}`}::uuid[])`;
}
const orgsOf = (requests: readonly RequestKey[]) => [...new Set(requests.map((r) => r.orgId))];

/**
 * Up to `limit` open requests whose deadline passed, oldest deadline first, claimed FOR UPDATE SKIP
 * LOCKED (several processes each take their own), skipping those that failed in this run.
 */
export async function claimDueRequests(
  db: Executor,
  input: { now: Date; except: readonly string[]; limit: number; only?: readonly string[] },
): Promise<FeedbackRequestRow[]> {
  return db
    .select()
    .from(feedbackRequests)
    .where(
      and(
        eq(feedbackRequests.state, "open"),
        sql`${feedbackRequests.deadline} <= ${input.now.toISOString()}`,
        input.except.length > 0 ? notInArray(feedbackRequests.id, [...input.except]) : undefined,
        input.only ? inArray(feedbackRequests.id, [...input.only]) : undefined,
      ),
    )
    .orderBy(feedbackRequests.deadline, feedbackRequests.id)
    .limit(input.limit)
    .for("update", { skipLocked: true });
}

/**
 * Up to `limit` of the cycle's requests in `state` (held closed unless said), claimed FOR UPDATE
 * SKIP LOCKED, in id order.
 */
export async function claimHeldCycleRequests(
  db: Executor,
  input: {
    orgId: string;
    cycleId: string;
    state?: "open" | "closed" | "draft";
    except: readonly string[];
    limit: number;
    only?: readonly string[];
  },
): Promise<FeedbackRequestRow[]> {
  return db
    .select()
    .from(feedbackRequests)
    .where(
      and(
        eq(feedbackRequests.orgId, input.orgId),
        eq(feedbackRequests.cycleId, input.cycleId),
        eq(feedbackRequests.state, input.state ?? "closed"),
        input.except.length > 0 ? notInArray(feedbackRequests.id, [...input.except]) : undefined,
        input.only ? inArray(feedbackRequests.id, [...input.only]) : undefined,
      ),
    )
    .orderBy(asc(feedbackRequests.id))
    .limit(input.limit)
    .for("update", { skipLocked: true });
}

/**
 * Every envelope of these requests. The bytes travel as base64 text: PGlite decodes a bytea result
 * about 14 times slower (9.3 s against 0.7 s for 1,200 envelopes of 32 KiB, measured), and on
 * Postgres base64 is a third smaller than bytea's hex text.
 */
export async function listSealedEnvelopesOf(
  db: Executor,
  requests: readonly RequestKey[],
): Promise<Array<{ requestId: string; ciphertext: Buffer }>> {
  if (requests.length === 0) return [];
  const rows = await db
    .select({
      requestId: sealedEnvelopes.requestId,
      ciphertext: sql<string>`encode(${sealedEnvelopes.ciphertext}, 'base64')`,
    })
    .from(sealedEnvelopes)
    .where(
      and(
        inArray(sealedEnvelopes.orgId, orgsOf(requests)),
        inUuids(sealedEnvelopes.requestId, idsOf(requests)),
      ),
    );
  return rows.map((row) => ({ requestId: row.requestId, ciphertext: Buffer.from(row.ciphertext, "base64") }));
}

/**
 * The head (the first `headBytes`) and the last 16 bytes of every envelope of these requests, with
 * its length: Postgres reads only the TOAST chunks that hold them (an envelope's ciphertext does
 * not compress, so it is stored uncompressed and sliced in place), two or three of the seventeen
 * of a 32 KiB envelope. Same base64 text as `listSealedEnvelopesOf`.
 */
export async function listSealedEnvelopeSlicesOf(
  db: Executor,
  requests: readonly RequestKey[],
  headBytes: number,
): Promise<Array<{ requestId: string; length: number; head: Buffer; tag: Buffer }>> {
  if (requests.length === 0) return [];
  const c = sealedEnvelopes.ciphertext;
  const rows = await db
    .select({
      requestId: sealedEnvelopes.requestId,
      length: sql<number>`octet_length(${c})`,
      head: sql<string>`encode(substring(${c} from 1 for ${sql.raw(String(Math.trunc(headBytes)))}), 'base64')`,
      tag: sql<string>`encode(substring(${c} from greatest(octet_length(${c}) - 15, 1)), 'base64')`,
    })
    .from(sealedEnvelopes)
    .where(
      and(
        inArray(sealedEnvelopes.orgId, orgsOf(requests)),
        inUuids(sealedEnvelopes.requestId, idsOf(requests)),
      ),
    );
  return rows.map((row) => ({
    requestId: row.requestId,
    length: Number(row.length),
    head: Buffer.from(row.head, "base64"),
    tag: Buffer.from(row.tag, "base64"),
  }));
}

/** Answers a version before sealed envelopes wrote in the clear for these (unreleased) requests. */
export async function listUnreleasedResponsesOf(db: Executor, requests: readonly RequestKey[]) {
  if (requests.length === 0) return [];
  return db
    .select({
      requestId: sealedResponses.requestId,
      group: sealedResponses.group,
      answers: sealedResponses.answers,
      comments: sealedResponses.comments,
    })
    .from(sealedResponses)
    .where(
      and(
        inArray(sealedResponses.orgId, orgsOf(requests)),
        inUuids(sealedResponses.requestId, idsOf(requests)),
      ),
    );
}

/** Invitations per request and group, and whether they count (rule 9). */
export async function countInvitationsByGroupOf(db: Executor, requests: readonly RequestKey[]) {
  if (requests.length === 0) return [];
  return db
    .select({
      requestId: invitations.requestId,
      group: invitations.group,
      counted: invitations.counts,
      n: sql<number>`count(*)::int`,
    })
    .from(invitations)
    .where(and(inArray(invitations.orgId, orgsOf(requests)), inUuids(invitations.requestId, idsOf(requests))))
    .groupBy(invitations.requestId, invitations.group, invitations.counts);
}

/** What a release reads of each organisation now (k stays each request's frozen one). */
export async function findReleaseSettingsOf(db: Executor, orgIds: readonly string[]) {
  if (orgIds.length === 0) return [];
  return db
    .select({
      id: organisations.id,
      commentThreshold: organisations.commentThreshold,
      showManagerApart: organisations.showManagerApart,
      historyWindowDays: organisations.historyWindowDays,
    })
    .from(organisations)
    .where(inArray(organisations.id, [...orgIds]));
}

/**
 * Released reports on these subjects since `since` (the earliest window start of the batch), for
 * rule 10; each request then keeps those of its own organisation, instrument and window.
 */
export async function findEarlierReportsOf(
  db: Executor,
  input: { orgIds: readonly string[]; subjectIds: readonly string[]; since: Date },
) {
  if (input.subjectIds.length === 0) return [];
  return db
    .select({
      requestId: reportSnapshots.requestId,
      orgId: feedbackRequests.orgId,
      subjectId: feedbackRequests.subjectId,
      instrumentVersion: reportSnapshots.instrumentVersion,
      snapshot: reportSnapshots.snapshot,
      releasedAt: reportSnapshots.releasedAt,
    })
    .from(reportSnapshots)
    .innerJoin(
      feedbackRequests,
      and(
        eq(feedbackRequests.orgId, reportSnapshots.orgId),
        eq(feedbackRequests.id, reportSnapshots.requestId),
      ),
    )
    .where(
      and(
        inArray(reportSnapshots.orgId, [...input.orgIds]),
        inArray(feedbackRequests.orgId, [...input.orgIds]),
        inUuids(feedbackRequests.subjectId, [...input.subjectIds]),
        gte(reportSnapshots.releasedAt, input.since),
      ),
    )
    .orderBy(sql`${reportSnapshots.releasedAt} desc`);
}

/** Raters who answered these requests and count towards k: invitation facts, never answers. */
export async function findCountedAnswerersOf(db: Executor, requests: readonly RequestKey[]) {
  if (requests.length === 0) return [];
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
        inArray(invitations.orgId, orgsOf(requests)),
        inUuids(invitations.requestId, idsOf(requests)),
        eq(invitations.state, "submitted"),
        eq(invitations.counts, true),
      ),
    );
}

/** Names and addresses of these people (of the batch's organisations). */
export async function findPeopleContactsOf(
  db: Executor,
  orgIds: readonly string[],
  personIds: readonly string[],
) {
  if (personIds.length === 0) return [];
  return db
    .select({ id: people.id, orgId: people.orgId, name: people.name, email: people.email })
    .from(people)
    .where(and(inArray(people.orgId, [...orgIds]), inUuids(people.id, [...new Set(personIds)])));
}
