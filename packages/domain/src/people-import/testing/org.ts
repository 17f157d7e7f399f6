// Test helpers for import planning: an organisation in memory, and applying a plan to it the way
// the API does in its transaction, so idempotence can be checked without a database.
import type { Role } from "../../roles";
import type { ExistingPerson, ImportPlan } from "../plan";
import type { ImportRow } from "../rows";

export interface MemoryOrg {
  people: ExistingPerson[];
  teams: string[];
}

export function person(email: string, overrides: Partial<ExistingPerson> = {}): ExistingPerson {
  return {
    id: `id-${email}`,
    name: email.split("@")[0] ?? email,
    email,
    managerEmail: null,
    active: true,
    roles: ["member"] as Role[],
    teams: [],
    ...overrides,
  };
}

export function row(line: number, email: string, overrides: Partial<ImportRow> = {}): ImportRow {
  return {
    line,
    name: email.split("@")[0] ?? email,
    email,
    emailValid: true,
    managerEmail: null,
    teams: [],
    roles: ["member"],
    errors: [],
    ...overrides,
  };
}

export function applyInMemory(org: MemoryOrg, plan: ImportPlan): MemoryOrg {
  const people = new Map(org.people.map((p) => [p.email, { ...p }]));
  for (const r of plan.toApply) {
    people.set(r.email, {
      id: r.existingId ?? `id-${r.email}`,
      name: r.name,
      email: r.email,
      managerEmail: r.managerEmail,
      active: true,
      roles: r.roles,
      teams: r.teams,
    });
  }
  for (const d of plan.deactivate) {
    const p = people.get(d.email);
    if (p) p.active = false;
  }
  return { people: [...people.values()], teams: [...org.teams, ...plan.newTeams] };
}
