// The demo's past: two released cycles (spring and autumn 2026) for most of Acme, a request that
// closed with too few answers, and requests collecting answers now. It goes through the same
// verbs as the product (create, submit, close), with the clock set to each cycle's dates, so the
// demo's reports are computed exactly like real ones.
import { type Database, schema } from "@fivefold/db";
import { DAY_MS as DAY, getInstrument, isoDay } from "@fivefold/domain";
import { eq } from "drizzle-orm";
import { contextFactory } from "./context";
import { at, type HistorySeed, type Outcome, runRequest } from "./demo-request";
import type { SeededOrganisation } from "./organisation";

/** The external domain Acme vouches for, so its partners' answers count (rule 9). */
export const DEMO_PARTNER_DOMAIN = "partner.example";

interface CycleSeed {
  name: string;
  startsOn: string;
  endsOn: string;
  /** How many members of each team are rated in this cycle. */
  subjectsPerTeam: number;
  /** Added to everyone's true level: people grow between cycles. */
  growth: number;
}

const CYCLES: CycleSeed[] = [
  { name: "Spring 2026", startsOn: "2026-03-02", endsOn: "2026-03-27", subjectsPerTeam: 4, growth: 0 },
  { name: "Autumn 2026", startsOn: "2026-09-07", endsOn: "2026-10-02", subjectsPerTeam: 5, growth: 0.35 },
];

export interface DemoHistory {
  released: number;
  insufficient: number;
  open: number;
}

export async function seedDemoHistory(
  db: Database,
  org: SeededOrganisation,
  options: { sealingSecret: string },
): Promise<DemoHistory> {
  const seed: HistorySeed = {
    db,
    org,
    instrument: getInstrument(),
    contexts: await contextFactory(db, org, options.sealingSecret),
    sealingSecret: options.sealingSecret,
  };
  const history: DemoHistory = { released: 0, insufficient: 0, open: 0 };
  await seedReleasedCycles(seed, history);
  await seedAttentionRequest(seed, history);
  // The mails of the past were sent long ago: keep the mailbox for what happens from now on, which
  // starts with the invitations of the requests collecting now (every link the README promises).
  await db.delete(schema.outbox).where(eq(schema.outbox.orgId, org.orgId));
  await seedOpenRequests(seed, history);
  return history;
}

const countClosed = (history: DemoHistory, outcome: Outcome) => {
  history[outcome === "released" ? "released" : "insufficient"]++;
};

/** Both cycles: in each team, the first members are rated by their manager and four peers. */
async function seedReleasedCycles(seed: HistorySeed, history: DemoHistory): Promise<void> {
  const teams = [1, 2, 3, 4, 5].map((t) => ({
    manager: `manager-${t}`,
    members: [1, 2, 3, 4, 5, 6, 7].map((m) => `team-${t}-${m}`),
  }));
  for (const cycle of CYCLES) {
    const [row] = await seed.db
      .insert(schema.cycles)
      .values({
        orgId: seed.org.orgId,
        name: cycle.name,
        startsOn: cycle.startsOn,
        endsOn: cycle.endsOn,
        phase: "released",
      })
      .returning({ id: schema.cycles.id });
    for (const team of teams) {
      for (const [i, subjectKey] of team.members.slice(0, cycle.subjectsPerTeam).entries()) {
        const peers = team.members.filter((m) => m !== subjectKey).slice(i % 2, (i % 2) + 4);
        // In autumn, Product Design also heard from the agency Acme vouches for (rule 9).
        const partner =
          cycle.name === "Autumn 2026" && team.manager === "manager-2"
            ? [{ key: `external:ines.duarte@${DEMO_PARTNER_DOMAIN}`, group: "other" as const }]
            : [];
        const outcome = await runRequest(seed, {
          managerKey: team.manager,
          subjectKey,
          raters: [
            { key: team.manager, group: "manager" },
            ...peers.map((key) => ({ key, group: "peer" as const })),
            ...partner,
          ],
          cycleId: row?.id ?? null,
          opensOn: cycle.startsOn,
          deadline: at(cycle.endsOn),
          growth: cycle.growth,
          close: true,
        });
        countClosed(history, outcome);
      }
    }
  }
}

/** Someone who needs attention: their autumn request closed with too few answers. */
async function seedAttentionRequest(seed: HistorySeed, history: DemoHistory): Promise<void> {
  const autumn = await seed.db.select().from(schema.cycles).where(eq(schema.cycles.name, "Autumn 2026"));
  const attention = await runRequest(seed, {
    managerKey: "manager-3",
    subjectKey: "team-3-6",
    raters: ["team-3-1", "team-3-2", "team-3-3"].map((key) => ({ key, group: "peer" as const })),
    cycleId: autumn[0]?.id ?? null,
    opensOn: "2026-09-07",
    deadline: at("2026-10-02"),
    growth: 0,
    answering: (key) => key === "team-3-1" || key === "team-3-2",
    close: true,
  });
  countClosed(history, attention);
}

/** Requests collecting answers right now, in Product Design and Sales. */
async function seedOpenRequests(seed: HistorySeed, history: DemoHistory): Promise<void> {
  const now = Date.now();
  for (const [managerKey, subjectKey, peers] of [
    ["manager-2", "team-2-6", ["team-2-1", "team-2-2", "team-2-3", "team-2-4"]],
    ["manager-3", "team-3-7", ["team-3-1", "team-3-2", "team-3-4", "team-3-5"]],
  ] as const) {
    await runRequest(seed, {
      managerKey,
      subjectKey,
      raters: [
        { key: managerKey, group: "manager" },
        ...peers.map((key) => ({ key, group: "peer" as const })),
      ],
      cycleId: null,
      opensOn: isoDay(new Date(now - 5 * DAY)),
      deadline: new Date(now + 14 * DAY),
      growth: 0.3,
      answering: (_key, index) => index % 2 === 0,
      close: false,
    });
    history.open++;
  }
}
