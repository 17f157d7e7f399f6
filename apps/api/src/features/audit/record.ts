// Moved to services/audit/record.ts; this re-export keeps features/collect compiling until it
// moves to the services layer too (then delete this file).
export * from "../../services/audit/record";
