// The demo's running cycle: "Winter 2026" for Operations, created, pre-flighted and launched through
// the product's own services as the demo admin would, so it sits in its nominations phase on
// `pnpm start`. Those whose autumn report is too recent (rule 10) are excluded, as the pre-flight
// asks; the others propose their peers until nominations close.
import type { Database } from "@fivefold/db";
import { isoDay } from "@fivefold/domain";
import { createCycle } from "../services/cycles/create";
import { launchCycle } from "../services/cycles/launch";
import { preflight } from "../services/cycles/preflight";
import { contextFactory } from "./context";
import type { SeededOrganisation } from "./organisation";

export const DEMO_RUNNING_CYCLE = "Winter 2026";
export const DEMO_RUNNING_TEAM = "Operations";

const dayFrom = (now: number, days: number) => isoDay(new Date(now + days * 86_400_000));

export async function seedRunningCycle(
  db: Database,
  org: SeededOrganisation,
  options: { sealingSecret: string },
): Promise<{ cycleId: string; requests: number; excluded: number }> {
  const ctx = (await contextFactory(db, org, options.sealingSecret)).as("admin");
  const teamId = org.teams[DEMO_RUNNING_TEAM];
  if (!teamId) throw new Error(`demo team ${DEMO_RUNNING_TEAM} missing`);
  const now = Date.now();
  const { id: cycleId } = await createCycle({
    ctx,
    input: {
      name: DEMO_RUNNING_CYCLE,
      population: { teamIds: [teamId] },
      nominationsCloseOn: dayFrom(now, 10),
      answersDueOn: dayFrom(now, 24),
      releaseOn: dayFrom(now, 28),
    },
  });
  const flight = await preflight({ ctx, input: { cycleId } });
  const exclude = [...new Set(flight.problems.filter((p) => p.blocking).map((p) => p.personId))];
  const { requests } = await launchCycle({ ctx, input: { cycleId, exclude } });
  return { cycleId, requests, excluded: exclude.length };
}
