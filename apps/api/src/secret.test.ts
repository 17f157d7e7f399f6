// Where the sealing secret comes from: the environment, the embedded database's folder, or (for
// a process that keeps nothing) a random one, said out loud.
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { resolveSealingSecret } from "./secret";

const dir = mkdtempSync(join(tmpdir(), "fivefold-secret-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("resolveSealingSecret", () => {
  it("uses SEALING_SECRET when set, and refuses a short one", () => {
    const configured = "a".repeat(32);
    expect(resolveSealingSecret({ configured, dataDir: dir, warn: () => {} })).toBe(configured);
    expect(() => resolveSealingSecret({ configured: "too-short", dataDir: null, warn: () => {} })).toThrow(
      /at least 32 characters/,
    );
  });

  it("keeps one in .data/sealing-secret for the embedded database, readable by this user only", () => {
    const first = resolveSealingSecret({ configured: undefined, dataDir: dir, warn: () => {} });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(readFileSync(join(dir, "sealing-secret"), "utf8")).toBe(first);
    expect(statSync(join(dir, "sealing-secret")).mode & 0o777).toBe(0o600);
    expect(resolveSealingSecret({ configured: undefined, dataDir: dir, warn: () => {} })).toBe(first);
  });

  it("falls back to a random secret with a warning when there is nowhere to keep one", () => {
    const warnings: string[] = [];
    const one = resolveSealingSecret({ configured: undefined, dataDir: null, warn: (m) => warnings.push(m) });
    const two = resolveSealingSecret({ configured: undefined, dataDir: null, warn: (m) => warnings.push(m) });
    expect(one).not.toBe(two);
    expect(warnings[0]).toMatch(/SEALING_SECRET is not set/);
  });
});
