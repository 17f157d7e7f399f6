// Planning an import: compares the rows of a file with the organisation and decides, per row,
// create, update, unchanged or reject (with the reasons), and who a full import would deactivate.
// Pure: the API loads the organisation, calls planImport, and applies `toApply` in one transaction.
import { forPeople } from "../i18n/for-people";
import type { Role } from "../roles";
import { findReportingLoops } from "./loops";
import type { ImportRow } from "./rows";

export type ImportAction = "create" | "update" | "unchanged" | "reject";

/** What changes for an existing person. */
export type ImportChange = "name" | "manager" | "roles" | "teams" | "reactivated";

export interface ExistingPerson {
  id: string;
  name: string;
  /** Lower-cased. */
  email: string;
  managerEmail: string | null;
  active: boolean;
  roles: readonly Role[];
  teams: readonly string[];
}

export interface PlanImportInput {
  rows: readonly ImportRow[];
  /** The organisation's people (erased people excluded: their addresses are placeholders). */
  existing: readonly ExistingPerson[];
  existingTeams: readonly string[];
  /** A full import: active people missing from the file are deactivated (never deleted). */
  deactivateMissing: boolean;
  /** The admin running the import: never deactivated, and cannot drop their own admin role. */
  actorEmail: string;
}

export interface PlannedRow {
  line: number;
  action: ImportAction;
  errors: string[];
  name: string;
  email: string;
  changes: ImportChange[];
}

export interface RowToApply {
  line: number;
  action: "create" | "update";
  existingId: string | null;
  name: string;
  email: string;
  managerEmail: string | null;
  roles: Role[];
  /** Canonical team names (an existing team's spelling wins). */
  teams: string[];
  changes: ImportChange[];
}

export interface ImportPlan {
  rows: PlannedRow[];
  toApply: RowToApply[];
  deactivate: Array<{ id: string; name: string; email: string }>;
  /** Teams named in accepted rows that do not exist yet. */
  newTeams: string[];
  summary: Record<ImportAction | "deactivate", number>;
}

const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((x) => b.includes(x));

export function planImport(input: PlanImportInput): ImportPlan {
  const existingByEmail = new Map(input.existing.map((p) => [p.email, p]));
  const errors = new Map<ImportRow, string[]>(input.rows.map((row) => [row, [...row.errors]]));
  const reject = (row: ImportRow, message: string) => errors.get(row)?.push(message);
  const rejected = (row: ImportRow) => (errors.get(row)?.length ?? 0) > 0;

  // The actor keeps their admin role: an import cannot lock its own author out.
  for (const row of input.rows) {
    if (row.emailValid && row.email === input.actorEmail && !row.roles.includes("admin")) {
      reject(row, forPeople("You cannot remove your own admin role: add admin to your roles"));
    }
  }

  // Two rows for one address: which one is right is a guess, so both are rejected.
  const linesByEmail = new Map<string, ImportRow[]>();
  for (const row of input.rows) {
    if (!row.emailValid) continue;
    const list = linesByEmail.get(row.email) ?? [];
    list.push(row);
    linesByEmail.set(row.email, list);
  }
  for (const rows of linesByEmail.values()) {
    if (rows.length < 2) continue;
    for (const row of rows) {
      const others = rows.filter((r) => r !== row).map((r) => r.line);
      reject(row, forPeople(`Duplicate: ${row.email} is also on line ${others.join(", ")}`));
    }
  }

  // Everyone whose address is in the file, accepted or not, is kept by a full import.
  const inFile = new Set(linesByEmail.keys());
  const willDeactivate = (p: ExistingPerson) =>
    input.deactivateMissing && p.active && !inFile.has(p.email) && p.email !== input.actorEmail;

  // A row's manager must be accepted in the file, or be an active person the import keeps.
  const managerProblem = (row: ImportRow): string | null => {
    if (row.managerEmail === null) return null;
    const rowsOfManager = linesByEmail.get(row.managerEmail);
    if (rowsOfManager) {
      const first = rowsOfManager[0] as ImportRow;
      return rejected(first)
        ? forPeople(`The manager ${row.managerEmail} is on line ${first.line}, which is rejected`)
        : null;
    }
    const manager = existingByEmail.get(row.managerEmail);
    if (!manager)
      return forPeople(`Unknown manager ${row.managerEmail}: not in this file nor in the organisation`);
    if (!manager.active) return forPeople(`The manager ${row.managerEmail} is deactivated`);
    if (willDeactivate(manager)) {
      return forPeople(
        `The manager ${row.managerEmail} is not in this file, so this import would deactivate them`,
      );
    }
    return null;
  };
  const reportsOf = new Map<string, ImportRow[]>();
  for (const row of input.rows) {
    if (row.managerEmail === null) continue;
    const list = reportsOf.get(row.managerEmail) ?? [];
    list.push(row);
    reportsOf.set(row.managerEmail, list);
  }
  // Rejecting a row orphans the rows it manages, and a loop found later rejects more: a worklist
  // of rows to re-check, then a loop search, until nothing new is rejected (rejections only grow).
  const check: ImportRow[] = input.rows.filter((row) => !rejected(row));
  for (let again = true; again; ) {
    again = false;
    while (check.length > 0) {
      const row = check.pop() as ImportRow;
      if (rejected(row)) continue;
      const problem = managerProblem(row);
      if (problem === null) continue;
      reject(row, problem);
      check.push(...(reportsOf.get(row.email) ?? []));
    }
    const accepted = new Map<string, ImportRow>();
    for (const row of input.rows) if (!rejected(row)) accepted.set(row.email, row);
    const managerOf = new Map<string, string | null>();
    for (const person of input.existing) managerOf.set(person.email, person.managerEmail);
    for (const row of accepted.values()) managerOf.set(row.email, row.managerEmail);
    for (const loop of findReportingLoops(managerOf)) {
      const path = [...loop, loop[0]].join(" → ");
      for (const email of loop) {
        const row = accepted.get(email);
        if (!row) continue;
        reject(row, forPeople(`Reporting loop: ${path}`));
        again = true;
        check.push(...(reportsOf.get(row.email) ?? []));
      }
    }
  }

  // One spelling per team: an existing team's, else the first one written in the file.
  const teamNames = new Map<string, string>(input.existingTeams.map((t) => [t.toLowerCase(), t]));
  const newTeams: string[] = [];
  const canonicalTeams = (teams: readonly string[]) =>
    teams.map((team) => {
      const key = team.toLowerCase();
      const known = teamNames.get(key);
      if (known) return known;
      teamNames.set(key, team);
      newTeams.push(team);
      return team;
    });

  const rows: PlannedRow[] = [];
  const toApply: RowToApply[] = [];
  for (const row of input.rows) {
    const rowErrors = errors.get(row) ?? [];
    if (rowErrors.length > 0) {
      rows.push({
        line: row.line,
        action: "reject",
        errors: rowErrors,
        name: row.name,
        email: row.email,
        changes: [],
      });
      continue;
    }
    const teams = canonicalTeams(row.teams);
    const existing = existingByEmail.get(row.email);
    const changes: ImportChange[] = [];
    if (existing) {
      if (existing.name !== row.name) changes.push("name");
      if (existing.managerEmail !== row.managerEmail) changes.push("manager");
      if (!sameSet(existing.roles, row.roles)) changes.push("roles");
      const existingTeams = existing.teams.map((t) => t.toLowerCase());
      if (
        !sameSet(
          existingTeams,
          teams.map((t) => t.toLowerCase()),
        )
      )
        changes.push("teams");
      if (!existing.active) changes.push("reactivated");
    }
    const action: ImportAction = !existing ? "create" : changes.length > 0 ? "update" : "unchanged";
    rows.push({ line: row.line, action, errors: [], name: row.name, email: row.email, changes });
    if (action === "create" || action === "update") {
      toApply.push({
        line: row.line,
        action,
        existingId: existing?.id ?? null,
        name: row.name,
        email: row.email,
        managerEmail: row.managerEmail,
        roles: row.roles,
        teams,
        changes,
      });
    }
  }

  const deactivate = input.existing
    .filter(willDeactivate)
    .map((p) => ({ id: p.id, name: p.name, email: p.email }));
  const summary = { create: 0, update: 0, unchanged: 0, reject: 0, deactivate: deactivate.length };
  for (const row of rows) summary[row.action]++;
  return { rows, toApply, deactivate, newTeams, summary };
}
