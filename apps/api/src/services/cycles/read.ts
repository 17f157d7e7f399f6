// Reading cycles: the list, one cycle with its counts, and its progress for admins — counts per
// state and, per team of at least k people with at least k subjects in the cycle, how many
// invitations to rate them were answered (never who, and never counted by the rater's team).
import { countCycleRequestsByState, cycleParticipationByTeam, listOrgCycles } from "@fivefold/db";
import type { MemberServiceContext } from "../context";
import { cycleSummary, loadCycle, populationOf, rulesOf } from "./shape";

export async function listCycles({ ctx }: { ctx: MemberServiceContext }) {
  return (await listOrgCycles(ctx.db, ctx.org.id)).map(cycleSummary);
}

export async function getCycle({ ctx, input }: { ctx: MemberServiceContext; input: { cycleId: string } }) {
  const cycle = await loadCycle(ctx, input.cycleId);
  const byState = await countCycleRequestsByState(ctx.db, ctx.org.id, cycle.id);
  return {
    ...cycleSummary(cycle),
    population: populationOf(cycle),
    rules: rulesOf(cycle),
    counts: { requests: Object.values(byState).reduce((sum, n) => sum + n, 0), byState },
  };
}

export async function cycleProgress({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { cycleId: string };
}) {
  const cycle = await loadCycle(ctx, input.cycleId);
  const [byState, teams] = await Promise.all([
    countCycleRequestsByState(ctx.db, ctx.org.id, cycle.id),
    cycleParticipationByTeam(ctx.db, ctx.org.id, cycle.id),
  ]);
  const k = ctx.org.anonymityThreshold;
  return {
    phase: cycle.phase,
    requests: { byState },
    teams: teams.map((team) => {
      // Counted over the raters of the team's subjects, and only for a team of at least k people
      // with at least k subjects in the cycle. The figures move as raters answer (a live count,
      // like each request's own progress, which admins already read): a team's figure is the sum
      // of those requests' counted lines, so watching it tells no more than watching them.
      const shown = team.people >= k && team.subjects >= k;
      return {
        teamId: team.teamId,
        name: team.name,
        people: team.people,
        answered: shown ? team.answered : null,
        invited: shown ? team.invited : null,
      };
    }),
  };
}
