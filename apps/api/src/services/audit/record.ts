// The audit helper every admin and manager action calls inside its transaction: who did what to
// which record, and when. Details carry ids, counts and setting values, never answers, comments,
// tokens, passwords or e-mail bodies: keys that could hold them are dropped before writing.
import { type Executor, insertAuditEntry } from "@fivefold/db";
import type { MemberServiceContext } from "../context";

export type AuditAction =
  | "people.import"
  | "people.create"
  | "people.update"
  | "people.deactivate"
  | "people.reactivate"
  | "people.roles"
  | "people.erase"
  | "people.export"
  | "teams.create"
  | "teams.update"
  | "teams.remove"
  | "settings.update"
  | "sso.update"
  | "chat.update"
  | "chat.remove"
  | "sso.remove"
  | "instrument.draft"
  | "instrument.publish"
  | "requests.create"
  | "requests.open"
  | "requests.close"
  | "requests.cancel"
  | "requests.remind"
  | "requests.extend"
  | "requests.addRater"
  | "requests.approveExternal"
  | "nominations.decide"
  | "mail.resend"
  | "followups.thank"
  | "pulses.schedule"
  | "cycles.create"
  | "cycles.launch"
  | "cycles.extend"
  | "cycles.remind"
  | "cycles.release"
  | "cycles.advance"
  | "apiTokens.create"
  | "apiTokens.revoke";

export type AuditTargetType =
  | "person"
  | "organisation"
  | "team"
  | "feedback_request"
  | "nomination"
  | "mail"
  | "cycle"
  | "api_token"
  | "pulse";

export interface AuditEntry {
  orgId: string;
  /** null for the system (jobs). */
  actorId: string | null;
  action: AuditAction;
  targetType: AuditTargetType;
  targetId?: string | null;
  details?: Record<string, unknown>;
}

/** Keys whose values could carry what the audit log must never hold (`commentThreshold` is fine). */
const FORBIDDEN_KEY =
  /^(answers?|comments?|drafts?|text|html|body|links?|url|secret|reason)$|(token|password|hash)$/i;

export function cleanAuditDetails(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cleanAuditDetails);
  if (value !== null && typeof value === "object" && !(value instanceof Date)) {
    const result: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (!FORBIDDEN_KEY.test(key)) result[key] = cleanAuditDetails(inner);
    }
    return result;
  }
  return value;
}

/** Writes one entry with the executor the caller's transaction runs on. */
export async function recordAudit(db: Executor, entry: AuditEntry): Promise<void> {
  await insertAuditEntry(db, {
    orgId: entry.orgId,
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    details: cleanAuditDetails(entry.details ?? {}) as Record<string, unknown>,
  });
}

/**
 * The one-line form for procedures: the signed-in person acts in their organisation. A call made
 * with an API token (SCIM) has no person behind it: the entry names the token instead.
 */
export function audit(
  db: Executor,
  ctx: { org: { id: string }; person: { id: string }; apiToken?: { id: string; name: string } | undefined },
  action: AuditAction,
  target: { type: AuditTargetType; id: string | null },
  details?: Record<string, unknown>,
): Promise<void> {
  const byToken = ctx.apiToken ? { apiTokenId: ctx.apiToken.id, apiTokenName: ctx.apiToken.name } : undefined;
  const merged = byToken ? { ...details, ...byToken } : details;
  return recordAudit(db, {
    orgId: ctx.org.id,
    actorId: ctx.apiToken ? null : ctx.person.id,
    action,
    targetType: target.type,
    targetId: target.id,
    ...(merged ? { details: merged } : {}),
  });
}

/** `audit` for a verb: the entry is written in the context's transaction. */
export function auditAs(
  ctx: MemberServiceContext,
  action: AuditAction,
  target: { type: AuditTargetType; id: string | null },
  details?: Record<string, unknown>,
): Promise<void> {
  return audit(ctx.db, ctx, action, target, details);
}
