import { defineConfig } from "vitest/config";
import { databaseProjects, databaseTimeouts, reporters } from "../../vitest.shared.ts";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    reporters: reporters("db"),
    ...databaseTimeouts,
    projects: databaseProjects(),
  },
});
