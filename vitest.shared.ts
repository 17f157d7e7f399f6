// Shared vitest settings: every package writes a JSON report so .ci/run can sum the counts.
import { resolve } from "node:path";

const reportsDir = process.env.FIVEFOLD_REPORTS_DIR ?? resolve(import.meta.dirname, ".reports");

export function reporters(name: string): Array<string | [string, Record<string, unknown>]> {
  return ["default", ["json", { outputFile: resolve(reportsDir, `vitest-${name}.json`) }]];
}
