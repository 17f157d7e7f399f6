// The pre-flight of a cycle (nothing is written): the domain judges the organisation's facts.
import {
  type CycleRow,
  findActiveRequestSubjects,
  findHistoryWindowDays,
  findLastReleases,
  listCyclePeople,
} from "@fivefold/db";
import {
  PreconditionFailedError,
  type Preflight,
  preflightCycle,
  resolveCycleRules,
  selectPopulation,
} from "@fivefold/domain";
import { type MemberServiceContext, nowOf } from "../context";
import { loadCycle, populationOf, rulesOf } from "./shape";

export interface PreflightResult extends Preflight {
  names: Map<string, string>;
}

/** The pre-flight of a cycle row, leaving out `exclude`. */
export async function judgeCycle(
  ctx: MemberServiceContext,
  cycle: CycleRow,
  exclude: ReadonlySet<string> = new Set(),
): Promise<PreflightResult> {
  const population = populationOf(cycle);
  if (!population)
    throw new PreconditionFailedError("This cycle was not made in the app: it has nobody to ask");
  const [people, openRequestSubjectIds, lastReleasedAt, historyWindowDays] = await Promise.all([
    listCyclePeople(ctx.db, ctx.org.id),
    findActiveRequestSubjects(ctx.db, ctx.org.id, cycle.id),
    findLastReleases(ctx.db, ctx.org.id),
    findHistoryWindowDays(ctx.db, ctx.org.id),
  ]);
  const subjectIds = selectPopulation(people, population).filter((id) => !exclude.has(id));
  const result = preflightCycle({
    people,
    subjectIds,
    rules: rulesOf(cycle) ?? resolveCycleRules(undefined),
    threshold: ctx.org.anonymityThreshold,
    historyWindowDays,
    openRequestSubjectIds,
    lastReleasedAt,
    now: nowOf(ctx),
  });
  return { ...result, names: new Map(people.map((person) => [person.id, person.name])) };
}

export async function preflight({ ctx, input }: { ctx: MemberServiceContext; input: { cycleId: string } }) {
  const cycle = await loadCycle(ctx, input.cycleId);
  const result = await judgeCycle(ctx, cycle);
  return {
    subjects: result.subjects,
    ready: result.ready,
    problems: result.problems.map((problem) => ({
      ...problem,
      name: result.names.get(problem.personId) ?? "",
    })),
  };
}
