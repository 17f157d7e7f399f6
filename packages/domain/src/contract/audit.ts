// The contract of the audit log's procedure: filters and a page of entries, newest first.
import { z } from "zod";

/** Year 10000, 00:00 UTC, in ms: the first instant the database's timestamps cannot hold as ISO text. */
const YEAR_10000 = 253_402_300_800_000;

/** A filter's bound: an ISO date-time with offset, within 1970–9999 once moved to UTC. */
const instant = z.iso
  .datetime({ offset: true, error: "Give an ISO date-time" })
  .refine((value) => Date.parse(value) >= 0 && Date.parse(value) < YEAR_10000, {
    error: "Give a date-time between 1970 and 9999",
  });

export const auditListInput = z
  .object({
    action: z.string().trim().min(1).max(60).optional(),
    actorId: z.uuid({ error: "The actor must be an id" }).optional(),
    targetType: z.string().trim().min(1).max(40).optional(),
    targetId: z.string().trim().min(1).max(100).optional(),
    from: instant.optional(),
    to: instant.optional(),
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
      /** The record's name (a person, "Feedback on …", a team, a cycle), where it has one. */
      targetLabel: z.string().nullable(),
      actor: z.object({ id: z.string(), name: z.string() }).nullable(),
      details: z.record(z.string(), z.unknown()),
      createdAt: z.string(),
    }),
  ),
  /** Opaque: pass it back for the next page; null on the last. */
  nextCursor: z.string().nullable(),
});
export type AuditListOutput = z.output<typeof auditListOutput>;
