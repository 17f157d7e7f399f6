export * from "./client";
export * from "./errors";
export { DataFolderLockedError, lockDataFolder, lockFileFor } from "./folder-lock";
export { migrate, migrationsFolder } from "./migrate";
export * from "./queries";
export * as schema from "./schema";
