// CSV for spreadsheets (the report and heatmap downloads): quoted where needed, and text that a
// spreadsheet would run as a formula (starting with = + - @, or a tab or carriage return) is prefixed with ' so it stays text.
export type CsvValue = string | number | null | undefined;

export function spreadsheetCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function spreadsheetCsv(rows: CsvValue[][]): string {
  return `${rows.map((row) => row.map(spreadsheetCell).join(",")).join("\n")}\n`;
}
