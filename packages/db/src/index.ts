export * from "./client";
export { DataFolderLockedError, lockDataFolder, lockFileFor } from "./folder-lock";
export { migrate, migrationsFolder } from "./migrate";
export * from "./queries";
export * as schema from "./schema";
