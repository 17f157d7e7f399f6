// pulses.team: "perceived change" on the coach's dashboard: for each member of a team they coach,
// the latest released pulse per behaviour, as frozen at release (k per figure, rule 10 among
// pulses). The team's coaches only: managers and admins, who may open the team dashboard, never
// see a pulse; each coachee is asked of the access policy on their own.
import { findTeamName, listActiveTeamMembers, listReleasedPulsesOf } from "@fivefold/db";
import {
  ForbiddenError,
  getInstrument,
  indexItems,
  isoDay,
  NotFoundError,
  type TeamPulsesOutput,
} from "@fivefold/domain";
import { readableReports, readerScope } from "../access";
import type { MemberServiceContext } from "../context";

export async function teamPulses({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { teamId: string };
}): Promise<TeamPulsesOutput> {
  if ((await findTeamName(ctx.db, ctx.org.id, input.teamId)) === null) throw new NotFoundError("Team");
  const scope = await readerScope(ctx);
  if (!scope.coachedTeamIds.has(input.teamId)) {
    throw new ForbiddenError("Perceived change is shown to the team's coaches only.");
  }
  const members = await listActiveTeamMembers(ctx.db, ctx.org.id, input.teamId);
  const pulses = await listReleasedPulsesOf(
    ctx.db,
    ctx.org.id,
    members.map((member) => member.id),
  );
  // The access policy decides each coachee's report the pulse follows, as it does on the dashboard.
  const readable = await readableReports(
    ctx,
    pulses.map((row) => ({
      requestId: row.sourceRequestId,
      subjectId: row.subjectId,
      requesterId: row.requesterId,
    })),
    scope.coachees,
  );
  const result: TeamPulsesOutput = [];
  for (const member of members) {
    const pulse = pulses.find((row) => row.subjectId === member.id);
    if (!pulse?.result || !pulse.releasedAt) continue;
    if (readable.get(pulse.sourceRequestId) !== "coach") continue;
    const index = indexItems(getInstrument(pulse.instrumentVersion));
    result.push({
      subject: { id: member.id, name: member.name },
      releasedOn: isoDay(pulse.releasedAt),
      items: pulse.result.figures.map((figure) => ({
        itemId: figure.itemId,
        text: index.get(figure.itemId)?.item.text ?? figure.itemId,
      })),
      perceivedChange: pulse.result.figures,
    });
  }
  return result;
}
