export * from "./client";
export { migrate, migrationsFolder } from "./migrate";
export * from "./queries";
export * as schema from "./schema";
