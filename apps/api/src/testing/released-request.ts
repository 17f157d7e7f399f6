// Test-only: a released report through the real procedures, for erasure, export and audit tests.
import { schema } from "@fivefold/db";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { fullAnswers } from "./answers";
import { type Harness, idOf } from "./harness";

export { idOf };

/** The manager asks for feedback on `subject` from `peers`; everyone answers (with a comment); released. */
export async function releasedRequest(
  h: Harness,
  org: SeededOrganisation,
  input: { manager: string; subject: string; peers: string[]; comment?: string },
): Promise<string> {
  const manager = h.as(org, input.manager);
  const { id: requestId } = await manager.requests.create({
    subjectId: idOf(org, input.subject),
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    raters: input.peers.map((key) => ({ personId: idOf(org, key), group: "peer" as const })),
  });
  for (const key of [...input.peers, input.subject]) {
    const caller = h.as(org, key);
    const invitation = (await caller.inbox.list()).find((i) => i.requestId === requestId);
    if (!invitation) throw new Error(`${key} was not invited`);
    await caller.responses.submit({
      invitationId: invitation.invitationId,
      answers: fullAnswers(key === input.subject ? 5 : 3),
      comments: input.comment ? [{ dimension: "inspire", text: `${input.comment} (${key})` }] : [],
    });
  }
  expect(await manager.requests.close({ requestId })).toEqual({ state: "released" });
  return requestId;
}

/**
 * A released one-off report on `subject`, the subject and `raters` (peers) each answering `score`
 * everywhere, closed by the admin and then joined to `cycleId` as the seed joins its history.
 */
export async function releasedInCycle(
  h: Harness,
  org: SeededOrganisation,
  input: { subject: string; raters: string[]; score: number; cycleId: string },
): Promise<string> {
  const { id: requestId } = await h.as(org, "admin").requests.create({
    subjectId: idOf(org, input.subject),
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    raters: input.raters.map((key) => ({ personId: idOf(org, key), group: "peer" as const })),
  });
  for (const key of [input.subject, ...input.raters]) {
    const caller = h.as(org, key);
    const invitation = (await caller.inbox.list()).find((i) => i.requestId === requestId);
    if (!invitation) throw new Error(`${key} not invited`);
    await caller.responses.submit({
      invitationId: invitation.invitationId,
      answers: fullAnswers(input.score),
    });
  }
  await h.as(org, "admin").requests.close({ requestId });
  await joinCycle(h, requestId, input.cycleId);
  return requestId;
}

/** Joins a released request to a cycle directly in the database (as the demo seed's history does). */
async function joinCycle(h: Harness, requestId: string, cycleId: string): Promise<void> {
  await h.database.db
    .update(schema.feedbackRequests)
    .set({ cycleId })
    .where(eq(schema.feedbackRequests.id, requestId));
}
