export * from "./client";
export * from "./errors";
export { migrate, migrationsFolder } from "./migrate";
export * from "./queries";
export * as schema from "./schema";
