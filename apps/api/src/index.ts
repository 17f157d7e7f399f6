export type { AppRouter } from "./router";
// For scripts and the benchmark (tests/bench): the router's caller, its context, and the seed.
export { createCaller } from "./router";
export { seedDemoIfEmpty } from "./seed/demo";
export {
  DEFAULT_LARGE_PASSWORD,
  defaultLargeOrganisationName,
  type LargeOrganisationOptions,
  type LargeOrganisationSummary,
  seedLargeOrganisation,
} from "./seed/large";
export { seedLargeTeam } from "./seed/large-team";
export { seedOrganisation } from "./seed/organisation";
export { commentPhrases } from "./services/collect/phrases";
export { closeDueRequests } from "./services/collect/release";
export { openResponse, sealResponse } from "./services/collect/sealing";
export { createContextFor } from "./trpc/context";
