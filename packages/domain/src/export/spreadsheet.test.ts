import { describe, expect, it } from "vitest";
import { spreadsheetCell, spreadsheetCsv } from "./spreadsheet";

describe("spreadsheet CSV", () => {
  it("quotes commas, quotes and line breaks, and leaves numbers and blanks alone", () => {
    expect(spreadsheetCell('Quartermaine, "Zeke"')).toBe('"Quartermaine, ""Zeke"""');
    expect(spreadsheetCell("two\r\nlines")).toBe('"two\r\nlines"');
    expect(spreadsheetCell(3.75)).toBe("3.75");
    expect(spreadsheetCell(-1)).toBe("-1");
    expect(spreadsheetCell(null)).toBe("");
    expect(spreadsheetCell(undefined)).toBe("");
  });

  it("keeps text that a spreadsheet would run as a formula as text", () => {
    for (const risky of ['=HYPERLINK("x")', "+1", "-2+3", "@SUM(A1)", "\tx"]) {
      expect(spreadsheetCell(risky).replace(/^"/, "").startsWith("'")).toBe(true);
    }
    expect(spreadsheetCell("Ada")).toBe("Ada");
  });

  it("ends every file with a newline, one line per row", () => {
    expect(
      spreadsheetCsv([
        ["a", 1],
        ["b", null],
      ]),
    ).toBe("a,1\nb,\n");
  });
});
