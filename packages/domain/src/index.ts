export * from "./errors";
export * from "./roles";
