export * from "./directory";
export * from "./grow";
export * from "./invitation-links";
export * from "./membership";
export * from "./organisations";
export * from "./outbox-delivery";
export * from "./outbox-problems";
export * from "./people";
