// pnpm create-admin on an embedded database: the organisation, its admin and a working password.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createDatabase, findMembershipByUserId, schema } from "@fivefold/db";
import { verifyPassword } from "better-auth/crypto";
import { eq } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const dir = mkdtempSync(join(tmpdir(), "fivefold-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (args: string[]) =>
  run("pnpm", ["exec", "tsx", "src/cli/create-admin.ts", ...args], {
    env: { ...process.env, DATABASE_URL: `pglite://${dir}` },
  });

describe("pnpm create-admin", () => {
  it("creates the organisation and an admin who can sign in with the printed password", async () => {
    const { stdout } = await cli([
      "--org",
      "Globex",
      "--name",
      "Hank Scorpio",
      "--email",
      "hank@globex.test",
    ]);
    const password = /Their password: (\S+)/.exec(stdout)?.[1];
    expect(password).toBeTruthy();
    const database = await createDatabase(`pglite://${dir}`);
    try {
      const [user] = await database.db
        .select()
        .from(schema.user)
        .where(eq(schema.user.email, "hank@globex.test"));
      const membership = await findMembershipByUserId(database.db, user?.id ?? "");
      expect(membership).toMatchObject({
        org: { name: "Globex", anonymityThreshold: 3 },
        roles: ["admin", "member"],
      });
      const [account] = await database.db
        .select()
        .from(schema.account)
        .where(eq(schema.account.userId, user?.id ?? ""));
      expect(await verifyPassword({ hash: account?.password ?? "", password: password ?? "" })).toBe(true);
    } finally {
      await database.close();
    }
  });

  it("refuses incomplete arguments with the usage", async () => {
    await expect(cli(["--org", "Globex"])).rejects.toMatchObject({
      code: 2,
      stderr: expect.stringContaining("Usage"),
    });
  });
});
