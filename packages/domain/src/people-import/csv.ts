// A small, strict CSV reader for the people import: UTF-8 text (a BOM is dropped), a header row,
// comma or semicolon as delimiter (whichever the header uses), RFC 4180 quotes ("" inside quotes),
// quoted line breaks, and CRLF, LF or CR line ends. Blank lines are skipped.
import { InvalidInputError } from "../errors";
import { forPeople } from "../i18n/for-people";

export type CsvDelimiter = "," | ";";

export interface CsvRecord {
  /** The physical line the record starts on (1 = the header). */
  line: number;
  cells: string[];
  /** Set when the record's quotes are malformed; its cells are then unreliable (a sentence for people). */
  problem?: string;
}

export interface CsvTable {
  delimiter: CsvDelimiter;
  header: CsvRecord;
  records: CsvRecord[];
}

const BOM = "\uFEFF";

/** The delimiter the header row uses: semicolon when it has more semicolons than commas outside quotes. */
export function detectDelimiter(text: string): CsvDelimiter {
  let commas = 0;
  let semicolons = 0;
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === "\n" || char === "\r")) break;
    else if (!quoted && char === ",") commas++;
    else if (!quoted && char === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

/** Splits CSV text into records. Throws when a quote is never closed (the rest of the file would be lost). */
export function parseCsv(input: string): CsvTable {
  const text = input.startsWith(BOM) ? input.slice(BOM.length) : input;
  const delimiter = detectDelimiter(text);
  const records: CsvRecord[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;

  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let problem: string | undefined;
    let cell = "";
    let endOfRecord = false;
    while (!endOfRecord) {
      // Spaces before an opening quote are allowed (`a, "b"`), and dropped.
      let j = i;
      while (j < n && (text[j] === " " || text[j] === "\t")) j++;
      if (j < n && text[j] === '"') {
        // A quoted cell: runs to the next lone quote.
        i = j + 1;
        let closed = false;
        while (i < n) {
          const char = text[i] as string;
          if (char === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (char === "\n" || (char === "\r" && text[i + 1] !== "\n")) line++;
          cell += char;
          i++;
        }
        if (!closed) {
          throw new InvalidInputError(`A quote opened on line ${start} is never closed`, {
            csv: `Line ${start}: close the quote (write "" for a quote inside a quoted cell)`,
          });
        }
        // After the closing quote only spaces, then a delimiter or the end of the record, may follow.
        while (i < n && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") {
          if (text[i] !== " " && text[i] !== "\t") {
            problem ??= forPeople(
              "Text after a closing quote: put the whole cell in quotes and double inner quotes",
            );
            cell += text[i];
          }
          i++;
        }
      } else {
        while (i < n && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") {
          if (text[i] === '"')
            problem ??= forPeople('A quote inside an unquoted cell: quote the cell and write ""');
          cell += text[i];
          i++;
        }
      }
      cells.push(cell);
      cell = "";
      if (i >= n) {
        endOfRecord = true;
      } else if (text[i] === delimiter) {
        i++;
        if (i >= n) {
          cells.push("");
          endOfRecord = true;
        }
      } else {
        // A line end: CRLF, LF or CR.
        i += text[i] === "\r" && text[i + 1] === "\n" ? 2 : 1;
        line++;
        endOfRecord = true;
      }
    }
    const blank = cells.length === 1 && cells[0]?.trim() === "";
    if (!blank) records.push(problem ? { line: start, cells, problem } : { line: start, cells });
  }

  const [header, ...rest] = records;
  if (!header) throw new InvalidInputError("The file is empty", { csv: "Paste or upload a CSV file" });
  return { delimiter, header, records: rest };
}

/** Quotes a cell when it needs it, for writing CSV (exports, tests, the benchmark). */
export function csvCell(value: string, delimiter: CsvDelimiter = ","): string {
  return /["\r\n]/.test(value) || value.includes(delimiter) || /^\s|\s$/.test(value)
    ? `"${value.replaceAll('"', '""')}"`
    : value;
}

export function toCsv(rows: readonly (readonly string[])[], delimiter: CsvDelimiter = ","): string {
  return rows.map((row) => row.map((cell) => csvCell(cell, delimiter)).join(delimiter)).join("\n");
}
