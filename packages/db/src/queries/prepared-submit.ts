// The submit's write, sent prepared (see ./prepared.ts). It is raw SQL (one statement of several
// parts), which drizzle only sends unprepared; postgres.js then describes every statement with
// parameters before it binds them, so an unprepared statement costs two round trips to Postgres
// and a parse and a plan each time. Prepared, it costs one round trip and is parsed and planned once
// per connection. Its text never varies: everything that changes between submits is a parameter.
// The envelope goes as base64 text, decoded by the statement.
import { and, eq, fillPlaceholders, gt, sql } from "drizzle-orm";
import { PgDialect } from "drizzle-orm/pg-core";
import type { Executor } from "../client";
import { feedbackRequests, invitations, rateLimitBuckets, sealedEnvelopes } from "../schema";
import { preparedOn } from "./prepared";

/** The parameters of the write, by name. */
export interface SubmitOnceParams {
  orgId: string;
  requestId: string;
  invitationId: string;
  submitKey: string | null;
  ciphertext: Buffer;
  envelopeId: string;
  /** The one-time link's bucket, or null for a submit no link limit counts. */
  limitKey: string | null;
  limitMax: number;
  windowMs: number;
}

export interface SubmitOnceRow {
  claimed: boolean;
  request_state: string | null;
  hits: number | null;
  resets_at: Date | string | null;
}

const p = (name: keyof SubmitOnceParams) => sql.placeholder(name);

/**
 * The statement itself (`submitOnce` in ./collect/invitations.ts says what it does and why): the
 * request locked, the link counted, the invitation claimed if pending, the envelope stored if the
 * rater counts, the request's other invitations restamped.
 */
const submitOnceSql = sql`with request as (
    select ${feedbackRequests.state} as state from ${feedbackRequests}
    where ${feedbackRequests.orgId} = ${p("orgId")} and ${feedbackRequests.id} = ${p("requestId")}
    for update
  ), counted as (
    insert into ${rateLimitBuckets} (key, hits, resets_at)
    select ${p("limitKey")}::text, 1, now() + ${p("windowMs")}::integer * interval '1 millisecond'
    from request where ${p("limitKey")}::text is not null
    on conflict (key) do update set
      hits = case when ${rateLimitBuckets.resetsAt} <= now() then 1 else ${rateLimitBuckets.hits} + 1 end,
      resets_at = case when ${rateLimitBuckets.resetsAt} <= now() then excluded.resets_at
        else ${rateLimitBuckets.resetsAt} end
    returning hits, resets_at
  ), claimed as (
    update ${invitations} set state = 'submitted', submit_key = ${p("submitKey")}::text
    where ${invitations.orgId} = ${p("orgId")} and ${invitations.id} = ${p("invitationId")}
      and ${invitations.state} in ('pending', 'draft')
      and exists (select 1 from request where request.state = 'open')
      and coalesce((select hits from counted), 0) <= ${p("limitMax")}::integer
    returning ${invitations.group}, ${invitations.counts}
  ), sealed as (
    insert into ${sealedEnvelopes} (id, org_id, request_id, ciphertext)
    select ${p("envelopeId")}::uuid, ${p("orgId")}::uuid, ${p("requestId")}::uuid, decode(${p("ciphertext")}::text, 'base64')
    from claimed where claimed.counts
  ), restamped as (
    update ${invitations} set state = ${invitations.state}
    where ${invitations.orgId} = ${p("orgId")} and ${invitations.requestId} = ${p("requestId")}
      and ${invitations.id} <> ${p("invitationId")} and exists (select 1 from claimed)
  )
  select exists (select 1 from claimed) as claimed, (select state from request) as request_state,
    (select hits from counted) as hits, (select resets_at from counted) as resets_at`;

/** The dialect of both drivers (client.ts gives each `casing: "snake_case"`), to render the SQL. */
const dialect = new PgDialect({ casing: "snake_case" });

const submitOnceQuery = dialect.sqlToQuery(submitOnceSql);

const submitOnceStatement = preparedOn((db) =>
  db._.session.prepareQuery(submitOnceQuery, undefined, "submit_once", false),
);

/** postgres.js's client under a drizzle session, or null on PGlite. */
interface PostgresJsClient {
  unsafe(
    query: string,
    params: unknown[],
    options: { prepare: boolean; onexecute: () => boolean },
  ): Promise<SubmitOnceRow[]>;
}

function postgresJsClient(db: Executor): PostgresJsClient | null {
  const client = (db._.session as unknown as { client?: unknown }).client as
    | Partial<PostgresJsClient>
    | undefined;
  return client && typeof client.unsafe === "function" && !("waitReady" in client)
    ? (client as PostgresJsClient)
    : null;
}

/**
 * Nothing waits behind the write on its connection. postgres.js sends a prepared statement down a
 * connection whose statement is still running (pipelining); a write waiting for its request's
 * lock, behind the other raters of that request, then held up every statement sent after it on
 * that connection, reads for other requests included: p99 11-16 s against 2.5 s in the submit
 * benchmark. Asked so (its `onexecute` answering false), postgres.js keeps the connection for the
 * write alone until it completes, and other statements take another connection or wait for one.
 */
const ALONE = { prepare: true, onexecute: () => false };

/** Runs the submit's write, prepared; its one row. */
export async function executeSubmitOnce(
  db: Executor,
  params: SubmitOnceParams,
): Promise<SubmitOnceRow | null> {
  // postgres.js sends a Buffer as hex text (64 KiB for a 32 KiB envelope); base64 is a third less
  // to build, send and decode, and Postgres decodes it as cheaply.
  const values = { ...params, ciphertext: params.ciphertext.toString("base64") };
  const postgresJs = postgresJsClient(db);
  if (postgresJs) {
    const filled = fillPlaceholders(submitOnceQuery.params, values);
    // drizzle's query log (tests count statements with it), as drizzle would have called it.
    const session = db._.session as unknown as {
      logger?: { logQuery(query: string, params: unknown[]): void };
    };
    session.logger?.logQuery(submitOnceQuery.sql, filled);
    const rows = await postgresJs.unsafe(submitOnceQuery.sql, filled, ALONE);
    return rows[0] ?? null;
  }
  const result = (await submitOnceStatement(db).execute(values)) as unknown;
  const rows = (
    Array.isArray(result) ? result : (result as { rows: SubmitOnceRow[] }).rows
  ) as SubmitOnceRow[];
  return rows[0] ?? null;
}

/**
 * One rate-limit bucket's count in its current window: the edge's check of an address's link
 * misses, the first statement of every call with a one-time link (a submit's included).
 */
const oneBucket = preparedOn((db) =>
  db
    .select({ key: rateLimitBuckets.key, hits: rateLimitBuckets.hits, resetsAt: rateLimitBuckets.resetsAt })
    .from(rateLimitBuckets)
    .where(and(eq(rateLimitBuckets.key, sql.placeholder("key")), gt(rateLimitBuckets.resetsAt, sql`now()`)))
    .prepare("rate_limit_bucket"),
);

export function readOneRateLimitBucket(db: Executor, key: string) {
  return oneBucket(db).execute({ key });
}
