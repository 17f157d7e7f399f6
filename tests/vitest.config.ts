import { defineConfig } from "vitest/config";
import { reporters } from "../vitest.shared.ts";

export default defineConfig({
  test: {
    include: ["faults/**/*.test.ts"],
    reporters: reporters("faults"),
    testTimeout: 240_000,
    hookTimeout: 60_000,
  },
});
