// pnpm seed:large on an embedded database: the command line, the summary it prints, and the refusal
// of a second run with the same name. (The generator itself is tested in src/seed/large.test.ts on
// both drivers; this file uses an on-disk PGlite whatever the driver, so it runs once.)
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { testDriver } from "@fivefold/db/testing";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "fivefold-seed-large-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) =>
  run("pnpm", ["exec", "tsx", "src/cli/seed-large.ts", ...args], {
    env: { ...process.env, DATABASE_URL: `pglite://${dir}` },
  });

describe.skipIf(testDriver() === "postgres")("pnpm seed:large", () => {
  it("migrates, generates the organisation, prints its counts and sign-ins, and refuses the same name again", async () => {
    const args = ["--people", "60", "--cycles", "1", "--name", "Initech", "--password", "initech-password"];
    const { stdout, stderr } = await cli(args);
    expect(stdout).toMatch(/^Created "Initech" \([0-9a-f-]{36}\) on pglite/);
    expect(stdout).toMatch(/^ {2}people +60$/m);
    expect(stdout).toMatch(/^ {2}admin +\S+@initech\.test$/m);
    expect(stdout).toMatch(/^Password: initech-password$/m);
    expect(stderr).toMatch(/people +60\/60/);

    await expect(cli(args)).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining('An organisation named "Initech" exists already'),
    });
  }, 180_000);

  it("refuses a size it cannot make, with the usage", async () => {
    await expect(cli(["--people", "ten"])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Usage: pnpm seed:large"),
    });
  });
});
