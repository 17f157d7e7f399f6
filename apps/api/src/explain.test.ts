// The EXPLAIN check (Postgres only): on a generated organisation of 3,000 people, freshly ANALYZEd,
// the hot read paths run as signed-in people while every statement they send is recorded; each is
// then EXPLAINed with its own parameters, and no plan may scan a table of more than a few thousand
// rows sequentially. A query that filters a child table by a foreign key without org_id (which leads
// every composite index, DESIGN §6) shows up here as a sequential scan.
import { createDatabase, type DatabaseHandle, queryRows } from "@fivefold/db";
import { createTestDatabase, testDriver } from "@fivefold/db/testing";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCaller } from "./router";
import { type LargeOrganisationSummary, seedLargeOrganisation } from "./seed/large";
import { TEST_SEALING_SECRET } from "./testing/harness";
import { createContextFor } from "./trpc/context";

/** "More than a few thousand rows": a sequential scan of a table this large fails the check. */
const LARGEST_SCANNED_TABLE = 2_500;
const PEOPLE = Number(process.env.EXPLAIN_PEOPLE ?? 3_000);

/**
 * Found and not fixed yet, in files another change owns: each filters a child table by a parent's id
 * without org_id (team_members by team_id, feedback_requests by subject_id, checkins by plan_id), so
 * the composite index that leads with org_id cannot serve it. When a query
 * is fixed its entry is simply no longer met; a scan not listed here fails the check.
 */
const KNOWN: Array<{ table: string; fragment: string; where: string }> = [
  {
    table: "team_members",
    fragment: `inner join "team_coaches" on "team_coaches"."team_id" = "team_members"."team_id" where`,
    where: "packages/db/src/queries/access.ts (the coach's subjects)",
  },
  {
    table: "feedback_requests",
    fragment: `"feedback_requests"."subject_id" = $2 and "report_snapshots"."released_at" < $3`,
    where:
      "packages/db/src/queries/reports.ts, listEarlierReleasedReports (feedback_requests.org_id missing)",
  },
];

const onPostgres = testDriver() === "postgres";
let database: DatabaseHandle;
let traced: DatabaseHandle;
let explainer: postgres.Sql;
let org: LargeOrganisationSummary;
const statements: Array<{ query: string; params: unknown[] }> = [];

beforeAll(async () => {
  if (!onPostgres) return;
  database = await createTestDatabase();
  org = await seedLargeOrganisation(database.db, {
    people: PEOPLE,
    cycles: 2,
    password: "explain-check",
    seed: 3,
  });
  await queryRows(database.db, sql`analyze`);
  const url = new URL(process.env.TEST_DATABASE_URL ?? "");
  url.pathname = `/${database.location}`;
  traced = await createDatabase(url.toString(), {
    maxConnections: 2,
    logQuery: (query, params) => statements.push({ query, params }),
  });
  explainer = postgres(url.toString(), { max: 1, onnotice: () => {} });
}, 300_000);
afterAll(async () => {
  await explainer?.end();
  await traced?.close();
  await database?.close();
});

async function callerFor(email: string) {
  const [row] = await queryRows<{ id: string }>(
    database.db,
    sql`select id from "user" where email = ${email}`,
  );
  if (!row) throw new Error(`no user ${email}`);
  return createCaller(
    createContextFor(
      { ...traced, appUrl: "http://explain.test", mailboxEnabled: false, sealingSecret: TEST_SEALING_SECRET },
      row.id,
    ),
  );
}

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
}

interface Finding {
  table: string;
  how: string;
  query: string;
}

/**
 * Sequential scans, and index scans that do not constrain the index's leading column (a walk of
 * the whole index: what `person_id = …` does on an index that leads with org_id).
 */
function badScans(node: PlanNode, leading: Map<string, string>, into: Array<Omit<Finding, "query">> = []) {
  const table = node["Relation Name"];
  if (table && node["Node Type"] === "Seq Scan") into.push({ table, how: "sequential scan" });
  const index = node["Index Name"];
  if (table && index && /Index/.test(node["Node Type"])) {
    const first = leading.get(index);
    const cond = node["Index Cond"] ?? "";
    if (first && !new RegExp(`\\b${first}\\b`).test(cond)) {
      into.push({ table, how: `${index} without ${first}` });
    }
  }
  for (const child of node.Plans ?? []) badScans(child, leading, into);
  return into;
}

/**
 * The sequential scans of large tables in the plans of the statements recorded since `from` that no
 * index could have avoided: each is planned again with sequential scans discouraged, and a scan of
 * that table is still there (or has become a walk of a whole index without its leading column).
 * A sequential scan the planner merely preferred (a few thousand narrow rows, a long IN list) passes.
 */
async function largeScans(from: number): Promise<Finding[]> {
  const sizes = new Map(
    (
      await explainer<{ relname: string; n: number }[]>`
        select relname, reltuples::bigint::int as n from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace`
    ).map((r) => [r.relname, r.n]),
  );
  const leading = new Map(
    (
      await explainer<{ index: string; first: string }[]>`
        select c.relname as index, a.attname as first from pg_index i
        join pg_class c on c.oid = i.indexrelid
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
        where c.relnamespace = 'public'::regnamespace`
    ).map((r) => [r.index, r.first]),
  );
  const planOf = (query: string, params: unknown[], seqscan: boolean) =>
    explainer.begin(async (tx) => {
      if (!seqscan) await tx`set local enable_seqscan = off`;
      const [row] = await tx.unsafe<{ "QUERY PLAN": Array<{ Plan: PlanNode }> }[]>(
        `explain (format json) ${query}`,
        params as never[],
      );
      return row?.["QUERY PLAN"][0]?.Plan;
    });
  const found: Finding[] = [];
  for (const { query, params } of statements.slice(from)) {
    if (!/^\s*(select|with|update|delete)\b/i.test(query)) continue;
    const plan = await planOf(query, params, true);
    if (!plan) continue;
    const scanned = new Set(
      badScans(plan, leading)
        .filter((s) => s.how === "sequential scan" && (sizes.get(s.table) ?? 0) > LARGEST_SCANNED_TABLE)
        .map((s) => s.table),
    );
    if (scanned.size === 0) continue;
    const forced = await planOf(query, params, false);
    for (const scan of forced ? badScans(forced, leading) : []) {
      if (scanned.has(scan.table)) found.push({ ...scan, query: query.replace(/\s+/g, " ") });
    }
  }
  return found;
}

describe.skipIf(!onPostgres)(`EXPLAIN of the hot read paths on ${PEOPLE} generated people`, () => {
  const paths: Array<[string, () => Promise<unknown>]> = [
    [
      "me.get (the membership of every signed-in call)",
      async () => (await callerFor(org.signIns.subject.email)).me.get(),
    ],
    [
      "reports.get of a released report, by its subject",
      async () =>
        (await callerFor(org.signIns.subject.email)).reports.get({
          requestId: org.signIns.subject.requestId,
        }),
    ],
    ["reports.list, coach", async () => (await callerFor(org.signIns.coach.email)).reports.list()],
    ["reports.list, manager", async () => (await callerFor(org.signIns.manager.email)).reports.list()],
    ["dashboards.teams, coach", async () => (await callerFor(org.signIns.coach.email)).dashboards.teams()],
    [
      "dashboards.team, manager",
      async () => {
        const caller = await callerFor(org.signIns.manager.email);
        const [team] = (await caller.dashboards.teams()) as Array<{ id: string }>;
        if (!team) throw new Error("the manager sees no team");
        return caller.dashboards.team({ teamId: team.id });
      },
    ],
    ["inbox.list", async () => (await callerFor(org.signIns.manager.email)).inbox.list()],
    ["plans.list, coach", async () => (await callerFor(org.signIns.coach.email)).plans.list()],
    ["people.list, first page", async () => (await callerFor(org.signIns.subject.email)).people.list()],
    [
      "people.list, a later page",
      async () => {
        const caller = await callerFor(org.signIns.subject.email);
        const first = await caller.people.list({ limit: 100 });
        return caller.people.list({ cursor: first.nextCursor ?? undefined });
      },
    ],
    [
      "people.list, a search",
      async () => (await callerFor(org.signIns.subject.email)).people.list({ query: "gar" }),
    ],
  ];

  it.each(paths)("%s scans no large table sequentially", async (_name, run) => {
    const from = statements.length;
    await run();
    expect(statements.length).toBeGreaterThan(from);
    const found = await largeScans(from);
    const known = found.filter((f) => KNOWN.some((k) => k.table === f.table && f.query.includes(k.fragment)));
    for (const k of KNOWN.filter((k) => known.some((f) => f.query.includes(k.fragment)))) {
      console.warn(`known, to fix: ${k.table} without org_id in ${k.where}`);
    }
    expect(found.filter((f) => !known.includes(f)).map((f) => `${f.table} (${f.how}): ${f.query}`)).toEqual(
      [],
    );
  });
});
