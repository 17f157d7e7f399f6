// Launching a cycle: one draft request per subject, in the cycle, with the manager's and every
// direct report's nominations approved; subjects then propose peers until nominations close. Written
// in batches, one transaction each, so 10,000 subjects never hold one long transaction; a launch
// cut off half-way is resumed by launching again (subjects with a request in the cycle are skipped).
import {
  adminsReadReports,
  analyzeLaunchedTables,
  type CycleRow,
  findAdminIds,
  findCycleSubjects,
  insertChannelAnnouncement,
  insertCycleRequests,
  listCoachPairs,
  updateCycle,
} from "@fivefold/db";
import {
  cycleOpensAnnouncement,
  endOfDay,
  PreconditionFailedError,
  type SubjectPlan,
} from "@fivefold/domain";
import { audit } from "../audit/record";
import { type MemberServiceContext, nowOf, withTransaction } from "../context";
import { currentInstrumentVersion } from "../instrument/versions";
import { judgeCycle } from "./preflight";
import { loadCycle } from "./shape";

/** Requests created at once past which the planner's statistics are refreshed (see the query). */
const ANALYZE_AFTER = 500;

const BATCH = 500;

/** Who reads each subject's report besides the subject and the manager: coaches, reading admins. */
async function readersBySubject(ctx: MemberServiceContext) {
  const [pairs, admins] = await Promise.all([
    listCoachPairs(ctx.db, ctx.org.id),
    adminsReadReports(ctx.db, ctx.org.id).then((allowed) =>
      allowed ? findAdminIds(ctx.db, ctx.org.id) : [],
    ),
  ]);
  const coachesOf = new Map<string, Set<string>>();
  for (const pair of pairs) {
    const set = coachesOf.get(pair.personId) ?? new Set<string>();
    set.add(pair.coachId);
    coachesOf.set(pair.personId, set);
  }
  return (subjectId: string) => new Set([...(coachesOf.get(subjectId) ?? []), ...admins]);
}

/** The nominations a plan makes: the manager, and every direct report who does not read the report (rule 9). */
function draftOf(plan: SubjectPlan, readers: ReadonlySet<string>) {
  return {
    subjectId: plan.subjectId,
    requesterId: plan.managerId ?? plan.subjectId,
    raters: [
      ...(plan.managerId ? [{ personId: plan.managerId, group: "manager" as const }] : []),
      ...plan.directReportIds
        .filter((id) => !readers.has(id))
        .map((personId) => ({ personId, group: "direct_report" as const })),
    ],
  };
}

function assertLaunchable(cycle: CycleRow): void {
  if (cycle.phase !== "draft") {
    throw new PreconditionFailedError(
      cycle.phase === "nominations"
        ? "This cycle is already launched: its nominations are open"
        : cycle.phase === "answering"
          ? "This cycle is already launched: its raters are answering"
          : cycle.phase === "closed"
            ? "This cycle is already launched and closed: its reports wait for release"
            : "This cycle is already launched and its reports are released",
    );
  }
}

export async function launchCycle({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { cycleId: string; exclude?: string[] };
}) {
  const cycle = await loadCycle(ctx, input.cycleId);
  assertLaunchable(cycle);
  const exclude = new Set(input.exclude ?? []);
  const judged = await judgeCycle(ctx, cycle, exclude);
  const blocking = judged.problems.filter((problem) => problem.blocking);
  if (blocking.length > 0) {
    const first = blocking[0];
    const name = judged.names.get(first?.personId ?? "") ?? "";
    const detail = first?.detail ?? "";
    throw new PreconditionFailedError(
      blocking.length === 1
        ? `A blocking problem remains (${name}: ${detail}); exclude this person or resolve it, then launch again`
        : `${blocking.length} blocking problems remain (the first: ${name}, ${detail}); exclude those people or resolve them, then launch again`,
    );
  }
  const done = await findCycleSubjects(ctx.db, ctx.org.id, cycle.id);
  const readers = await readersBySubject(ctx);
  const plans = judged.plans.filter((plan) => !done.has(plan.subjectId));
  const target = {
    id: cycle.id,
    orgId: ctx.org.id,
    deadline: endOfDay(cycle.answersDueOn as string),
    threshold: ctx.org.anonymityThreshold,
    // Replaced by the version current when each request opens (openLocked).
    instrumentVersion: await currentInstrumentVersion(ctx, ctx.org.id),
  };
  let created = 0;
  for (let start = 0; start < plans.length; start += BATCH) {
    const batch = plans.slice(start, start + BATCH).map((plan) => draftOf(plan, readers(plan.subjectId)));
    created += await withTransaction(ctx, (ctx) => insertCycleRequests(ctx.db, target, batch));
  }
  if (created >= ANALYZE_AFTER) await analyzeLaunchedTables(ctx.db);
  await withTransaction(ctx, async (ctx) => {
    const locked = await loadCycle(ctx, cycle.id, "update");
    assertLaunchable(locked);
    await updateCycle(ctx.db, ctx.org.id, cycle.id, { phase: "nominations", launchedAt: nowOf(ctx) });
    await audit(
      ctx.db,
      ctx,
      "cycles.launch",
      { type: "cycle", id: cycle.id },
      { requests: done.size + created, excluded: exclude.size },
    );
    // The channel hears that the cycle opens, by its name only (nothing when no webhook is set).
    await insertChannelAnnouncement(ctx.db, {
      orgId: ctx.org.id,
      dedupeKey: `cycle-opens:${cycle.id}`,
      text: cycleOpensAnnouncement(cycle.name, ctx.org.language),
    });
  });
  return { requests: done.size + created };
}
