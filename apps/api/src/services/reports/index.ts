// Released reports (ADR 0003): read one, list those the caller may read. Figures come from frozen
// snapshots only, and every read goes through the access policy (services/access).
export { getReport } from "./get";
export { listReports } from "./list";
