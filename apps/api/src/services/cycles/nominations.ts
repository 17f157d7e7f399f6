// Nominations in a cycle: the subject proposes peers within the cycle's rules (the most peers, the
// rater cap); the manager sees every report's nominations on one page and decides them together.
import {
  countCycleAsks,
  countPeerNominations,
  type FeedbackRequestRow,
  findCycle,
  listNominationsForManager,
} from "@fivefold/db";
import { checkCycleProposal, resolveCycleRules } from "@fivefold/domain";
import { decideNomination } from "../collect/nominations";
import { type MemberServiceContext, withTransaction } from "../context";
import { loadCycle, rulesOf } from "./shape";

/** Refuses a proposal the request's cycle does not allow (a request outside a cycle passes). */
export async function assertCycleProposal(
  ctx: MemberServiceContext,
  request: FeedbackRequestRow,
  proposal: { personId: string; personName: string; group: string },
): Promise<void> {
  if (!request.cycleId) return;
  const cycle = await findCycle(ctx.db, ctx.org.id, request.cycleId);
  if (!cycle) return;
  const rules = rulesOf(cycle) ?? resolveCycleRules(undefined);
  const [peersSoFar, asksOfRater] = await Promise.all([
    countPeerNominations(ctx.db, ctx.org.id, request.id),
    countCycleAsks(ctx.db, ctx.org.id, cycle.id, proposal.personId),
  ]);
  checkCycleProposal(rules, {
    group: proposal.group,
    raterName: proposal.personName,
    peersSoFar,
    asksOfRater,
  });
}

/** Every request of the cycle the caller steers as manager, with its nominations. */
export async function nominationsForManager({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { cycleId: string };
}) {
  const cycle = await loadCycle(ctx, input.cycleId);
  const rules = rulesOf(cycle) ?? resolveCycleRules(undefined);
  const rows = await listNominationsForManager(ctx.db, ctx.org.id, cycle.id, ctx.person.id);
  const requests = new Map<
    string,
    {
      requestId: string;
      state: string;
      subject: { id: string; name: string };
      nominations: Array<{
        nominationId: string;
        personId: string | null;
        name: string | null;
        email: string | null;
        group: string;
        approved: boolean | null;
      }>;
    }
  >();
  for (const row of rows) {
    const entry = requests.get(row.requestId) ?? {
      requestId: row.requestId,
      state: row.requestState,
      subject: { id: row.subjectId, name: row.subjectName },
      nominations: [],
    };
    if (row.nominationId && row.group) {
      entry.nominations.push({
        nominationId: row.nominationId,
        personId: row.personId,
        name: row.personName,
        email: row.email,
        group: row.group,
        approved: row.approved,
      });
    }
    requests.set(row.requestId, entry);
  }
  return {
    cycleId: cycle.id,
    phase: cycle.phase,
    nominationsCloseOn: cycle.nominationsCloseOn,
    peers: rules.peers,
    requests: [...requests.values()],
  };
}

/** Decides many nominations at once; each as `nominations.decide` would, all or nothing. */
export async function decideManyNominations({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { decisions: Array<{ nominationId: string; approve: boolean }> };
}) {
  return withTransaction(ctx, async (ctx) => {
    for (const decision of input.decisions) await decideNomination({ ctx, input: decision });
    return { decided: input.decisions.length };
  });
}
