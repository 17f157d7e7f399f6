export * from "./request-state";
