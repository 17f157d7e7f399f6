// The shape of the large organisation, decided in memory before anything is written: a reporting
// tree under a CEO (every manager has 5–11 direct reports, so each team of a manager and their
// reports has 6–12 people), departments under the CEO's direct reports, two admins from the people
// team, a coach for about one person in fifty, and a coach for every team who never rates any of
// its members anonymously (DESIGN §4 rule 9: readers of a report stay out of its anonymous groups).
import { randomUUID } from "node:crypto";
import type { Role } from "@fivefold/domain";
import { DEPARTMENTS, drawNames, PEOPLE_DEPARTMENT } from "./names";
import type { Random } from "./random";

export const MIN_SPAN = 5;
export const MAX_SPAN = 11;
/** Below the top two levels, this share of people are individual contributors who never manage. */
const INDIVIDUAL_CONTRIBUTOR_SHARE = 0.12;
const COACH_EVERY = 50;

export interface LargePerson {
  index: number;
  id: string;
  userId: string;
  name: string;
  email: string;
  managerIndex: number | null;
  depth: number;
  /** The department of the CEO's direct report above them; null for the CEO. */
  department: string | null;
  reports: number[];
  /** Roles besides `member`, which everyone holds. */
  roles: Role[];
}

export interface LargeTeam {
  id: string;
  name: string;
  managerIndex: number;
  /** The manager first, then their direct reports. */
  members: number[];
  coaches: number[];
}

export interface LargeOrganisationShape {
  people: LargePerson[];
  teams: LargeTeam[];
  /** Team indexes per person: their manager's team, and their own when they manage. */
  teamsOf: number[][];
  admins: number[];
  coaches: number[];
}

/** BFS order: everyone's manager comes before them, so people can be inserted in one pass. */
function reportingTree(random: Random, count: number): Array<{ managerIndex: number | null; depth: number }> {
  const nodes: Array<{ managerIndex: number | null; depth: number }> = [{ managerIndex: null, depth: 0 }];
  const candidates: number[] = [0];
  const individualContributors: number[] = [];
  let head = 0;
  while (nodes.length < count) {
    let manager = candidates[head++];
    if (manager === undefined) {
      // Everyone left was an individual contributor: the tree still has to grow.
      manager = individualContributors.shift();
      if (manager === undefined) throw new Error("the reporting tree ran out of managers");
    }
    const remaining = count - nodes.length;
    let span = random.int(MIN_SPAN, MAX_SPAN);
    // Never leave fewer than MIN_SPAN people for the last manager.
    if (remaining <= MAX_SPAN) span = remaining;
    else if (remaining - span < MIN_SPAN) span = remaining - MIN_SPAN;
    const depth = (nodes[manager]?.depth ?? 0) + 1;
    for (let i = 0; i < span; i++) {
      const index = nodes.length;
      nodes.push({ managerIndex: manager, depth });
      if (depth >= 2 && random.chance(INDIVIDUAL_CONTRIBUTOR_SHARE)) individualContributors.push(index);
      else candidates.push(index);
    }
  }
  return nodes;
}

/** Whether coach `c` would rate someone in the team of manager `m` anonymously (as peer or direct report). */
function coachConflicts(people: readonly LargePerson[], c: number, m: number): boolean {
  const parent = people[c]?.managerIndex ?? null;
  const grandparent = parent === null ? null : (people[parent]?.managerIndex ?? null);
  return (
    c === m || parent === m || grandparent === m || (parent !== null && parent === people[m]?.managerIndex)
  );
}

export function planOrganisation(random: Random, count: number, emailDomain: string): LargeOrganisationShape {
  if (count < MIN_SPAN + 1) throw new Error(`an organisation needs at least ${MIN_SPAN + 1} people`);
  const tree = reportingTree(random, count);
  const names = drawNames(random, count, emailDomain);
  const people: LargePerson[] = tree.map((node, index) => ({
    index,
    id: randomUUID(),
    userId: randomUUID(),
    name: names[index]?.name ?? `Person ${index}`,
    email: names[index]?.email ?? `person.${index}@${emailDomain}`,
    managerIndex: node.managerIndex,
    depth: node.depth,
    department: null,
    reports: [],
    roles: [],
  }));
  for (const person of people) {
    if (person.managerIndex === null) continue;
    const manager = people[person.managerIndex] as LargePerson;
    manager.reports.push(person.index);
    person.department =
      manager.managerIndex === null
        ? (DEPARTMENTS[manager.reports.length - 1] ?? `Department ${manager.reports.length}`)
        : manager.department;
  }
  for (const person of people) if (person.reports.length > 0) person.roles.push("manager");

  // The admins: the head of People and the first person reporting to them.
  const peopleHead = people.find((p) => p.depth === 1 && p.department === PEOPLE_DEPARTMENT) ?? people[1];
  const admins = [peopleHead?.index ?? 1, peopleHead?.reports[0] ?? 2];
  for (const index of admins) people[index]?.roles.push("admin");

  // Coaches: about one in fifty, half of them from the people team, the others from anywhere.
  const coachCount = Math.max(2, Math.round(count / COACH_EVERY));
  const eligible = people.filter((p) => p.depth > 0 && !admins.includes(p.index));
  const fromPeople = random.sample(
    eligible.filter((p) => p.department === PEOPLE_DEPARTMENT),
    Math.ceil(coachCount / 2),
  );
  const taken = new Set(fromPeople.map((p) => p.index));
  const coaches = [
    ...fromPeople.map((p) => p.index),
    ...random
      .sample(
        eligible.filter((p) => !taken.has(p.index)),
        coachCount - fromPeople.length,
      )
      .map((p) => p.index),
  ];
  for (const index of coaches) people[index]?.roles.push("coach");

  const teams: LargeTeam[] = [];
  const teamsOf: number[][] = people.map(() => []);
  for (const manager of people) {
    if (manager.reports.length === 0) continue;
    const team: LargeTeam = {
      id: randomUUID(),
      name: manager.department === null ? "Leadership team" : `${manager.department} · ${manager.name}`,
      managerIndex: manager.index,
      members: [manager.index, ...manager.reports],
      coaches: [],
    };
    for (const member of team.members) teamsOf[member]?.push(teams.length);
    teams.push(team);
  }
  // Each team gets the least busy coach who rates none of its members anonymously.
  const load = new Map(coaches.map((c) => [c, 0]));
  for (const team of random.shuffle(teams)) {
    const ranked = random.shuffle(coaches).sort((a, b) => (load.get(a) ?? 0) - (load.get(b) ?? 0));
    const coach = ranked.find((c) => !coachConflicts(people, c, team.managerIndex)) ?? ranked[0];
    if (coach === undefined) throw new Error("no coach for a team");
    team.coaches.push(coach);
    load.set(coach, (load.get(coach) ?? 0) + 1);
  }
  return { people, teams, teamsOf, admins, coaches };
}

/**
 * Who reads a report on this person besides themself: their manager (who requests it) and the
 * coaches of their teams. Rule 9 keeps them out of the anonymous groups.
 */
export function readersOf(shape: LargeOrganisationShape, subject: number): Set<number> {
  const readers = new Set<number>();
  const manager = shape.people[subject]?.managerIndex;
  if (manager !== null && manager !== undefined) readers.add(manager);
  for (const team of shape.teamsOf[subject] ?? []) {
    for (const coach of shape.teams[team]?.coaches ?? []) readers.add(coach);
  }
  return readers;
}
