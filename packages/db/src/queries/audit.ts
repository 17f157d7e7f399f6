// The audit log: writing one entry, and reading a page of the organisation's entries, newest
// first, after an optional (created_at, id) cursor.
import { and, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { type Executor, queryRows } from "../client";
import { apiTokens, auditLog, cycles, feedbackRequests, organisations, people, teams } from "../schema";

export async function insertAuditEntry(
  db: Executor,
  entry: {
    orgId: string;
    actorId: string | null;
    action: string;
    targetType: string;
    targetId: string | null;
    details: Record<string, unknown>;
  },
): Promise<void> {
  await db.insert(auditLog).values(entry);
}

export interface AuditFilter {
  orgId: string;
  action?: string | undefined;
  actorId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  /** Entries strictly older than this one: `at` is Postgres' text of its created_at. */
  after?: { at: string; id: string } | undefined;
  limit: number;
}

export interface AuditRow {
  id: string;
  action: string;
  target_type: string;
  target_id: string | null;
  details: Record<string, unknown> | string;
  created_at: string | Date;
  /** created_at as Postgres' text, microseconds kept (a JS Date would round them). */
  at: string;
  actor_id: string | null;
  actor_name: string | null;
  /** The record's name as people know it (a person, "Feedback on …", a team, a cycle), or null. */
  target_label: string | null;
}

/**
 * The target's name, looked up in the same organisation: readers see "Feedback on Mei Lin", not an
 * id. Nominations get none (their rater's name is the request page's to show, not the log's).
 */
function targetLabel(log: typeof auditLog) {
  const same = (table: { id: unknown; orgId: unknown }) =>
    sql`${table.id}::text = ${log.targetId} and ${table.orgId} = ${log.orgId}`;
  const subject = sql`(select ${people.name} from ${people} where ${people.id} = ${feedbackRequests.subjectId})`;
  return sql<string | null>`case ${log.targetType}
    when 'person' then (select ${people.name} from ${people} where ${same(people)})
    when 'feedback_request' then (select 'Feedback on ' || ${subject} from ${feedbackRequests} where ${same(feedbackRequests)})
    when 'team' then (select ${teams.name} from ${teams} where ${same(teams)})
    when 'cycle' then (select ${cycles.name} from ${cycles} where ${same(cycles)})
    when 'api_token' then (select ${apiTokens.name} from ${apiTokens} where ${same(apiTokens)})
    when 'organisation' then (select ${organisations.name} from ${organisations} where ${organisations.id}::text = ${log.targetId} and ${organisations.id} = ${log.orgId})
    else null end`;
}

export function listAuditEntries(db: Executor, filter: AuditFilter): Promise<AuditRow[]> {
  const log = auditLog;
  const filters: Array<SQL | undefined> = [
    eq(log.orgId, filter.orgId),
    filter.action ? eq(log.action, filter.action) : undefined,
    filter.actorId ? eq(log.actorId, filter.actorId) : undefined,
    filter.targetType ? eq(log.targetType, filter.targetType) : undefined,
    filter.targetId ? eq(log.targetId, filter.targetId) : undefined,
    filter.from ? gte(log.createdAt, filter.from) : undefined,
    filter.to ? lt(log.createdAt, filter.to) : undefined,
    filter.after
      ? sql`(${log.createdAt}, ${log.id}) < (${filter.after.at}::timestamptz, ${filter.after.id}::uuid)`
      : undefined,
  ];
  return queryRows<AuditRow>(
    db,
    sql`select ${log.id} as id, ${log.action} as action, ${log.targetType} as target_type,
          ${log.targetId} as target_id, ${log.details} as details, ${log.createdAt} as created_at,
          ${log.createdAt}::text as at, ${log.actorId} as actor_id, ${people.name} as actor_name,
          ${targetLabel(log)} as target_label
        from ${log} left join ${people} on ${people.id} = ${log.actorId}
        where ${and(...filters)}
        order by ${log.createdAt} desc, ${log.id} desc
        limit ${filter.limit}`,
  );
}
