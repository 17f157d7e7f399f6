export * from "./client";
export { migrate, migrationsFolder } from "./migrate";
export * as schema from "./schema";
