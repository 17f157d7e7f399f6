export * from "./directory";
export * from "./grow";
export * from "./membership";
export * from "./organisations";
export * from "./outbox-delivery";
export * from "./people";
