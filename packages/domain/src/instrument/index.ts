export * from "./custom";
export * from "./groups";
export * from "./keys";
export * from "./registry";
export * from "./schema";
export * from "./types";
export * from "./v1";
export * from "./v1-de";
