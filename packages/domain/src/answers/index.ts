export * from "./answer-set";
export * from "./comment";
export * from "./zod-error";
