// The sign-ins the large seed's summary suggests for looking around: an admin, the busiest coach,
// the manager of the largest team, and a subject whose latest report grew into a busy plan.
import type { LargeOrganisationShape } from "./people";

export interface SignIn {
  email: string;
  name: string;
}

export interface SuggestedSignIns {
  admin: SignIn;
  coach: SignIn & { teams: number };
  manager: SignIn & { teamSize: number };
  subject: SignIn & { requestId: string };
}

/** A subject worth signing in as, and how well they show the product (higher is better). */
export interface SubjectCandidate {
  index: number;
  requestId: string;
  score: number;
}

/** Someone without reports whose latest report grew into a busy plan scores highest. */
export function subjectScore(
  shape: LargeOrganisationShape,
  subject: number,
  latest: boolean,
  checkins: number,
): number {
  return (latest ? 2 : 0) + (checkins ? 1 : 0) + (shape.people[subject]?.reports.length ? 0 : 1);
}

export function suggestSignIns(
  shape: LargeOrganisationShape,
  subject: SubjectCandidate | null,
): SuggestedSignIns {
  const person = (index: number | undefined) => {
    const p = index === undefined ? undefined : shape.people[index];
    if (!p) throw new Error("a suggested sign-in is missing");
    return { email: p.email, name: p.name };
  };
  const teamsOfCoach = (c: number) => shape.teams.filter((t) => t.coaches.includes(c)).length;
  const coach = [...shape.coaches].sort((a, b) => teamsOfCoach(b) - teamsOfCoach(a))[0];
  const manager = shape.people
    .filter((p) => p.depth > 0 && p.reports.length > 0)
    .sort((a, b) => b.reports.length - a.reports.length)[0];
  return {
    admin: person(shape.admins[0]),
    coach: { ...person(coach), teams: coach === undefined ? 0 : teamsOfCoach(coach) },
    manager: { ...person(manager?.index), teamSize: (manager?.reports.length ?? 0) + 1 },
    subject: {
      ...person(subject?.index ?? shape.people.length - 1),
      requestId: subject?.requestId ?? "",
    },
  };
}
