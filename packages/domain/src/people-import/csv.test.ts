// The CSV reader: BOM, delimiters, quotes, line ends, blank lines, and a round-trip property.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors";
import { csvCell, detectDelimiter, parseCsv, toCsv } from "./csv";

const cells = (text: string) => parseCsv(text).records.map((r) => r.cells);

describe("parseCsv", () => {
  it("reads a header and rows separated by commas", () => {
    const table = parseCsv("name,email\nAnn,ann@x.test\nBob,bob@x.test");
    expect(table.delimiter).toBe(",");
    expect(table.header).toEqual({ line: 1, cells: ["name", "email"] });
    expect(table.records).toEqual([
      { line: 2, cells: ["Ann", "ann@x.test"] },
      { line: 3, cells: ["Bob", "bob@x.test"] },
    ]);
  });

  it("drops a UTF-8 byte order mark and keeps non-ASCII text", () => {
    const table = parseCsv("\uFEFFname,email\nChloé Martin,chloe@x.test\n");
    expect(table.header.cells).toEqual(["name", "email"]);
    expect(table.records[0]?.cells).toEqual(["Chloé Martin", "chloe@x.test"]);
  });

  it("uses semicolons when the header does (spreadsheets in many locales)", () => {
    const table = parseCsv('name;email;team\n"Okafor, Daniel";d@x.test;Sales');
    expect(table.delimiter).toBe(";");
    expect(table.records[0]?.cells).toEqual(["Okafor, Daniel", "d@x.test", "Sales"]);
  });

  it("reads quoted cells with delimiters, doubled quotes and line breaks, counting lines", () => {
    const text = 'name,note\n"Lee, Ann","She said ""hi""\nand left"\nBob,plain\n';
    const table = parseCsv(text);
    expect(table.records).toEqual([
      { line: 2, cells: ["Lee, Ann", 'She said "hi"\nand left'] },
      { line: 4, cells: ["Bob", "plain"] },
    ]);
  });

  it("accepts CRLF and CR line ends, also inside quotes", () => {
    expect(cells("a,b\r\n1,2\r\n3,4\r\n")).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    expect(cells("a,b\r1,2\r3,4")).toEqual([
      ["1", "2"],
      ["3", "4"],
    ]);
    const table = parseCsv('a,b\r\n"x\r\ny",2\r\nz,3');
    expect(table.records).toEqual([
      { line: 2, cells: ["x\r\ny", "2"] },
      { line: 4, cells: ["z", "3"] },
    ]);
    expect(parseCsv('a,b\r"x\ry",2\rz,3').records[1]?.line).toBe(4);
  });

  it("skips blank lines and keeps empty cells", () => {
    expect(cells("a,b,c\n\n1,,3\n   \n,,\n4,5,")).toEqual([
      ["1", "", "3"],
      ["", "", ""],
      ["4", "5", ""],
    ]);
  });

  it("allows spaces around a quoted cell", () => {
    expect(cells('a,b\n1,  "two, three"  \n')).toEqual([["1", "two, three"]]);
  });

  it("flags text after a closing quote and quotes inside unquoted cells, per record", () => {
    const table = parseCsv('a,b\n"x"y,2\nab"c,3\nok,4');
    expect(table.records[0]?.problem).toMatch(/after a closing quote/);
    expect(table.records[0]?.cells).toEqual(["xy", "2"]);
    expect(table.records[1]?.problem).toMatch(/quote inside an unquoted cell/);
    expect(table.records[2]?.problem).toBeUndefined();
  });

  it("refuses a quote that is never closed, naming its line", () => {
    expect(() => parseCsv('a,b\n1,2\n"open,3\n4,5')).toThrow(InvalidInputError);
    try {
      parseCsv('a,b\n1,2\n"open,3\n4,5');
    } catch (error) {
      expect((error as InvalidInputError).message).toBe("A quote opened on line 3 is never closed");
      expect((error as InvalidInputError).fields).toHaveProperty("csv");
    }
  });

  it("refuses an empty file", () => {
    expect(() => parseCsv("")).toThrow("The file is empty");
    expect(() => parseCsv("\uFEFF\n\n")).toThrow("The file is empty");
  });

  it("ends a record at the end of the text without a line end, and after a trailing delimiter", () => {
    expect(cells("a,b\n1,")).toEqual([["1", ""]]);
    expect(cells('a,b\n1,"2"')).toEqual([["1", "2"]]);
  });
});

describe("detectDelimiter", () => {
  it("counts delimiters in the header only, outside quotes", () => {
    expect(detectDelimiter("a;b;c\n1,2,3,4,5")).toBe(";");
    expect(detectDelimiter('"a;b;c",d\n')).toBe(",");
    expect(detectDelimiter("single")).toBe(",");
    expect(detectDelimiter("a;b\r1,2,3")).toBe(";");
  });
});

describe("toCsv", () => {
  it("quotes only the cells that need it", () => {
    expect(csvCell("plain")).toBe("plain");
    expect(csvCell("a,b")).toBe('"a,b"');
    expect(csvCell("a;b")).toBe("a;b");
    expect(csvCell("a;b", ";")).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(" padded")).toBe('" padded"');
    expect(
      toCsv([
        ["a", "b"],
        ["1", "x\ny"],
      ]),
    ).toBe('a,b\n1,"x\ny"');
  });
});

describe("round trip (property)", () => {
  const cell = fc.string({ unit: fc.constantFrom("a", "é", " ", ",", ";", '"', "\n", "\r", "x", "\t") });
  it("parses what toCsv writes, for any cells, either delimiter, with or without a BOM", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }).chain((width) =>
          fc.record({
            // A header of plain names (the reader decides the delimiter from it).
            header: fc.constant(Array.from({ length: width }, (_, i) => `col${i}`)),
            rows: fc.array(fc.array(cell, { minLength: width, maxLength: width }), { maxLength: 8 }),
          }),
        ),
        fc.constantFrom(",", ";") as fc.Arbitrary<"," | ";">,
        fc.boolean(),
        fc.constantFrom("\n", "\r\n"),
        ({ header, rows }, delimiter, bom, eol) => {
          // A row of one blank cell is a blank line, which the reader skips by design.
          const kept = rows.filter((row) => !(row.length === 1 && (row[0] ?? "").trim() === ""));
          const text = (bom ? "\uFEFF" : "") + toCsv([header, ...kept], delimiter).replaceAll("\n", eol);
          // toCsv writes the eol inside quoted cells too; compare against what was written.
          const expected = kept.map((row) =>
            row.map((c) =>
              /["\r\n]/.test(c) || c.includes(delimiter) || /^\s|\s$/.test(c) ? c.replaceAll("\n", eol) : c,
            ),
          );
          const table = parseCsv(text);
          expect(table.delimiter).toBe(header.length > 1 ? delimiter : ",");
          if (header.length > 1) expect(table.records.map((r) => r.cells)).toEqual(expected);
          expect(table.records.every((r) => r.problem === undefined)).toBe(true);
        },
      ),
      { numRuns: 2_000 },
    );
  });
});
