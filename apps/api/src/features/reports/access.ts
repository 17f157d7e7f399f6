// Kept for the features not yet moved to the services layer (collect, grow, admin export): both
// names delegate to the one access policy (services/access) and its queries. Delete this file once
// they import services/access themselves.
import { type Executor, findRatedAnonymously } from "@fivefold/db";
import { reportReaders as policyReportReaders } from "../../services/access";

/** Of these requests, those on which the person was invited as an anonymous rater. */
export const ratedAnonymously = findRatedAnonymously;

/** Everyone who will read the report or steers the request (rule 9): see services/access. */
export function reportReaders(
  db: Executor,
  orgId: string,
  request: { subjectId: string; requesterId: string; subjectManagerId: string | null },
): Promise<Set<string>> {
  return policyReportReaders({ memo: new Map() }, db, orgId, request);
}
