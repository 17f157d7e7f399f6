import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.shared.ts";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    // The property tests run 10,000 cases each; give them room on slow CI machines.
    testTimeout: 60_000,
    // Vitest defaults to cores − 1 workers, i.e. one on a 2-core machine; the property-test files
    // are CPU-bound and independent, so two workers halve the wall time there.
    maxWorkers: 2,
    reporters: reporters("domain"),
    coverage: {
      provider: "v8",
      include: ["src/**/*.ts"],
      // testing/ folders hold test-only generators and checkers, not product code.
      exclude: ["src/**/*.test.ts", "src/**/*.d.ts", "src/**/testing/**"],
      reporter: ["text-summary"],
      thresholds: { lines: 95 },
    },
  },
});
