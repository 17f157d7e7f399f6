// Roles a person may hold in an organisation; one person may hold several. An analyst (HR) reads
// organisation-wide aggregates of released cycles, never a single report.
import { z } from "zod";

export const ROLES = ["admin", "manager", "coach", "member", "analyst"] as const;
export type Role = (typeof ROLES)[number];
export const roleSchema = z.enum(ROLES);

export function hasAnyRole(held: readonly Role[], wanted: readonly Role[]): boolean {
  return wanted.some((role) => held.includes(role));
}

export interface FeedbackRequestActor {
  personId: string;
  roles: readonly Role[];
}

/**
 * Who may ask for feedback on a subject: an admin for anyone; a person for their direct reports; a
 * manager (or admin) for themself. A member without the manager role cannot start a 360 on
 * themself: their manager asks for it, and they propose raters once it is drafted.
 */
export function mayRequestFeedback(
  actor: FeedbackRequestActor,
  subject: { id: string; managerId: string | null },
): boolean {
  if (actor.roles.includes("admin")) return true;
  if (subject.managerId === actor.personId) return true;
  return subject.id === actor.personId && actor.roles.includes("manager");
}
