// The fault run's own data: a uniquely named Postgres database (dropped afterwards) or an embedded
// folder, migrated with the real migrations and seeded through the product's own verbs, so every
// invitation has a one-time link the raters can answer through. Counts are read per request only
// (sealed responses against acknowledged submits): nothing here joins an answer to a rater.
import { randomBytes } from "node:crypto";
import { createCaller, createContextFor, seedOrganisation } from "@fivefold/api";
import { createDatabase, type DatabaseHandle, migrate, queryRows, schema } from "@fivefold/db";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";

export const MANAGER_EMAIL = "manager@faults.test";
export const PASSWORD = "fault-suite-password";
export const SECRETS = {
  BETTER_AUTH_SECRET: randomBytes(32).toString("base64"),
  SEALING_SECRET: randomBytes(32).toString("base64"),
};

export interface Invitation {
  token: string;
  requestId: string;
}

export interface FaultDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A new database on the local Postgres, for this run only. */
export async function createFaultDatabase(adminUrl: string): Promise<FaultDatabase> {
  const name = `fivefold_faults_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    name,
    async drop() {
      const dropper = postgres(adminUrl, { max: 1, onnotice: () => {} });
      await dropper.unsafe(`drop database if exists "${name}" with (force)`);
      await dropper.end();
    },
  };
}

export interface SeededRound {
  orgId: string;
  requestIds: string[];
  invitations: Invitation[];
  /** People who may rate (not readers of any report here), for requests created during a run. */
  raterIds: string[];
  subjectIds: string[];
}

/**
 * An organisation (its name unique per scenario) with a manager who signs in, `requests` subjects
 * reporting to them and 24 peers; one open request per subject with 20 peers invited.
 */
export async function seedRound(
  handle: DatabaseHandle,
  label: string,
  requests: number,
): Promise<SeededRound> {
  const domain = `${label}.faults.test`;
  const subjects = Array.from({ length: requests + 20 }, (_, i) => ({
    key: `s${i}`,
    name: `Subject ${i} ${label}`,
    email: `s${i}@${domain}`,
    managerKey: "manager",
  }));
  const peers = Array.from({ length: 24 }, (_, i) => ({
    key: `p${i}`,
    name: `Peer ${i} ${label}`,
    email: `p${i}@${domain}`,
  }));
  const org = await seedOrganisation(handle.db, {
    name: `Faults ${label}`,
    password: PASSWORD,
    people: [
      {
        key: "manager",
        name: `Manager ${label}`,
        email: label === "login" ? MANAGER_EMAIL : `manager@${domain}`,
        roles: ["manager"],
      },
      ...subjects,
      ...peers,
    ],
  });
  const manager = createCaller(
    createContextFor(
      {
        ...handle,
        appUrl: "http://faults.test",
        mailboxEnabled: false,
        sealingSecret: SECRETS.SEALING_SECRET,
      },
      org.people.manager?.userId ?? null,
    ),
  );
  const peerIds = peers.map((p) => org.people[p.key]?.personId ?? "");
  const requestIds: string[] = [];
  const deadline = new Date(Date.now() + 14 * 86_400_000).toISOString();
  for (let i = 0; i < requests; i++) {
    const raters = Array.from({ length: 20 }, (_, j) => ({
      personId: peerIds[(i + j) % peerIds.length] ?? "",
      group: "peer" as const,
    }));
    const { id } = await manager.requests.create({
      subjectId: org.people[`s${i}`]?.personId ?? "",
      deadline,
      raters,
    });
    requestIds.push(id);
  }
  // Every invitation mail carries its one-time link until it is sent.
  const mails = await handle.db
    .select({ meta: schema.outbox.meta })
    .from(schema.outbox)
    .where(eq(schema.outbox.orgId, org.orgId));
  const invitations = mails.flatMap((m) =>
    typeof m.meta.link === "string" && typeof m.meta.requestId === "string"
      ? [{ token: m.meta.link.replace("/r/", ""), requestId: m.meta.requestId }]
      : [],
  );
  return {
    orgId: org.orgId,
    requestIds,
    invitations,
    raterIds: peerIds,
    subjectIds: subjects.slice(requests).map((s) => org.people[s.key]?.personId ?? ""),
  };
}

/** Opens `url`, migrates it and seeds rounds; closes it again (the server opens it next). */
export async function prepare(url: string, rounds: Array<{ label: string; requests: number }>) {
  const handle = await createDatabase(url);
  try {
    await migrate(handle);
    const seeded: Record<string, SeededRound> = {};
    for (const round of rounds) seeded[round.label] = await seedRound(handle, round.label, round.requests);
    return seeded;
  } finally {
    await handle.close();
  }
}

export interface StoredCounts {
  /** Answers kept per request: sealed envelopes while open, released responses after. */
  sealed: Map<string, number>;
  /** Invitations marked submitted per request. */
  submitted: Map<string, number>;
}

export async function storedCounts(db: DatabaseHandle["db"], orgId: string): Promise<StoredCounts> {
  const sealed = await queryRows<{ request_id: string; n: number }>(
    db,
    sql`select request_id, count(*)::int as n from (
          select request_id from sealed_envelopes where org_id = ${orgId}
          union all select request_id from sealed_responses where org_id = ${orgId}
        ) kept group by request_id`,
  );
  const submitted = await queryRows<{ request_id: string; n: number }>(
    db,
    sql`select request_id, count(*)::int as n from invitations where org_id = ${orgId} and state = 'submitted' group by request_id`,
  );
  return {
    sealed: new Map(sealed.map((r) => [r.request_id, r.n])),
    submitted: new Map(submitted.map((r) => [r.request_id, r.n])),
  };
}

/** Terminates every backend of this database but the caller's (never another database's). */
export async function terminateBackends(db: DatabaseHandle["db"]): Promise<number> {
  const rows = await queryRows<{ pid: number }>(
    db,
    sql`select pg_terminate_backend(pid), pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
  );
  return rows.length;
}
