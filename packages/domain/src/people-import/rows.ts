// From CSV records to import rows: which column is which, and what is wrong with each row on its own
// (before comparing with the organisation). Columns: name, email, manager_email, team, roles.
import { InvalidInputError } from "../errors";
import { forPeople } from "../i18n/for-people";
import { ROLES, type Role } from "../roles";
import { type CsvRecord, type CsvTable, parseCsv } from "./csv";
import { normaliseEmail, normaliseName, normaliseTeamName, withMemberRole } from "./person";

export const IMPORT_COLUMNS = ["name", "email", "manager_email", "team", "roles"] as const;
export type ImportColumn = (typeof IMPORT_COLUMNS)[number];

/** More rows than this are refused as a whole: split the file. */
export const MAX_IMPORT_ROWS = 10_000;

const ALIASES: Record<string, ImportColumn> = {
  name: "name",
  full_name: "name",
  email: "email",
  e_mail: "email",
  manager_email: "manager_email",
  manager_e_mail: "manager_email",
  manager: "manager_email",
  team: "team",
  teams: "team",
  roles: "roles",
  role: "roles",
};

export interface ImportRow {
  line: number;
  /** The name as it will be stored (or as written, when invalid). */
  name: string;
  /** Lower-cased; as written when invalid (see `emailValid`). */
  email: string;
  emailValid: boolean;
  managerEmail: string | null;
  teams: string[];
  /** Always includes `member`. */
  roles: Role[];
  /** Problems of the row on its own, sentences for people (`forPeople`); the planner adds those that need the organisation. */
  errors: string[];
}

export function headerKey(raw: string): string {
  return raw
    .trim()
    .toLowerCase()
    .replace(/[\s\-.]+/g, "_");
}

/** Maps header cells to columns; throws when a required column is missing or a column is unknown. */
export function readHeader(header: CsvRecord): Map<ImportColumn, number> {
  const columns = new Map<ImportColumn, number>();
  const unknown: string[] = [];
  header.cells.forEach((cell, index) => {
    const key = headerKey(cell);
    if (key === "") return;
    const column = ALIASES[key];
    if (!column) {
      unknown.push(cell.trim());
      return;
    }
    if (columns.has(column)) {
      throw new InvalidInputError(`The column "${column}" appears twice in the header`, {
        csv: `Line 1: keep one "${column}" column`,
      });
    }
    columns.set(column, index);
  });
  if (unknown.length > 0) {
    throw new InvalidInputError(
      `Unknown column${unknown.length > 1 ? "s" : ""} ${unknown.map((u) => `"${u}"`).join(", ")}: the header row names the columns ${IMPORT_COLUMNS.join(", ")}`,
      { csv: `Line 1: use the columns ${IMPORT_COLUMNS.join(", ")}` },
    );
  }
  const missing = (["name", "email"] as const).filter((c) => !columns.has(c));
  if (missing.length > 0) {
    throw new InvalidInputError(
      `The header row needs the column${missing.length > 1 ? "s" : ""} ${missing.join(" and ")} (columns: ${IMPORT_COLUMNS.join(", ")})`,
      { csv: `Line 1: add ${missing.join(" and ")}` },
    );
  }
  return columns;
}

function splitList(value: string, separator: RegExp): string[] {
  return value
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);
}

function readRoles(raw: string, errors: string[]): Role[] {
  const roles: Role[] = [];
  for (const part of splitList(raw.toLowerCase(), /[|,;\s]+/)) {
    if ((ROLES as readonly string[]).includes(part)) roles.push(part as Role);
    else errors.push(forPeople(`Unknown role "${part}": use ${ROLES.join(", ")}`));
  }
  return withMemberRole(roles);
}

function readTeams(raw: string, errors: string[]): string[] {
  const teams: string[] = [];
  const seen = new Set<string>();
  for (const part of splitList(raw, /\|/)) {
    const team = normaliseTeamName(part);
    if ("error" in team) {
      errors.push(team.error);
      continue;
    }
    const key = team.name.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      teams.push(team.name);
    }
  }
  return teams;
}

export function readRecord(
  record: CsvRecord,
  columns: Map<ImportColumn, number>,
  headerWidth = Math.max(...columns.values()) + 1,
): ImportRow {
  const errors: string[] = [];
  if (record.problem) errors.push(record.problem);
  const cell = (column: ImportColumn) => {
    const index = columns.get(column);
    return index === undefined ? "" : (record.cells[index] ?? "");
  };
  if (record.cells.length > headerWidth) {
    errors.push(
      forPeople(
        `${record.cells.length} cells where the header has ${headerWidth}: quote cells that contain the delimiter`,
      ),
    );
  }

  const nameResult = normaliseName(cell("name"));
  const name = "name" in nameResult ? nameResult.name : cell("name").trim();
  if ("error" in nameResult) errors.push(nameResult.error);

  const rawEmail = cell("email").trim();
  const email = normaliseEmail(rawEmail);
  if (!email) {
    errors.push(
      forPeople(
        rawEmail === "" ? "An e-mail address is required" : `"${rawEmail}" is not a valid e-mail address`,
      ),
    );
  }

  const rawManager = cell("manager_email").trim();
  let managerEmail: string | null = null;
  if (rawManager !== "") {
    managerEmail = normaliseEmail(rawManager);
    if (!managerEmail)
      errors.push(forPeople(`The manager e-mail "${rawManager}" is not a valid e-mail address`));
    else if (managerEmail === email) errors.push(forPeople("A person cannot be their own manager"));
  }

  return {
    line: record.line,
    name,
    email: email ?? rawEmail.toLowerCase(),
    emailValid: email !== null,
    managerEmail,
    teams: readTeams(cell("team"), errors),
    roles: readRoles(cell("roles"), errors),
    errors,
  };
}

/** Parses the CSV text of an import into rows, each with its own problems. */
export function readImportCsv(csv: string): ImportRow[] {
  const table: CsvTable = parseCsv(csv);
  const columns = readHeader(table.header);
  if (table.records.length === 0) {
    throw new InvalidInputError("The file has a header row but no people", {
      csv: "Add one row per person under the header",
    });
  }
  if (table.records.length > MAX_IMPORT_ROWS) {
    throw new InvalidInputError(
      `The file has ${table.records.length} rows; import at most ${MAX_IMPORT_ROWS} at a time`,
      { csv: `Split the file into parts of at most ${MAX_IMPORT_ROWS} rows` },
    );
  }
  return table.records.map((record) => readRecord(record, columns, table.header.cells.length));
}
