// Team dashboards (ADR 0003): the teams someone may open, and one team's dashboard. Figures come
// from released snapshots the access policy lets the viewer read (services/access).
export { teamDashboard } from "./team";
export { listDashboardTeams } from "./teams";
