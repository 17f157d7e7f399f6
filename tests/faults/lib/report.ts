// One row per scenario, printed as one table: what was asked of the service, what went wrong, and
// whether the promises held.
export interface ScenarioResult {
  scenario: string;
  /** HTTP calls made by the clients. */
  requests: number;
  /** Calls that failed (network, 5xx, timeout); expected refusals such as CONFLICT are not errors. */
  errors: number;
  /** Acknowledged writes (or mails) the service does not hold (did not deliver). */
  lost: number;
  /** Writes stored twice, or mails delivered more than once (counted, allowed for mail). */
  doubled: number;
  /** How long the service took to serve again after the fault, or "-" when there was none. */
  recovery: string;
  /** Promises that did not hold; empty when it passed. */
  failures: string[];
  notes: string;
  skipped?: string;
}

export function ms(value: number): string {
  return value >= 10_000 ? `${(value / 1000).toFixed(1)} s` : `${Math.round(value)} ms`;
}

export function formatTable(results: ScenarioResult[]): string {
  const header = ["scenario", "requests", "errors", "lost", "doubled", "recovery", "result"];
  const rows = results.map((r) =>
    r.skipped
      ? [r.scenario, "-", "-", "-", "-", "-", `skipped: ${r.skipped}`]
      : [
          r.scenario,
          String(r.requests),
          String(r.errors),
          String(r.lost),
          String(r.doubled),
          r.recovery,
          r.failures.length === 0 ? "pass" : "FAIL",
        ],
  );
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? "").length)));
  const line = (cells: string[]) =>
    `| ${cells.map((cell, i) => (i === 0 || i === cells.length - 1 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join(" | ")} |`;
  const out = [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)];
  const notes = results.filter((r) => !r.skipped && (r.notes || r.failures.length > 0));
  for (const r of notes) {
    out.push(`- ${r.scenario}: ${r.notes}${r.failures.length ? ` FAILED: ${r.failures.join("; ")}` : ""}`);
  }
  return out.join("\n");
}

/** Collects the promises a scenario checks. */
export class Checks {
  failures: string[] = [];
  expect(holds: boolean, promise: string): void {
    if (!holds) this.failures.push(promise);
  }
}
