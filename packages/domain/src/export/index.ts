export * from "./spreadsheet";
