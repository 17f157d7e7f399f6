// The page-level attack (issue 11 §4) on Postgres: a reader with pageinspect sees every row version,
// live or dead, and every byte of every page. Raters submit, in separate transactions, comments
// carrying distinct markers. While the request collects no page holds a marker in readable form;
// after release the markers are in the released responses (the scan sees them), but no row version
// holding one carries a transaction id that a submit wrote next to a rater; after the vacuum job,
// neither the envelopes' nor the invitations' dead versions are left at all.
import { queryRows } from "@fivefold/db";
import { testDriver } from "@fivefold/db/testing";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { vacuumAfterReleases } from "../services/collect/vacuum";
import { fullAnswers } from "../testing/answers";
import { collectOrg, createHarness, type Harness } from "../testing/harness";

const onPostgres = testDriver() === "postgres";
let h: Harness;
let a: SeededOrganisation;

const RATERS = ["p1", "p2", "p3", "p4", "manager", "subject"] as const;
// Short, so neither TOAST nor compression hides them from the scan.
const marker = (key: string) => `MKR${key.toUpperCase()}Q7`;
const DECLINE_MARKER = "MKRDECLINEQ7";
const MARKERS = [...RATERS.map(marker), DECLINE_MARKER];

beforeAll(async () => {
  if (!onPostgres) return;
  h = await createHarness();
  await h.database.db.execute(sql`create extension if not exists pageinspect`);
  a = await h.seed(collectOrg("Pages", "pages.test"));
});
afterAll(async () => {
  await h?.close();
});

interface TupleHit {
  rel: string;
  xmin: string;
  xmax: string;
  marker: string;
}

/** Every row version (live or dead) of every table, TOAST included, that holds a marker's bytes. */
function tuplesWithMarkers(): Promise<TupleHit[]> {
  return queryRows<TupleHit>(
    h.database.db,
    sql`select c.oid::regclass::text as rel, t.t_xmin::text as xmin, t.t_xmax::text as xmax, m.marker
        from pg_class c
        cross join lateral generate_series(0, pg_relation_size(c.oid) / current_setting('block_size')::int - 1) as b(blk)
        cross join lateral heap_page_items(get_raw_page(c.oid::regclass::text, b.blk::int)) as t
        join unnest(${`{${MARKERS.join(",")}}`}::text[]) as m(marker)
          on t.t_data is not null and position(convert_to(m.marker, 'UTF8') in t.t_data) > 0
        where c.relkind in ('r', 't', 'm') and c.relpersistence = 'p'
          and c.relnamespace in (select oid from pg_namespace where nspname in ('public', 'drizzle', 'pg_toast'))`,
  );
}

/** Every page of every relation with storage (indexes too), as raw bytes. */
function pagesWithMarkers(): Promise<Array<{ rel: string; marker: string }>> {
  return queryRows(
    h.database.db,
    sql`select distinct c.oid::regclass::text as rel, m.marker
        from pg_class c
        cross join lateral generate_series(0, pg_relation_size(c.oid) / current_setting('block_size')::int - 1) as b(blk)
        join unnest(${`{${MARKERS.join(",")}}`}::text[]) as m(marker)
          on position(convert_to(m.marker, 'UTF8') in get_raw_page(c.oid::regclass::text, b.blk::int)) > 0
        where c.relkind in ('r', 't', 'm', 'i') and c.relpersistence = 'p'
          and c.relnamespace in (select oid from pg_namespace where nspname in ('public', 'drizzle', 'pg_toast'))`,
  );
}

/** Row versions of a table, live and dead, with the transaction ids stamped on them. */
function rowVersions(table: string): Promise<Array<{ xmin: string; xmax: string }>> {
  return queryRows(
    h.database.db,
    sql`select t.t_xmin::text as xmin, t.t_xmax::text as xmax
        from generate_series(0, pg_relation_size(${table}::regclass) / current_setting('block_size')::int - 1) as b(blk)
        cross join lateral heap_page_items(get_raw_page(${table}, b.blk::int)) as t
        where t.t_data is not null`,
  );
}

describe.runIf(onPostgres)("the page-level attack on Postgres (pageinspect)", () => {
  it("finds no readable answer in any row version or page while open, and no submitter's transaction next to one after release", async () => {
    const personId = (key: string) => a.people[key]?.personId as string;
    const { id: requestId } = await h.as(a, "manager").requests.create({
      subjectId: personId("subject"),
      deadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      raters: [
        ...["p1", "p2", "p3", "p4", "p5"].map((key) => ({ personId: personId(key), group: "peer" as const })),
        { personId: personId("manager"), group: "manager" as const },
      ],
    });
    const invitationOf = async (key: string) => {
      const item = (await h.as(a, key).inbox.list()).find((i) => i.requestId === requestId);
      if (!item) throw new Error(`no invitation for ${key}`);
      return item.invitationId;
    };

    // Each submit is its own transaction; its id is the stamp it leaves on the request's invitations.
    const submits = new Set<string>();
    for (const key of RATERS) {
      await h.as(a, key).responses.submit({
        invitationId: await invitationOf(key),
        answers: fullAnswers(key === "subject" ? 5 : 3),
        comments: [{ dimension: "vision", text: `${marker(key)} sees far` }],
      });
      const stamps = await queryRows<{ xmin: string }>(
        h.database.db,
        sql`select distinct xmin::text as xmin from invitations where request_id = ${requestId}`,
      );
      expect(stamps).toHaveLength(1);
      submits.add(stamps[0]?.xmin as string);
    }
    expect(submits.size).toBe(RATERS.length);
    // A rater who declines and (with an old client) sends a reason: it is kept nowhere.
    await h
      .as(a, "p5")
      .responses.decline({ invitationId: await invitationOf("p5"), reason: DECLINE_MARKER } as never);

    // (a) While the request collects: no row version, live or dead, and no page byte holds a marker.
    expect(await tuplesWithMarkers()).toEqual([]);
    expect(await pagesWithMarkers()).toEqual([]);

    // The attack's precondition holds: invitation versions pair each submit with the rater it marked.
    const invitationVersions = await rowVersions("invitations");
    const linkable = new Set<string>(submits);
    for (const version of invitationVersions) {
      if (submits.has(version.xmin) || submits.has(version.xmax)) {
        linkable.add(version.xmin);
        if (version.xmax !== "0") linkable.add(version.xmax);
      }
    }
    expect(invitationVersions.some((v) => submits.has(v.xmax))).toBe(true);

    await h.as(a, "manager").requests.close({ requestId });

    // (b) After release the answers are readable (the scan sees them: this is not a blind test)…
    const hits = await tuplesWithMarkers();
    const released = hits.filter((hit) => hit.rel === "sealed_responses").map((hit) => hit.marker);
    expect(new Set(released)).toEqual(new Set(RATERS.map(marker)));
    expect(hits.some((hit) => hit.marker === DECLINE_MARKER)).toBe(false);
    // …but no row version that holds one was written or deleted by a transaction a rater is tied to.
    const paired = hits.filter((hit) => linkable.has(hit.xmin) || linkable.has(hit.xmax));
    expect(paired).toEqual([]);

    // (c) The vacuum job clears the dead versions: no envelope is left, live or dead, and no
    // invitation version that a submit deleted.
    const vacuum = await vacuumAfterReleases(h.database.db, {
      now: new Date(),
      lastRunAt: null,
      minIntervalMs: 0,
    });
    expect(vacuum.outcome).toBe("vacuumed");
    expect(await rowVersions("sealed_envelopes")).toEqual([]);
    expect((await rowVersions("invitations")).filter((v) => submits.has(v.xmax))).toEqual([]);
  });
});
