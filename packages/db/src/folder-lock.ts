// One process per embedded data folder. PGlite is a database inside the process: a second process
// on the same folder sees only its own writes and, on the next start, one side's acknowledged
// writes are gone. So the folder is locked with a file beside it that names its owner (pid, host,
// and the process's start time on Linux); a lock whose owner is gone (kill -9, a crash, a reboot)
// is taken over, so a crashed owner never leaves the folder stuck.
import { randomBytes } from "node:crypto";
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  rmdirSync,
  statSync,
  unlinkSync,
  writeSync,
} from "node:fs";
import { hostname } from "node:os";
import { basename, dirname, join } from "node:path";

export interface LockOwner {
  pid: number;
  host: string;
  /** Linux: boot id and start time of the process (clock ticks since boot), against pid reuse. */
  boot: string | null;
  start: string | null;
  /** Unique per acquisition, so a release never removes a lock someone else took over. */
  nonce: string;
  since: string;
}

export class DataFolderLockedError extends Error {
  constructor(
    readonly folder: string,
    readonly owner: LockOwner,
  ) {
    const where = owner.host === hostname() ? "" : ` on host ${owner.host}`;
    const remedy =
      owner.host === hostname()
        ? "Stop that process first (or use another folder)."
        : `If no Fivefold runs there any more, delete ${lockFileFor(folder)}.`;
    super(
      `The embedded database in ${folder} is in use by another Fivefold process (pid ${owner.pid}${where}, since ${owner.since}). ` +
        `PGlite serves one process only; two on one folder lose each other's writes. ${remedy} ` +
        "To run several processes, use Postgres (DATABASE_URL=postgres://…).",
    );
    this.name = "DataFolderLockedError";
  }
}

export interface FolderLock {
  file: string;
  release(): void;
}

export function lockFileFor(folder: string): string {
  return join(dirname(folder), `${basename(folder)}.lock`);
}

/** Start identity of a live process on this machine (Linux /proc), or nulls where unknown. */
export function processIdentity(pid: number): { boot: string | null; start: string | null } {
  try {
    const boot = readFileSync("/proc/sys/kernel/random/boot_id", "utf8").trim();
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Field 22 (starttime) counts after the command name, which may itself hold spaces.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { boot, start: fields[19] ?? null };
  } catch {
    return { boot: null, start: null };
  }
}

/** Whether the process that wrote this lock still runs (unknowable for another host: assume so). */
export function ownerAlive(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return true;
  try {
    process.kill(owner.pid, 0);
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  if (owner.boot && owner.start) {
    const now = processIdentity(owner.pid);
    // The machine rebooted, or the pid now belongs to a different process.
    if (now.boot && now.boot !== owner.boot) return false;
    if (now.start && now.start !== owner.start) return false;
  }
  return true;
}

function readOwner(file: string): LockOwner | null {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<LockOwner>;
    if (typeof parsed.pid !== "number" || typeof parsed.host !== "string") return null;
    return {
      pid: parsed.pid,
      host: parsed.host,
      boot: parsed.boot ?? null,
      start: parsed.start ?? null,
      nonce: parsed.nonce ?? "",
      since: parsed.since ?? "an unknown time",
    };
  } catch {
    return null;
  }
}

function ageMs(path: string): number {
  try {
    return Date.now() - statSync(path).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * Takes the lock on `folder` or throws DataFolderLockedError naming the owner. Synchronous, so it
 * can also run from an exit handler's world; it waits at most a few seconds, only while another
 * process is half-way through writing or taking over the lock file.
 */
export function lockDataFolder(folder: string): FolderLock {
  const file = lockFileFor(folder);
  mkdirSync(dirname(file), { recursive: true });
  const me: LockOwner = {
    pid: process.pid,
    host: hostname(),
    ...processIdentity(process.pid),
    nonce: randomBytes(8).toString("hex"),
    since: new Date().toISOString(),
  };
  const deadline = Date.now() + 5_000;
  for (;;) {
    try {
      const fd = openSync(file, "wx", 0o644);
      try {
        writeSync(fd, JSON.stringify(me));
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      return lockHandle(file, me);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const owner = readOwner(file);
    if (owner && ownerAlive(owner)) throw new DataFolderLockedError(folder, owner);
    if (!owner && ageMs(file) < 2_000 && Date.now() < deadline) {
      // Just created by a process still writing its name into it.
      sleep(50);
      continue;
    }
    takeOver(file, owner);
    if (Date.now() > deadline) {
      throw new Error(`Could not take the lock ${file}: another process keeps changing it`);
    }
  }
}

/** Removes a stale lock file, under a second lock so two processes never both take over. */
function takeOver(file: string, stale: LockOwner | null): void {
  const mutex = `${file}.takeover`;
  try {
    mkdirSync(mutex);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    // Someone else is taking over; a mutex this old was left by a process that died doing it.
    if (ageMs(mutex) > 10_000) rmdirSync(mutex);
    else sleep(50);
    return;
  }
  try {
    const current = readOwner(file);
    const unchanged = stale === null ? current === null : current?.nonce === stale.nonce;
    if (unchanged) unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  } finally {
    rmdirSync(mutex);
  }
}

function lockHandle(file: string, me: LockOwner): FolderLock {
  let held = true;
  const release = () => {
    if (!held) return;
    held = false;
    process.removeListener("exit", release);
    // Only our own lock: never one another process took over after judging us gone.
    if (readOwner(file)?.nonce === me.nonce) {
      try {
        unlinkSync(file);
      } catch {
        // Already gone.
      }
    }
  };
  // A process that exits without closing its database still frees the folder.
  process.on("exit", release);
  return { file, release };
}
