// The admin area's queries: people, teams, settings, imports, erasure and export.
export * from "./erase";
export * from "./export-person";
export * from "./import";
export * from "./people";
export * from "./settings";
export * from "./teams";
