import { defineConfig } from "vitest/config";
import { reporters } from "../../vitest.shared.ts";

// The web's tests read its sources and texts (keys, translations); they need no browser.
export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
    reporters: reporters("web"),
  },
});
