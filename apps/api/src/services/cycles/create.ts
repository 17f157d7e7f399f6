// Creating a cycle: a name, who takes part, the three days and the rater rules. Nothing is asked
// of anyone yet: the admin pre-flights and launches it next.
import { findCycleByName, findTeamIds, insertCycle, listCyclePeople } from "@fivefold/db";
import {
  ConflictError,
  type CyclePopulation,
  type CycleRulesInput,
  checkCycleCalendar,
  InvalidInputError,
  isoDay,
  resolveCycleRules,
} from "@fivefold/domain";
import { audit } from "../audit/record";
import { type MemberServiceContext, nowOf, withTransaction } from "../context";

export interface CreateCycleInput {
  name: string;
  population: CyclePopulation;
  nominationsCloseOn: string;
  answersDueOn: string;
  releaseOn: string;
  rules?: CycleRulesInput;
}

/** Ids the population names that are not teams or active people of this organisation. */
async function assertPopulationKnown(ctx: MemberServiceContext, population: CyclePopulation): Promise<void> {
  if ("teamIds" in population) {
    const known = await findTeamIds(ctx.db, ctx.org.id, population.teamIds);
    const unknown = population.teamIds.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new InvalidInputError(`No team of your organisation has the id ${unknown.join(", ")}`, {
        "population.teamIds": "Choose teams of your organisation",
      });
    }
  }
  if ("personIds" in population) {
    const active = new Set((await listCyclePeople(ctx.db, ctx.org.id)).map((person) => person.id));
    const unknown = population.personIds.filter((id) => !active.has(id));
    if (unknown.length > 0) {
      throw new InvalidInputError(
        unknown.length === 1
          ? `One of the people chosen is not an active person of your organisation (${unknown[0]})`
          : `${unknown.length} of the people chosen are not active people of your organisation (${unknown.slice(0, 3).join(", ")}${unknown.length > 3 ? ", …" : ""})`,
        { "population.personIds": "Choose active people of your organisation" },
      );
    }
  }
}

export async function createCycle({ ctx, input }: { ctx: MemberServiceContext; input: CreateCycleInput }) {
  const now = nowOf(ctx);
  const calendar = {
    nominationsCloseOn: input.nominationsCloseOn,
    answersDueOn: input.answersDueOn,
    releaseOn: input.releaseOn,
  };
  checkCycleCalendar(calendar, now);
  const rules = resolveCycleRules(input.rules);
  await assertPopulationKnown(ctx, input.population);
  return withTransaction(ctx, async (ctx) => {
    if (await findCycleByName(ctx.db, ctx.org.id, input.name)) {
      throw new ConflictError(`A cycle named "${input.name}" already exists: choose another name`);
    }
    const row = await insertCycle(ctx.db, {
      orgId: ctx.org.id,
      name: input.name,
      startsOn: isoDay(now),
      endsOn: input.releaseOn,
      phase: "draft",
      population: input.population,
      rules: { ...rules },
      ...calendar,
      createdById: ctx.person.id,
    });
    await audit(
      ctx.db,
      ctx,
      "cycles.create",
      { type: "cycle", id: row.id },
      { population: Object.keys(input.population)[0] },
    );
    return { id: row.id };
  });
}
