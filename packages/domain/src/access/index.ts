// Who may read what, decided in one place from facts the API loads (ADR 0003). A report is read by
// the subject, the manager who requested it, coaches of a team the subject belongs to and, where
// the organisation allows it, admins; never by someone invited to rate that round anonymously
// (knowing their own answers, they could work out the others'). The wider set of people who read
// or steer a request (the subject's manager too) never rate anonymously (DESIGN §4 rule 9).
import { ForbiddenError } from "../errors";
import type { Role } from "../roles";

export interface Caller {
  personId: string;
  roles: readonly Role[];
}

export type ReportRelation = "self" | "requester" | "coach" | "admin";

/** What the API knows about a caller and one report. */
export interface ReportFacts {
  subjectId: string;
  requesterId: string;
  /** The caller coaches a team the subject belongs to. */
  callerCoachesSubject: boolean;
  /** The organisation lets admins read released reports. */
  adminsReadReports: boolean;
  /** The caller was invited to rate this request in an anonymous group. */
  callerRatedAnonymously: boolean;
}

export type ReportAccess =
  | { allowed: true; relation: ReportRelation }
  | { allowed: false; reason: "not_a_reader" | "rated_anonymously" };

export function reportAccess(caller: Caller, facts: ReportFacts): ReportAccess {
  if (facts.subjectId === caller.personId) return { allowed: true, relation: "self" };
  if (facts.requesterId === caller.personId) return { allowed: true, relation: "requester" };
  const relation: ReportRelation | null =
    caller.roles.includes("coach") && facts.callerCoachesSubject
      ? "coach"
      : caller.roles.includes("admin") && facts.adminsReadReports
        ? "admin"
        : null;
  if (!relation) return { allowed: false, reason: "not_a_reader" };
  if (facts.callerRatedAnonymously) return { allowed: false, reason: "rated_anonymously" };
  return { allowed: true, relation };
}

/** The relation, or the domain error the caller is told. */
export function requireReportAccess(caller: Caller, facts: ReportFacts): ReportRelation {
  const access = reportAccess(caller, facts);
  if (access.allowed) return access.relation;
  throw new ForbiddenError(
    access.reason === "rated_anonymously"
      ? "You were invited to rate this person anonymously in this round, so its report is not shared with you: your own answers would let you work out the others'"
      : "Only the person, the manager who asked for the feedback and their coach can read this report",
  );
}

/**
 * Everyone who will read the report or steers the request: the subject, the requester, the
 * subject's manager, the coaches of the subject's teams and, where admins read reports, the admins
 * (pass none otherwise). None of them rates anonymously (rule 9).
 */
export function reportControllers(input: {
  subjectId: string;
  requesterId: string;
  subjectManagerId: string | null;
  coachIds: Iterable<string>;
  readingAdminIds: Iterable<string>;
}): Set<string> {
  return new Set([
    input.subjectId,
    input.requesterId,
    ...(input.subjectManagerId ? [input.subjectManagerId] : []),
    ...input.coachIds,
    ...input.readingAdminIds,
  ]);
}

export type PlanRelation = "owner" | "coach" | "partner" | "lead";

/** What the API knows about a caller and one coaching plan. */
export interface PlanFacts {
  ownerId: string;
  /** The caller coaches a team the owner belongs to. */
  callerCoachesOwner: boolean;
  /** The caller rated the plan's report anonymously: then they are not its coach (see above). */
  callerRatedPlanReportAnonymously: boolean;
  /** The caller's place in the plan's circle, if any. */
  partnership: { role: "partner" | "lead"; state: "invited" | "accepted" | "declined" } | null;
}

/**
 * The owner does everything; their coach sees it and edits it with them (not a coach who rated its
 * report anonymously); the circle (invited or accepted) sees the plan, never the report.
 */
export function planRelation(caller: Caller, facts: PlanFacts): PlanRelation | null {
  if (facts.ownerId === caller.personId) return "owner";
  if (caller.roles.includes("coach") && facts.callerCoachesOwner && !facts.callerRatedPlanReportAnonymously) {
    return "coach";
  }
  if (facts.partnership && facts.partnership.state !== "declined") return facts.partnership.role;
  return null;
}

/** Owner and coach read what the report says (the reasons); the circle does not. */
export const readsReport = (relation: PlanRelation): boolean => relation === "owner" || relation === "coach";
