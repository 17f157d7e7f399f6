// Reading import rows: columns, and the problems a row has on its own.
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors";
import {
  normaliseEmail,
  normaliseName,
  normaliseTeamName,
  personEmailSchema,
  personNameSchema,
  teamNameSchema,
  withMemberRole,
} from "./person";
import { headerKey, MAX_IMPORT_ROWS, readImportCsv } from "./rows";

const HEADER = "name,email,manager_email,team,roles";

describe("readImportCsv: the header", () => {
  it("accepts the documented columns in any order, case and spacing, with aliases", () => {
    const rows = readImportCsv(
      "E-Mail ; Full Name ; Manager ; Teams ; Role\nann@x.test;Ann Able;;Core;coach",
    );
    expect(rows[0]).toMatchObject({
      name: "Ann Able",
      email: "ann@x.test",
      teams: ["Core"],
      roles: ["coach", "member"],
    });
    expect(headerKey(" Manager Email ")).toBe("manager_email");
  });

  it("needs name and email; other columns are optional", () => {
    expect(readImportCsv("name,email\nAnn,ann@x.test")[0]).toMatchObject({
      managerEmail: null,
      teams: [],
      roles: ["member"],
      errors: [],
    });
    expect(() => readImportCsv("name,team\nAnn,Core")).toThrow("The header row needs the column email");
    expect(() => readImportCsv("team\nCore")).toThrow("needs the columns name and email");
  });

  it("refuses unknown and repeated columns rather than dropping data silently", () => {
    expect(() => readImportCsv("name,email,department\nAnn,a@x.test,R&D")).toThrow(
      'Unknown column "department"',
    );
    expect(() => readImportCsv("name,email,dept,site\nAnn,a@x.test,R&D,HQ")).toThrow(
      'Unknown columns "dept", "site"',
    );
    expect(() => readImportCsv("name,email,e-mail\nAnn,a@x.test,b@x.test")).toThrow('"email" appears twice');
  });

  it("ignores empty header cells (a trailing delimiter)", () => {
    expect(readImportCsv("name,email,\nAnn,a@x.test,")[0]?.errors).toEqual([]);
  });

  it("refuses a file without rows, and one with too many", () => {
    expect(() => readImportCsv(`${HEADER}\n`)).toThrow("no people");
    const many = [HEADER, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `P${i},p${i}@x.test,,,`)];
    expect(() => readImportCsv(many.join("\n"))).toThrow(InvalidInputError);
  });
});

describe("readImportCsv: rows", () => {
  const row = (line: string) => readImportCsv(`${HEADER}\n${line}`)[0];

  it("normalises names, e-mail addresses, teams and roles", () => {
    expect(row('  Ann   Able ,ANN@X.Test , BOSS@x.test ,"Core | core|Ops ",Admin|manager coach')).toEqual({
      line: 2,
      name: "Ann Able",
      email: "ann@x.test",
      emailValid: true,
      managerEmail: "boss@x.test",
      teams: ["Core", "Ops"],
      roles: ["admin", "manager", "coach", "member"],
      errors: [],
    });
  });

  it("rejects a bad or missing e-mail, keeping what was written", () => {
    expect(row("Ann,not-an-email,,,")).toMatchObject({
      email: "not-an-email",
      emailValid: false,
      errors: ['"not-an-email" is not a valid e-mail address'],
    });
    expect(row("Ann,,,,")?.errors).toEqual(["An e-mail address is required"]);
  });

  it("rejects a missing name, a bad manager address, oneself as manager and unknown roles", () => {
    expect(row(",a@x.test,,,")?.errors).toEqual(["A name is required"]);
    expect(row("Ann,a@x.test,boss,,")?.errors).toEqual([
      'The manager e-mail "boss" is not a valid e-mail address',
    ]);
    expect(row("Ann,a@x.test,A@X.TEST,,")?.errors).toEqual(["A person cannot be their own manager"]);
    expect(row("Ann,a@x.test,,,owner|admin")).toMatchObject({
      roles: ["admin", "member"],
      errors: ['Unknown role "owner": use admin, manager, coach, member, analyst'],
    });
  });

  it("rejects rows with more cells than the header, and malformed quotes", () => {
    expect(row("Lee, Ann,a@x.test,,,")?.errors[0]).toMatch(/6 cells where the header has 5/);
    expect(row('"Ann"x,a@x.test,,,')?.errors[0]).toMatch(/after a closing quote/);
  });

  it("accepts rows with fewer cells than the header", () => {
    expect(row("Ann,a@x.test")?.errors).toEqual([]);
  });

  it("rejects a team name that is too long", () => {
    expect(row(`Ann,a@x.test,,${"T".repeat(101)},`)?.errors).toEqual([
      "The team name is longer than 100 characters",
    ]);
  });
});

describe("person normalisers", () => {
  it("normalise names, e-mail addresses and team names", () => {
    expect(normaliseName("  A  B ")).toEqual({ name: "A B" });
    expect(normaliseName("x".repeat(201))).toEqual({ error: "The name is longer than 200 characters" });
    expect(normaliseName("a\u0007b")).toEqual({ error: "The name contains control characters" });
    expect(normaliseEmail(" A@B.CO ")).toBe("a@b.co");
    expect(normaliseEmail(`${"a".repeat(250)}@b.co`)).toBeNull();
    expect(normaliseEmail("a@b")).toBeNull();
    expect(normaliseTeamName("  ")).toEqual({ error: "A team name is required" });
    expect(normaliseTeamName("a\u0000")).toEqual({ error: "The team name contains control characters" });
    expect(withMemberRole(["coach", "admin", "coach"])).toEqual(["admin", "coach", "member"]);
  });

  it("schemas give person-readable messages", () => {
    expect(personNameSchema.parse(" Ann ")).toBe("Ann");
    expect(personNameSchema.safeParse(" ").error?.issues[0]?.message).toBe("A name is required");
    expect(personEmailSchema.parse("A@B.CO")).toBe("a@b.co");
    expect(personEmailSchema.safeParse("nope").error?.issues[0]?.message).toBe(
      "Enter a valid e-mail address",
    );
    expect(teamNameSchema.parse(" Core ")).toBe("Core");
    expect(teamNameSchema.safeParse("").error?.issues[0]?.message).toBe("A team name is required");
  });
});
