// The demo organisation "Acme": a CEO, an admin, two coaches and five managers with teams of
// seven, so every journey can be tried on `pnpm start`. Demo sign-ins share one password.
import { countOrganisations, type Database, schema } from "@fivefold/db";
import { eq } from "drizzle-orm";
import { DEMO_PARTNER_DOMAIN, seedDemoHistory } from "./history";
import { seedDemoInstrument } from "./instrument";
import { type PersonSeed, type SeededOrganisation, seedOrganisation, type TeamSeed } from "./organisation";
import { seedDemoPlans } from "./plans";
import { seedDemoPulses } from "./pulses";
import { seedRunningCycle } from "./running-cycle";

export const DEMO_PASSWORD = "fivefold-demo";
export const DEMO_ORG_NAME = "Acme";
/** Ben Carter of Product Design also reads the organisation view: the analyst role, aggregates only. */
export const DEMO_ANALYST_KEY = "team-2-7";

const teams: Array<{ name: string; manager: string; members: string[] }> = [
  {
    name: "Platform Engineering",
    manager: "Daniel Okafor",
    members: [
      "Mei Lin",
      "Tomás Herrera",
      "Aisha Bello",
      "Lukas Becker",
      "Sofia Rossi",
      "Ravi Iyer",
      "Hannah Kim",
    ],
  },
  {
    name: "Product Design",
    manager: "Elena Petrova",
    members: [
      "Jonas Lindqvist",
      "Fatima Zahra",
      "Oliver Grant",
      "Chloé Martin",
      "Kenji Watanabe",
      "Amara Nwosu",
      "Ben Carter",
    ],
  },
  {
    name: "Sales",
    manager: "Marcus Webb",
    members: [
      "Isabel Duarte",
      "Samuel Osei",
      "Nina Kowalski",
      "Arjun Mehta",
      "Grace Liu",
      "Pedro Alves",
      "Leah Cohen",
    ],
  },
  {
    name: "Customer Success",
    manager: "Yuki Tanaka",
    members: [
      "Omar Farouk",
      "Clara Jensen",
      "Diego Ramírez",
      "Zoe Adams",
      "Ibrahim Diallo",
      "Freya Nilsson",
      "Victor Dubois",
    ],
  },
  {
    name: "Operations",
    manager: "Rachel Stein",
    members: [
      "Kwame Mensah",
      "Lucía Fernández",
      "Ethan Brooks",
      "Ingrid Halvorsen",
      "Mateo Silva",
      "Priya Raman",
      "Noah Fischer",
    ],
  },
];

export function emailFor(name: string): string {
  const ascii = name.normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  return `${ascii.toLowerCase().replace(/[^a-z]+/g, ".")}@acme.test`;
}

export function demoSeed(): { people: PersonSeed[]; teams: TeamSeed[] } {
  const people: PersonSeed[] = [
    { key: "ceo", name: "Morgan Reyes", email: "morgan.reyes@acme.test", roles: ["manager"] },
    {
      key: "admin",
      name: "Alex Admin",
      email: "admin@acme.test",
      managerKey: "ceo",
      roles: ["admin"],
    },
    {
      key: "coach-1",
      name: "Noor Haddad",
      email: "noor.haddad@acme.test",
      managerKey: "admin",
      roles: ["coach"],
    },
    {
      key: "coach-2",
      name: "Sam Whitfield",
      email: "sam.whitfield@acme.test",
      managerKey: "admin",
      roles: ["coach"],
    },
  ];
  const teamSeeds: TeamSeed[] = [];
  teams.forEach((team, t) => {
    const managerKey = `manager-${t + 1}`;
    people.push({
      key: managerKey,
      name: team.manager,
      email: emailFor(team.manager),
      managerKey: "ceo",
      roles: ["manager"],
    });
    const memberKeys = team.members.map((name, m) => {
      const key = `team-${t + 1}-${m + 1}`;
      people.push({
        key,
        name,
        email: emailFor(name),
        managerKey,
        ...(key === DEMO_ANALYST_KEY ? { roles: ["analyst" as const] } : {}),
      });
      return key;
    });
    teamSeeds.push({
      name: team.name,
      memberKeys: [managerKey, ...memberKeys],
      coachKeys: [t < 3 ? "coach-1" : "coach-2"],
    });
  });
  return { people, teams: teamSeeds };
}

/**
 * Seeds Acme when the database holds no organisation yet; returns null when it already had one.
 * The requests still collecting hold answers sealed with `sealingSecret`, the server's own.
 */
export async function seedDemoIfEmpty(
  db: Database,
  options: { sealingSecret: string },
): Promise<SeededOrganisation | null> {
  if ((await countOrganisations(db)) > 0) return null;
  const { people, teams: teamSeeds } = demoSeed();
  const org = await seedOrganisation(db, {
    name: DEMO_ORG_NAME,
    people,
    teams: teamSeeds,
    password: DEMO_PASSWORD,
  });
  // Acme vouches for its agency partner: raters from there count towards anonymity (rule 9).
  await db
    .update(schema.organisations)
    .set({ externalRaterDomains: [DEMO_PARTNER_DOMAIN] })
    .where(eq(schema.organisations.id, org.orgId));
  await seedDemoHistory(db, org, options);
  await seedDemoPlans(db, org, options);
  // Before the running cycle's drafts open (they freeze the version current then: 2).
  await seedDemoInstrument(db, org, options);
  await seedDemoPulses(db, org, options);
  await seedRunningCycle(db, org, options);
  return org;
}
