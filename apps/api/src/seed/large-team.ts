// A generated team of N people with released reports, for checking that dashboards stay usable
// at scale (`DEMO_LARGE_TEAM=500 pnpm start`, and the 500-person browser test). The reports are
// computed by the real aggregation from generated answers; only the collecting is skipped.
import { randomUUID } from "node:crypto";
import { type Database, schema } from "@fivefold/db";
import {
  aggregate,
  DAY_MS,
  getInstrument,
  type Instrument,
  type RaterResponse,
  type Score,
} from "@fivefold/domain";
import type { SeededOrganisation } from "./organisation";

const RELEASED_AT = new Date("2026-10-02T08:00:00.000Z");

/** What writing one batch needs: where it goes, who asked, and the one random stream. */
interface ScaleSeed {
  db: Database;
  orgId: string;
  teamId: string;
  requesterId: string;
  instrument: Instrument;
  next: () => number;
}

interface ScalePerson {
  id: string;
  requestId: string;
  name: string;
  email: string;
}

export async function seedLargeTeam(db: Database, org: SeededOrganisation, size: number): Promise<string> {
  const coach = org.people["coach-1"];
  const requester = org.people.ceo;
  if (!coach || !requester) throw new Error("the demo organisation is missing its coach or CEO");
  let state = 42;
  const next = () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const [team] = await db
    .insert(schema.teams)
    .values({ orgId: org.orgId, name: `Scale test (${size} people)` })
    .returning({ id: schema.teams.id });
  if (!team) throw new Error("team insert returned nothing");
  await db.insert(schema.teamCoaches).values({ orgId: org.orgId, teamId: team.id, personId: coach.personId });
  const seed: ScaleSeed = {
    db,
    orgId: org.orgId,
    teamId: team.id,
    requesterId: requester.personId,
    instrument: getInstrument(),
    next,
  };
  for (let start = 0; start < size; start += 100) {
    const batch = Array.from({ length: Math.min(100, size - start) }, (_, i) => scalePerson(start + i + 1));
    await writeMembers(seed, batch);
    await writeReleasedRequests(seed, batch);
    await seed.db.insert(schema.reportSnapshots).values(batch.map((p) => generatedSnapshot(seed, p)));
  }
  return team.id;
}

function scalePerson(n: number): ScalePerson {
  return {
    id: randomUUID(),
    requestId: randomUUID(),
    name: `Scale Person ${String(n).padStart(3, "0")}`,
    email: `scale.${n}@acme.test`,
  };
}

/** The people, as members of the scale team reporting to the CEO. */
async function writeMembers({ db, orgId, teamId, requesterId }: ScaleSeed, batch: ScalePerson[]) {
  await db
    .insert(schema.people)
    .values(batch.map((p) => ({ id: p.id, orgId, name: p.name, email: p.email, managerId: requesterId })));
  await db
    .insert(schema.personRoles)
    .values(batch.map((p) => ({ orgId, personId: p.id, role: "member" as const })));
  await db.insert(schema.teamMembers).values(batch.map((p) => ({ orgId, teamId, personId: p.id })));
}

/** One released request per person, closed on RELEASED_AT after twenty days open. */
async function writeReleasedRequests(
  { db, orgId, requesterId, instrument }: ScaleSeed,
  batch: ScalePerson[],
) {
  await db.insert(schema.feedbackRequests).values(
    batch.map((p) => ({
      id: p.requestId,
      orgId,
      subjectId: p.id,
      requesterId,
      deadline: RELEASED_AT,
      threshold: 3,
      instrumentVersion: instrument.version,
      state: "released" as const,
      openedAt: new Date(RELEASED_AT.getTime() - 20 * DAY_MS),
      closedAt: RELEASED_AT,
    })),
  );
}

/** The report of five generated answer sets (one self, four peers), aggregated for real. */
function generatedSnapshot({ orgId, instrument, next }: ScaleSeed, p: ScalePerson) {
  const level = instrument.dimensions.map(() => 1.5 + next() * 3.5);
  const responses: RaterResponse[] = Array.from({ length: 5 }, (_, r) => ({
    group: r === 0 ? "self" : "peer",
    answers: Object.fromEntries(
      instrument.dimensions.flatMap((d, di) =>
        d.items.map((item) => [
          item.id,
          Math.min(5, Math.max(1, Math.round((level[di] ?? 3) + next() - 0.5))) as Score,
        ]),
      ),
    ),
  }));
  const result = aggregate({ instrument, responses, threshold: 3, seed: p.requestId });
  if (result.status !== "released") throw new Error("a generated report was not releasable");
  return {
    requestId: p.requestId,
    orgId,
    snapshot: result.snapshot as unknown as Record<string, unknown>,
    instrumentVersion: instrument.version,
    releasedAt: RELEASED_AT,
  };
}
