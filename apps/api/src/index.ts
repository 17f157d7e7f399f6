export type { AppRouter } from "./router";
// For scripts and the benchmark (tests/bench): the router's caller, its context, and the seed.
export { createCaller } from "./router";
export { seedDemoIfEmpty } from "./seed/demo";
export { seedLargeTeam } from "./seed/large-team";
export { seedOrganisation } from "./seed/organisation";
export { createContextFor } from "./trpc/context";
