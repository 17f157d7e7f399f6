export * from "./auth";
export * from "./organisations";
export * from "./people";
export * from "./roles";
export * from "./teams";
