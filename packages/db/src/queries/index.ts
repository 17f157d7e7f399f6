export * from "./membership";
export * from "./organisations";
export * from "./people";
