// Join conditions more than one query needs, with org_id on both sides so the composite indexes
// (which lead with it, DESIGN §6) serve the join.
import { and, eq } from "drizzle-orm";
import { feedbackRequests, reportSnapshots } from "../schema";

/** A released report's snapshot to its request. */
export const snapshotOfRequest = and(
  eq(feedbackRequests.orgId, reportSnapshots.orgId),
  eq(feedbackRequests.id, reportSnapshots.requestId),
);
