// The embedded data folder takes one process: a second is refused with a message naming the owner,
// and a lock left by an owner that died (kill -9) or whose pid now belongs to someone else is
// taken over. Through createDatabase, so PGlite itself never opens a folder in use.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createDatabase } from "./client";
import { DataFolderLockedError, lockDataFolder, lockFileFor, processIdentity } from "./folder-lock";
import { testDriver } from "./testing";

const root = mkdtempSync(join(tmpdir(), "fivefold-lock-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function idleChild(): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["-e", "setInterval(() => {}, 1000)"], { stdio: "ignore" });
  return new Promise((resolve, reject) => {
    child.once("spawn", () => resolve(child));
    child.once("error", reject);
  });
}

function writeLock(folder: string, pid: number, identity = processIdentity(pid)) {
  writeFileSync(
    lockFileFor(folder),
    JSON.stringify({ pid, host: hostname(), ...identity, nonce: "theirs", since: "2030-01-01T00:00:00Z" }),
  );
}

describe.runIf(testDriver() === "pglite")("the lock on an embedded data folder", () => {
  it("refuses a second owner while the first holds it, and frees it on release", () => {
    const folder = join(root, "one");
    const lock = lockDataFolder(folder);
    expect(() => lockDataFolder(folder)).toThrow(DataFolderLockedError);
    expect(() => lockDataFolder(folder)).toThrow(
      new RegExp(`in use by another Fivefold process \\(pid ${process.pid}`),
    );
    lock.release();
    expect(existsSync(lockFileFor(folder))).toBe(false);
    lockDataFolder(folder).release();
  });

  it("refuses while another live process holds it, and takes it over once that one is killed -9", async () => {
    const folder = join(root, "two");
    const child = await idleChild();
    const pid = child.pid ?? 0;
    writeLock(folder, pid);
    expect(() => lockDataFolder(folder)).toThrow(`pid ${pid}`);
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGKILL");
    await exited;
    const lock = lockDataFolder(folder);
    expect(JSON.parse(readFileSync(lockFileFor(folder), "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("takes over a lock whose pid now belongs to a different process, or that is unreadable", () => {
    const folder = join(root, "three");
    // Our own pid, but another start time: the owner died and the pid was reused.
    const mine = processIdentity(process.pid);
    if (mine.start) {
      writeLock(folder, process.pid, { boot: mine.boot, start: `${Number(mine.start) - 1}` });
      lockDataFolder(folder).release();
    }
    writeFileSync(lockFileFor(folder), "{ half-writ");
    const lock = lockDataFolder(folder);
    expect(JSON.parse(readFileSync(lockFileFor(folder), "utf8")).pid).toBe(process.pid);
    lock.release();
  });

  it("keeps a second createDatabase off a folder in use, before PGlite opens it", async () => {
    const folder = join(root, "db");
    const first = await createDatabase(`pglite://${folder}`);
    await expect(createDatabase(`pglite://${folder}`)).rejects.toThrow(DataFolderLockedError);
    await first.close();
    const again = await createDatabase(`pglite://${folder}`);
    await again.close();
  });
});
