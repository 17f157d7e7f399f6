export * from "./answer-set";
export * from "./comment";
export * from "./comment-care";
export * from "./zod-error";
