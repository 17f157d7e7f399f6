// Reading the audit log (admins): newest first, filtered by action, actor, target or time, in
// pages joined by an opaque cursor (the creation time to the microsecond, and the id).
import { queryRows, schema } from "@fivefold/db";
import { InvalidInputError } from "@fivefold/domain";
import { and, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import { z } from "zod";
import type { MemberContext } from "../../trpc/context";

export const auditListInput = z
  .object({
    action: z.string().trim().min(1).max(60).optional(),
    actorId: z.uuid({ error: "The actor must be an id" }).optional(),
    targetType: z.string().trim().min(1).max(40).optional(),
    targetId: z.string().trim().min(1).max(100).optional(),
    from: z.iso.datetime({ offset: true, error: "Give an ISO date-time" }).optional(),
    to: z.iso.datetime({ offset: true, error: "Give an ISO date-time" }).optional(),
    cursor: z.string().max(200).optional(),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .default({ limit: 50 });

interface Cursor {
  at: string;
  id: string;
}

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor), "utf8").toString("base64url");
}

function decodeCursor(raw: string): Cursor {
  try {
    const value = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as Cursor;
    // `at` is Postgres' text of a timestamptz (microseconds kept); anything else is not ours.
    const timestamp = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;
    if (typeof value.at === "string" && timestamp.test(value.at) && z.uuid().safeParse(value.id).success) {
      return value;
    }
  } catch {
    // fall through to the error below
  }
  throw new InvalidInputError("This page link is not valid any more", {
    cursor: "Start from the first page",
  });
}

interface AuditRow {
  id: string;
  action: string;
  target_type: string;
  target_id: string | null;
  details: Record<string, unknown> | string;
  created_at: string | Date;
  at: string;
  actor_id: string | null;
  actor_name: string | null;
}

export async function listAudit(ctx: MemberContext, input: z.output<typeof auditListInput>) {
  const log = schema.auditLog;
  const filters: Array<SQL | undefined> = [
    eq(log.orgId, ctx.org.id),
    input.action ? eq(log.action, input.action) : undefined,
    input.actorId ? eq(log.actorId, input.actorId) : undefined,
    input.targetType ? eq(log.targetType, input.targetType) : undefined,
    input.targetId ? eq(log.targetId, input.targetId) : undefined,
    input.from ? gte(log.createdAt, new Date(input.from)) : undefined,
    input.to ? lt(log.createdAt, new Date(input.to)) : undefined,
  ];
  if (input.cursor) {
    const cursor = decodeCursor(input.cursor);
    filters.push(sql`(${log.createdAt}, ${log.id}) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`);
  }
  // Raw rows keep the microseconds of created_at for the cursor (a JS Date would round them).
  const rows = await queryRows<AuditRow>(
    ctx.db,
    sql`select ${log.id} as id, ${log.action} as action, ${log.targetType} as target_type,
          ${log.targetId} as target_id, ${log.details} as details, ${log.createdAt} as created_at,
          ${log.createdAt}::text as at, ${log.actorId} as actor_id, ${schema.people.name} as actor_name
        from ${log} left join ${schema.people} on ${schema.people.id} = ${log.actorId}
        where ${and(...filters)}
        order by ${log.createdAt} desc, ${log.id} desc
        limit ${input.limit + 1}`,
  );
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? "" } : null,
      details: (typeof r.details === "string" ? JSON.parse(r.details) : r.details) as Record<string, unknown>,
      createdAt: new Date(r.created_at).toISOString(),
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ at: last.at, id: last.id }) : null,
  };
}
