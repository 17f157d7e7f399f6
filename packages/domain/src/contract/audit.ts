// The contract of the audit log's procedure: filters and a page of entries, newest first.
import { z } from "zod";

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
export type AuditListInput = z.output<typeof auditListInput>;

export const auditListOutput = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      targetType: z.string(),
      targetId: z.string().nullable(),
      actor: z.object({ id: z.string(), name: z.string() }).nullable(),
      details: z.record(z.string(), z.unknown()),
      createdAt: z.string(),
    }),
  ),
  /** Opaque: pass it back for the next page; null on the last. */
  nextCursor: z.string().nullable(),
});
export type AuditListOutput = z.output<typeof auditListOutput>;
