// Who a cycle would ask, and what stands in its way, before anything is written (like the import's
// dry run). The plan per subject follows the cycle's rules: the manager, every direct report, and
// suggested peers from the subject's teams (the subject proposes the real ones during nominations).
// Problems carry a reason a person understands; blocking ones stop the launch unless the admin
// excludes those people.
// The detail is an English sentence marked `forPeople`, so the web writes it in the reader's language
// with the figures in it (apps/web/src/i18n/sentences/<language>/data.json).
import { daysBetween } from "../dates";
import { forPeople } from "../i18n/for-people";
import type { CycleRules } from "./rules";

export type CyclePopulation =
  | { everyone: true }
  | { teamIds: string[] }
  | { managers: true }
  | { personIds: string[] };

export interface CyclePerson {
  id: string;
  managerId: string | null;
  teamIds: readonly string[];
}

export type PreflightKind =
  | "no_manager"
  | "pooled"
  | "cannot_reach_k"
  | "open_request"
  | "too_close"
  | "over_cap";

export interface PreflightProblem {
  personId: string;
  kind: PreflightKind;
  detail: string;
  blocking: boolean;
}

export interface SubjectPlan {
  subjectId: string;
  managerId: string | null;
  directReportIds: string[];
  /** Team-mates to suggest as peers, fewest asks first, never over the rater cap. */
  suggestedPeerIds: string[];
}

export interface PreflightInput {
  /** Active people of the organisation. */
  people: readonly CyclePerson[];
  subjectIds: readonly string[];
  rules: CycleRules;
  /** k of the organisation. */
  threshold: number;
  historyWindowDays: number;
  /** Subjects with a request in draft or open. */
  openRequestSubjectIds: ReadonlySet<string>;
  /** Per subject, when their latest report was released. */
  lastReleasedAt: ReadonlyMap<string, Date>;
  now: Date;
}

export interface Preflight {
  subjects: number;
  /** Subjects without a blocking problem. */
  ready: number;
  problems: PreflightProblem[];
  plans: SubjectPlan[];
}

/** The subjects a population names (unknown or inactive ids are the caller's to refuse). */
export function selectPopulation(people: readonly CyclePerson[], population: CyclePopulation): string[] {
  if ("everyone" in population) return people.map((person) => person.id);
  if ("managers" in population) {
    const managers = new Set(
      people.map((person) => person.managerId).filter((id): id is string => id !== null),
    );
    return people.filter((person) => managers.has(person.id)).map((person) => person.id);
  }
  if ("teamIds" in population) {
    const teams = new Set(population.teamIds);
    return people
      .filter((person) => person.teamIds.some((team) => teams.has(team)))
      .map((person) => person.id);
  }
  const chosen = new Set(population.personIds);
  return people.filter((person) => chosen.has(person.id)).map((person) => person.id);
}

interface Org {
  byId: Map<string, CyclePerson>;
  reportsOf: Map<string, string[]>;
  membersOf: Map<string, string[]>;
}

function indexOrg(people: readonly CyclePerson[]): Org {
  const byId = new Map(people.map((person) => [person.id, person]));
  const reportsOf = new Map<string, string[]>();
  const membersOf = new Map<string, string[]>();
  for (const person of people) {
    if (person.managerId && byId.has(person.managerId)) {
      reportsOf.set(person.managerId, [...(reportsOf.get(person.managerId) ?? []), person.id]);
    }
    for (const team of person.teamIds) membersOf.set(team, [...(membersOf.get(team) ?? []), person.id]);
  }
  return { byId, reportsOf, membersOf };
}

/** The raters the rules require of a subject (before peers). */
function requiredRaters(org: Org, subject: CyclePerson, input: PreflightInput) {
  const managerId =
    input.rules.manager && subject.managerId && org.byId.has(subject.managerId) ? subject.managerId : null;
  const directReportIds = input.rules.directReports === "all" ? (org.reportsOf.get(subject.id) ?? []) : [];
  return { managerId, directReportIds };
}

/** Team-mates who are not already the manager or a direct report. */
function peerCandidates(org: Org, subject: CyclePerson, taken: ReadonlySet<string>): string[] {
  const seen = new Set<string>();
  for (const team of subject.teamIds) {
    for (const id of org.membersOf.get(team) ?? []) {
      if (id !== subject.id && !taken.has(id)) seen.add(id);
    }
  }
  return [...seen].sort();
}

function ask(asks: Map<string, number>, id: string): void {
  asks.set(id, (asks.get(id) ?? 0) + 1);
}

function planSubjects(org: Org, input: PreflightInput, subjects: readonly CyclePerson[]) {
  const asks = new Map<string, number>();
  const required = subjects.map((subject) => {
    const raters = requiredRaters(org, subject, input);
    if (raters.managerId) ask(asks, raters.managerId);
    for (const id of raters.directReportIds) ask(asks, id);
    return { subject, ...raters };
  });
  const plans: SubjectPlan[] = required.map(({ subject, managerId, directReportIds }) => {
    const taken = new Set([...(managerId ? [managerId] : []), ...directReportIds]);
    const candidates = peerCandidates(org, subject, taken)
      .filter((id) => (asks.get(id) ?? 0) < input.rules.raterCap)
      .sort((a, b) => (asks.get(a) ?? 0) - (asks.get(b) ?? 0) || a.localeCompare(b));
    const suggestedPeerIds = candidates.slice(0, input.rules.peers.max);
    for (const id of suggestedPeerIds) ask(asks, id);
    return { subjectId: subject.id, managerId, directReportIds: [...directReportIds], suggestedPeerIds };
  });
  return { plans, asks };
}

function subjectProblems(plan: SubjectPlan, subject: CyclePerson, input: PreflightInput): PreflightProblem[] {
  const problems: PreflightProblem[] = [];
  const k = input.threshold;
  const problem = (kind: PreflightKind, detail: string, blocking: boolean) =>
    problems.push({ personId: plan.subjectId, kind, detail, blocking });
  if (input.rules.manager && !plan.managerId) {
    problem(
      "no_manager",
      forPeople(
        subject.managerId
          ? "Their manager is not an active person of the organisation: nobody rates them as manager, and an admin approves their nominations"
          : "They have no manager: nobody rates them as manager, and an admin approves their nominations",
      ),
      false,
    );
  }
  const reports = plan.directReportIds.length;
  if (reports > 0 && reports < k) {
    problem(
      "pooled",
      forPeople(
        `Their ${reports} direct report(s) are fewer than ${k}: their answers are pooled with the peers'`,
      ),
      false,
    );
  }
  // Peers may be any colleague, not only team-mates; what cannot be reached is fewer than k even with
  // the most peers the rules allow from everyone else in the organisation.
  const colleagues = input.people.length - 1 - reports - (plan.managerId ? 1 : 0);
  const reachable = reports + Math.min(input.rules.peers.max, Math.max(colleagues, 0));
  if (reachable < k && !input.rules.others) {
    problem(
      "cannot_reach_k",
      forPeople(
        `At most ${reachable} anonymous rater(s) can be asked (${reports} direct report(s) and up to ${input.rules.peers.max} peer(s)); a report needs ${k}`,
      ),
      true,
    );
  }
  if (input.openRequestSubjectIds.has(plan.subjectId)) {
    problem(
      "open_request",
      forPeople("They already have a feedback request in draft or open: close or cancel it first"),
      true,
    );
  }
  const last = input.lastReleasedAt.get(plan.subjectId);
  if (last && input.historyWindowDays > 0) {
    const days = Math.max(0, daysBetween(last, input.now));
    if (days < input.historyWindowDays) {
      problem(
        "too_close",
        forPeople(
          `Their last report was released ${days} day(s) ago, within the comparison window of ${input.historyWindowDays} days: figures close to it would be held back (rule 10)`,
        ),
        true,
      );
    }
  }
  return problems;
}

/** The pre-flight of a cycle: one plan per subject, and every problem with its reason. */
export function preflightCycle(input: PreflightInput): Preflight {
  const org = indexOrg(input.people);
  const subjects = [...new Set(input.subjectIds)]
    .map((id) => org.byId.get(id))
    .filter((person): person is CyclePerson => person !== undefined);
  const { plans, asks } = planSubjects(org, input, subjects);
  const problems = plans.flatMap((plan, index) =>
    subjectProblems(plan, subjects[index] as CyclePerson, input),
  );
  for (const [raterId, count] of [...asks].sort(([a], [b]) => a.localeCompare(b))) {
    const required = plans.filter(
      (plan) => plan.managerId === raterId || plan.directReportIds.includes(raterId),
    ).length;
    if (required > input.rules.raterCap) {
      problems.push({
        personId: raterId,
        kind: "over_cap",
        detail: forPeople(
          `Their role asks them to answer ${required} requests (as manager or direct report), over the cap of ${input.rules.raterCap}; no peer requests are added for them (${count} in all)`,
        ),
        blocking: false,
      });
    }
  }
  const blocked = new Set(problems.filter((p) => p.blocking).map((p) => p.personId));
  return {
    subjects: subjects.length,
    ready: subjects.filter((subject) => !blocked.has(subject.id)).length,
    problems,
    plans,
  };
}
