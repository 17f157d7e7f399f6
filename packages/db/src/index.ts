export * from "./client";
export { isUniqueViolation } from "./errors";
export { migrate, migrationsFolder } from "./migrate";
export * from "./queries";
export * as schema from "./schema";
