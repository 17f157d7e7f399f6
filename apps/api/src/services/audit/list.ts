// Reading the audit log (admins): newest first, filtered by action, actor, target or time, in
// pages joined by an opaque cursor (the creation time to the microsecond, and the id).
import { listAuditEntries } from "@fivefold/db";
import { type AuditListInput, type AuditListOutput, InvalidInputError } from "@fivefold/domain";
import { z } from "zod";
import type { MemberServiceContext } from "../context";

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

export async function listAudit({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: AuditListInput;
}): Promise<AuditListOutput> {
  const rows = await listAuditEntries(ctx.db, {
    orgId: ctx.org.id,
    action: input.action,
    actorId: input.actorId,
    targetType: input.targetType,
    targetId: input.targetId,
    from: input.from ? new Date(input.from) : undefined,
    to: input.to ? new Date(input.to) : undefined,
    after: input.cursor ? decodeCursor(input.cursor) : undefined,
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      action: r.action,
      targetType: r.target_type,
      targetId: r.target_id,
      targetLabel: r.target_label,
      actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? "" } : null,
      details: (typeof r.details === "string" ? JSON.parse(r.details) : r.details) as Record<string, unknown>,
      createdAt: new Date(r.created_at).toISOString(),
    })),
    nextCursor: rows.length > input.limit && last ? encodeCursor({ at: last.at, id: last.id }) : null,
  };
}
