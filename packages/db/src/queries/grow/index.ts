// Queries of the grow feature: coaching plans, support circles, check-ins, partner matching.
export * from "../outbox-mail";
export * from "./checkins";
export * from "./circle";
export * from "./coaching";
export * from "./partner-candidates";
export * from "./plans";
