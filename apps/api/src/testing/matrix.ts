// Test-only: the seeded world of the authorization matrix (routers/authorization-matrix.test.ts).
// Two organisations; in Alpha a subject with a released report, a published plan whose circle (four
// partners and a lead) accepted, a check-in, an open request with a rater, a draft cycle, and one
// person per relation the matrix names. Objects that a succeeding mutation uses up are made again on
// demand ("slots"), so every cell of a mutation meets the same state.
import type { SeededOrganisation } from "../seed/organisation";
import { createHarness, type Harness, idOf, smallOrg } from "./harness";
import {
  alphaSeed,
  day,
  makeOpenRequest,
  makeRequest,
  type OpenRequest,
  OUTSIDER,
  POOL_SIZE,
  seedWorld,
} from "./matrix-seed";

export { OUTSIDER };

/** Every relation a caller can have to the subject and their objects, in the table's column order. */
export const RELATIONS = [
  "anonymous",
  "member",
  "rater",
  "subject",
  "manager",
  "otherManager",
  "coach",
  "otherCoach",
  "partner",
  "lead",
  "admin",
  "otherAdmin",
  "analyst",
  "readingAdmin",
] as const;
export type Relation = (typeof RELATIONS)[number];

/** Who plays each relation: a key of Alpha, of Beta, or nobody signed in. */
const CAST: Record<Relation, { org: "a" | "b"; key: string } | null> = {
  anonymous: null,
  member: { org: "a", key: "member" },
  rater: { org: "a", key: "rater" },
  subject: { org: "a", key: "subject" },
  manager: { org: "a", key: "manager" },
  otherManager: { org: "a", key: "other-manager" },
  coach: { org: "a", key: "coach" },
  otherCoach: { org: "a", key: "other-coach" },
  partner: { org: "a", key: "partner" },
  lead: { org: "a", key: "lead" },
  admin: { org: "a", key: "admin" },
  otherAdmin: { org: "b", key: "admin" },
  analyst: { org: "a", key: "analyst" },
  // Alpha's admin while Alpha lets admins read reports (set for that cell only: `enter`, `leave`).
  readingAdmin: { org: "a", key: "admin" },
};

export interface MatrixFixture {
  h: Harness;
  a: SeededOrganisation;
  b: SeededOrganisation;
  /** A person of Alpha by key. */
  id(key: string): string;
  /** The subject's released report (requested by the manager, rated by p1–p4). */
  released: string;
  /** The subject's published plan on it; partner, partner2, partner3 and lead accepted. */
  planId: string;
  /** The partner's (accepted) place in that circle. */
  partnershipId: string;
  /** A check-in the subject logged on the plan. */
  checkinId: string;
  coreTeamId: string;
  otherTeamId: string;
  /** A draft cycle of Alpha (everyone). */
  cycleId: string;
  /** A launched cycle of one person (cycle-subject, the manager's report), and its request. */
  launchedCycleId: string;
  cycleRequestId: string;
  /** A mail in Alpha's outbox (p1's invitation to the released request). */
  mailId: string;
  /** A name never used before, for what must be unique. */
  unique(prefix: string): string;
  /** A pool person never handed out before. */
  poolPerson(): string;
  /** The open request on the subject, made again after a mutation used it up. */
  openRequest(): Promise<OpenRequest>;
  /** A draft request on the subject (raters join only before a request opens); replaces the open one. */
  draftRequest(): Promise<string>;
  /** A nomination that the subject proposed on the draft request, pending. */
  nomination(): Promise<string>;
  /** A pending invitation into the subject's circle. */
  pendingPartnership(): Promise<string>;
  /** A draft cycle of one pool person, for launching. */
  draftCycle(): Promise<string>;
  /** A person of Alpha nothing depends on, for erasing. */
  throwawayPerson(): Promise<string>;
  /** A team of Alpha nothing depends on, for removing. */
  throwawayTeam(): Promise<string>;
  /** Forgets a slot, so the next cell gets a fresh object. */
  consume(slot: Slot): void;
  callerFor(relation: Relation): ReturnType<Harness["callerFor"]>;
  /** Sets Alpha up for the relation's cell (admins read reports for readingAdmin), and back. */
  enter(relation: Relation): Promise<void>;
  leave(relation: Relation): Promise<void>;
}

export type Slot = "openRequest" | "draftRequest" | "nomination" | "pendingPartnership" | "draftCycle";

type SlotMakers = Pick<
  MatrixFixture,
  "openRequest" | "draftRequest" | "nomination" | "pendingPartnership" | "draftCycle" | "consume"
>;
type Base = Omit<MatrixFixture, keyof SlotMakers>;

/** The objects a succeeding mutation uses up, each made on first use and again once consumed. */
function slotMakers(f: Base): SlotMakers {
  const { h, a } = f;
  const slots = new Map<Slot, Promise<unknown>>();
  const slot = <T>(name: Slot, make: () => Promise<T>): Promise<T> => {
    const value = (slots.get(name) as Promise<T> | undefined) ?? make();
    slots.set(name, value);
    return value;
  };
  const makers: SlotMakers = {
    // The subject has one active request at a time: making the open one ends the draft, and back.
    openRequest: () =>
      slot("openRequest", () => {
        makers.consume("draftRequest");
        return makeOpenRequest(h, a);
      }),
    draftRequest: () =>
      slot("draftRequest", () => {
        makers.consume("openRequest");
        return makeRequest(h, a, false);
      }),
    nomination: () =>
      slot("nomination", async () => {
        const requestId = await makers.draftRequest();
        const input = { requestId, personId: f.poolPerson(), group: "peer" as const };
        return (await h.as(a, "subject").nominations.propose(input)).nominationId;
      }),
    pendingPartnership: () =>
      slot("pendingPartnership", async () => {
        const input = { planId: f.planId, personId: f.poolPerson(), role: "partner" as const };
        return (await h.as(a, "subject").plans.invitePartner(input)).partnershipId;
      }),
    draftCycle: () =>
      slot("draftCycle", async () => {
        const created = await h.as(a, "admin").cycles.create({
          name: f.unique("Launch "),
          population: { personIds: [f.poolPerson()] },
          nominationsCloseOn: day(7),
          answersDueOn: day(14),
          releaseOn: day(21),
        });
        return created.id;
      }),
    consume: (name) => {
      slots.delete(name);
      // A nomination lives on the draft request: a new request needs a new nomination.
      if (name === "draftRequest") slots.delete("nomination");
    },
  };
  return makers;
}

export async function createMatrixFixture(): Promise<MatrixFixture> {
  const h = await createHarness();
  const a = await h.seed(alphaSeed());
  const b = await h.seed(smallOrg("Beta", "beta.test"));
  const world = await seedWorld(h, a);
  let counter = 0;
  let pool = 0;
  const base: Base = {
    h,
    a,
    b,
    id: (key) => idOf(a, key),
    ...world,
    coreTeamId: a.teams["Alpha Core"] ?? "",
    otherTeamId: a.teams["Alpha Other"] ?? "",
    unique: (prefix) => `${prefix}${++counter}`,
    poolPerson: () => {
      pool += 1;
      if (pool > POOL_SIZE) throw new Error("the matrix's pool of people ran out: raise POOL_SIZE");
      return idOf(a, `n${pool}`);
    },
    throwawayPerson: async () => {
      const name = base.unique("throwaway");
      return (await h.as(a, "admin").people.create({ name, email: `${name}@alpha.test` })).id;
    },
    throwawayTeam: async () => (await h.as(a, "admin").teams.upsert({ name: base.unique("Throwaway ") })).id,
    callerFor: (relation) => {
      const cast = CAST[relation];
      return cast ? h.as(cast.org === "a" ? a : b, cast.key) : h.callerFor(null);
    },
    enter: async (relation) => {
      if (relation === "readingAdmin") await h.as(a, "admin").settings.update({ adminsReadReports: true });
    },
    leave: async (relation) => {
      if (relation === "readingAdmin") await h.as(a, "admin").settings.update({ adminsReadReports: false });
    },
  };
  return { ...base, ...slotMakers(base) };
}
