// A generated team of N people with released reports, for checking that dashboards stay usable
// at scale (`DEMO_LARGE_TEAM=500 pnpm start`, and the 500-person browser test). The reports are
// computed by the real aggregation from generated answers; only the collecting is skipped.
import { randomUUID } from "node:crypto";
import { type Database, schema } from "@fivefold/db";
import { aggregate, getInstrument, type RaterResponse, type Score } from "@fivefold/domain";
import type { SeededOrganisation } from "./organisation";

export async function seedLargeTeam(db: Database, org: SeededOrganisation, size: number): Promise<string> {
  const instrument = getInstrument();
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
  const releasedAt = new Date("2026-10-02T08:00:00.000Z");

  for (let start = 0; start < size; start += 100) {
    const batch = Array.from({ length: Math.min(100, size - start) }, (_, i) => {
      const n = start + i + 1;
      return {
        id: randomUUID(),
        requestId: randomUUID(),
        name: `Scale Person ${String(n).padStart(3, "0")}`,
        email: `scale.${n}@acme.test`,
      };
    });
    await db.insert(schema.people).values(
      batch.map((p) => ({
        id: p.id,
        orgId: org.orgId,
        name: p.name,
        email: p.email,
        managerId: requester.personId,
      })),
    );
    await db
      .insert(schema.personRoles)
      .values(batch.map((p) => ({ orgId: org.orgId, personId: p.id, role: "member" as const })));
    await db
      .insert(schema.teamMembers)
      .values(batch.map((p) => ({ orgId: org.orgId, teamId: team.id, personId: p.id })));
    await db.insert(schema.feedbackRequests).values(
      batch.map((p) => ({
        id: p.requestId,
        orgId: org.orgId,
        subjectId: p.id,
        requesterId: requester.personId,
        deadline: releasedAt,
        threshold: 3,
        instrumentVersion: instrument.version,
        state: "released" as const,
        openedAt: new Date(releasedAt.getTime() - 20 * 86_400_000),
        closedAt: releasedAt,
      })),
    );
    const snapshots = batch.map((p) => {
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
        orgId: org.orgId,
        snapshot: result.snapshot as unknown as Record<string, unknown>,
        instrumentVersion: instrument.version,
        releasedAt,
      };
    });
    await db.insert(schema.reportSnapshots).values(snapshots);
  }
  return team.id;
}
