// Closing one request held by the caller's transaction (a cycle's hold). Releases, one or many,
// read and write through bulk-release.ts.
import { and, eq, inArray } from "drizzle-orm";
import type { Executor } from "../../client";
import { feedbackRequests } from "../../schema";
import type { FeedbackRequestRow } from "./requests";

/** Closes the request if it is still open, or held closed by its cycle. */
export async function markRequestClosed(
  db: Executor,
  request: { id: string; orgId: string },
  values: Pick<FeedbackRequestRow, "state" | "closedAt" | "insufficientReason">,
): Promise<void> {
  await db
    .update(feedbackRequests)
    .set(values)
    .where(
      and(
        eq(feedbackRequests.id, request.id),
        eq(feedbackRequests.orgId, request.orgId),
        inArray(feedbackRequests.state, ["open", "closed"]),
      ),
    );
}
