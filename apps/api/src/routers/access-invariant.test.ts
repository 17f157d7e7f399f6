// The access-policy invariant (ADR 0003): every procedure whose output carries report figures asks
// the one access policy (services/access). The procedures are found in the application router by
// their output schemas (the domain marks figure schemas with `figures`), so a new procedure that
// returns figures fails here by name until it has an entry in CALLS, and fails again if calling it
// leaves no access check on its context.

import { schema } from "@fivefold/db";
import { carriesFigures, reportListOutput } from "@fivefold/domain";
import { type AnyRouter, initTRPC } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { appRouter, createCaller } from "../router";
import type { SeededOrganisation } from "../seed/organisation";
import { accessChecks } from "../services/access";
import { fullAnswers } from "../testing/answers";
import { collectOrg, createHarness, type Harness, TEST_APP_URL } from "../testing/harness";
import { type Context, createContextFor } from "../trpc/context";

/** What the seeded database holds for the calls below: one released report, on a coached team. */
interface Fixture {
  h: Harness;
  org: SeededOrganisation;
  /** A released report on `subject`, requested by `manager`, the Core team's `coach` not a rater. */
  requestId: string;
  /** The Core team: manager, subject, p1–p3; coached by `coach`. */
  teamId: string;
  /** A cycle of the organisation; `stranger` is its analyst. */
  cycleId: string;
  /** The subject's draft plan on that report (its perceived change is figures: issue 19). */
  planId: string;
}

interface Call {
  /** The seeded person who calls (a key of collectOrg). */
  as: string;
  /** A valid input, when the procedure takes one. */
  input?: (fixture: Fixture) => unknown;
}

/** One line per procedure that returns figures: who calls it with what. */
const CALLS: Record<string, Call> = {
  "reports.get": { as: "coach", input: (f) => ({ requestId: f.requestId }) },
  "reports.list": { as: "coach" },
  "dashboards.team": { as: "coach", input: (f) => ({ teamId: f.teamId }) },
  "analytics.org": { as: "stranger", input: (f) => ({ cycleId: f.cycleId, by: "team" }) },
  "pulses.team": { as: "coach", input: (f) => ({ teamId: f.teamId }) },
  "plans.get": { as: "coach", input: (f) => ({ planId: f.planId }) },
  "plans.update": { as: "coach", input: (f) => ({ planId: f.planId, cadence: "weekly" }) },
};

interface ProcedureDef {
  type: "query" | "mutation" | "subscription";
  output?: unknown;
}

/** The procedures of a router (dotted paths) whose output schema carries report figures. */
function figureProcedures(router: AnyRouter): string[] {
  const procedures = router._def.procedures as Record<string, { _def: ProcedureDef }>;
  return Object.entries(procedures)
    .filter(([, procedure]) => {
      const output = procedure._def.output as z.ZodType | undefined;
      return output !== undefined && carriesFigures(output);
    })
    .map(([path]) => path)
    .sort();
}

/** Calls the procedure at `path` with a fresh context, and returns the checks it left on it. */
async function callAndCollect(
  caller: (ctx: Context) => unknown,
  ctx: Context,
  path: string,
  input: unknown,
): Promise<ReadonlySet<string>> {
  const procedure = path
    .split(".")
    .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], caller(ctx)) as (
    input: unknown,
  ) => Promise<unknown>;
  await procedure(input);
  return accessChecks(ctx);
}

let h: Harness;
let fixture: Fixture;

function contextAs(org: SeededOrganisation, key: string): Context {
  const userId = org.people[key]?.userId;
  if (!userId) throw new Error(`no signed-in person "${key}"`);
  return createContextFor(
    { ...h.database, appUrl: TEST_APP_URL, mailboxEnabled: true, sealingSecret: h.sealingSecret },
    userId,
  );
}

async function releasedReport(org: SeededOrganisation): Promise<string> {
  const person = (key: string) => {
    const found = org.people[key]?.personId;
    if (!found) throw new Error(`no person "${key}" in the seeded organisation`);
    return found;
  };
  const raters = ["p1", "p2", "p3", "p4"];
  const { id: requestId } = await h.as(org, "manager").requests.create({
    subjectId: person("subject"),
    deadline: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    raters: raters.map((key) => ({ personId: person(key), group: "peer" as const })),
  });
  for (const key of ["subject", ...raters]) {
    const caller = h.as(org, key);
    const invitation = (await caller.inbox.list()).find((i) => i.requestId === requestId);
    if (!invitation) throw new Error(`${key} not invited`);
    await caller.responses.submit({ invitationId: invitation.invitationId, answers: fullAnswers(4) });
  }
  const { state } = await h.as(org, "manager").requests.close({ requestId });
  if (state !== "released") throw new Error(`the fixture's request closed ${state}`);
  return requestId;
}

beforeAll(async () => {
  h = await createHarness();
  const org = await h.seed(collectOrg("Alpha", "alpha.test"));
  const teamId = org.teams.Core;
  if (!teamId) throw new Error("no Core team in the seeded organisation");
  const requestId = await releasedReport(org);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const { id: cycleId } = await h.as(org, "admin").cycles.create({
    name: "Invariant",
    population: { everyone: true },
    nominationsCloseOn: day(7),
    answersDueOn: day(14),
    releaseOn: day(21),
  });
  await h.database.db
    .insert(schema.personRoles)
    .values({ orgId: org.orgId, personId: org.people.stranger?.personId ?? "", role: "analyst" });
  const { id: planId } = await h.as(org, "subject").plans.create({ requestId });
  fixture = { h, org, requestId, teamId, cycleId, planId };
});
afterAll(async () => {
  await h?.close();
});

describe("every procedure that returns report figures consults the access policy", () => {
  const found = figureProcedures(appRouter);

  it("finds the figure-returning procedures by their output schemas", () => {
    expect(found.length).toBeGreaterThan(0);
    expect(found).toEqual(expect.arrayContaining(["reports.get", "reports.list", "dashboards.team"]));
  });

  it("has a call for each of them", () => {
    expect(found.filter((path) => !(path in CALLS))).toEqual([]);
  });

  it.each(found)("%s records an access check", async (path) => {
    const call = CALLS[path];
    if (!call) throw new Error(`${path} returns report figures but has no entry in CALLS`);
    const ctx = contextAs(fixture.org, call.as);
    const checks = await callAndCollect(createCaller, ctx, path, call.input?.(fixture));
    expect(
      [...checks].filter((check) => check !== "readers"),
      path,
    ).not.toEqual([]);
  });
});

describe("the invariant test itself", () => {
  // A router with one procedure that returns figures without asking the policy: what the test
  // above must catch.
  const t = initTRPC.context<Context>().create();
  const leaky = t.router({
    reports: t.router({ all: t.procedure.output(reportListOutput).query(() => []) }),
    plain: t.procedure.output(z.string()).query(() => "no figures"),
  });

  it("finds a figure-returning procedure that is not in CALLS", () => {
    expect(figureProcedures(leaky)).toEqual(["reports.all"]);
    expect(figureProcedures(leaky).filter((path) => !(path in CALLS))).toEqual(["reports.all"]);
  });

  it("sees no access check when a procedure does not consult the policy", async () => {
    const ctx = contextAs(fixture.org, "coach");
    const checks = await callAndCollect(t.createCallerFactory(leaky), ctx, "reports.all", undefined);
    expect([...checks]).toEqual([]);
  });
});
