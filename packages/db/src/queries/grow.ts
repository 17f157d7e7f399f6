// Queries of the grow feature: coaching plans, support circles, check-ins, partner matching.
export * from "./coaching-plans";
export * from "./outbox-mail";
export * from "./partner-candidates";
