// Test-only: the seeded state the fuzz suite calls every procedure in. Two organisations, each with
// a released report, a published plan whose circle accepted, a check-in and a draft cycle; Alpha also
// has an open request with invitations (an external rater's among them) and a draft request. The ids of every row of both (so a generated id is often
// a real one, of the caller's organisation or of the other), the one-time-link tokens and the
// addresses in the outbox, and the signed-in relations the calls are made as.
import { schema } from "@fivefold/db";
import { DIMENSION_KEYS, getInstrument, shiftDays } from "@fivefold/domain";
import { sql } from "drizzle-orm";
import fc from "fast-check";
import type { SeededOrganisation } from "../seed/organisation";
import { dayString, type Pair } from "./arbitrary";
import { planWithCircle, releaseReport } from "./grow";
import { collectOrg, type Harness, idOf } from "./harness";
import { NASTY_STRINGS, nasty } from "./nasties";

export interface FuzzWorld {
  alpha: SeededOrganisation;
  beta: SeededOrganisation;
  /** Relation name → the Better Auth user it signs in as (null: anonymous). */
  relations: Record<string, string | null>;
  /** Table → the ids of its rows, both organisations together. */
  ids: Record<string, string[]>;
  tokens: string[];
  emails: string[];
}

const peers = ["p1", "p2", "p3", "p4"].map((key) => ({ key, group: "peer" as const }));

async function seedOrg(h: Harness, org: SeededOrganisation, lead: string): Promise<void> {
  const requestId = await releaseReport(h, org, "subject", peers, (i) => 2 + (i % 3));
  const planId = await planWithCircle(h, org, {
    requestId,
    owner: "subject",
    partners: ["p1", "p2", "p3"],
    lead,
    publish: true,
  });
  const { id: checkinId } = await h
    .as(org, "subject")
    .checkins.log({ planId, progress: 20, note: "Started" });
  await h.as(org, "p1").checkins.encourage({ checkinId, text: "Keep going" });
  const day = (offset: number) => shiftDays(new Date(), offset).toISOString().slice(0, 10);
  await h.as(org, "admin").cycles.create({
    name: "Spring",
    population: { teamIds: [org.teams.Core ?? ""] },
    nominationsCloseOn: day(7),
    answersDueOn: day(21),
    releaseOn: day(28),
  });
}

export async function seedFuzzWorld(h: Harness): Promise<FuzzWorld> {
  const alpha = await h.seed(collectOrg("Alpha", "alpha.test"));
  const beta = await h.seed(collectOrg("Beta", "beta.test"));
  await seedOrg(h, alpha, "p5");
  await seedOrg(h, beta, "p4");
  await h.as(alpha, "admin").settings.update({ externalRaterDomains: ["partner.example"] });
  await h.as(alpha, "manager").requests.create({
    subjectId: idOf(alpha, "p6"),
    deadline: shiftDays(new Date(), 14).toISOString(),
    raters: [
      ...["p1", "p2", "p3"].map((key) => ({ personId: idOf(alpha, key), group: "peer" as const })),
      { email: "outside@partner.example", group: "other" },
    ],
  });
  // A draft, for the procedures that open, cancel or nominate on one.
  await h.as(alpha, "manager").requests.create({
    subjectId: idOf(alpha, "p4"),
    deadline: shiftDays(new Date(), 14).toISOString(),
    raters: ["p5", "p2", "p3"].map((key) => ({ personId: idOf(alpha, key), group: "peer" as const })),
    open: false,
  });
  const user = (org: SeededOrganisation, key: string) => org.people[key]?.userId ?? null;
  const relations = {
    anonymous: null,
    admin: user(alpha, "admin"),
    manager: user(alpha, "manager"),
    member: user(alpha, "p6"),
    subject: user(alpha, "subject"),
    partner: user(alpha, "p1"),
    coach: user(alpha, "coach"),
    otherAdmin: user(beta, "admin"),
  };
  const people = [alpha, beta].flatMap((org) => Object.values(org.people));
  return {
    alpha,
    beta,
    relations,
    ids: await allIds(h),
    tokens: await linkTokens(h),
    emails: people.map((p) => p.email),
  };
}

const rowsOf = (result: unknown): Record<string, unknown>[] =>
  Array.isArray(result) ? result : ((result as { rows: Record<string, unknown>[] }).rows ?? []);

/** Every uuid `id` of every table: people, requests, invitations, plans, cycles, mails... */
async function allIds(h: Harness): Promise<Record<string, string[]>> {
  const tables = rowsOf(
    await h.database.db.execute(
      sql`select table_name as name from information_schema.columns
          where table_schema = 'public' and column_name = 'id' and data_type = 'uuid' order by 1`,
    ),
  ).map((row) => String(row.name));
  const ids: Record<string, string[]> = {};
  for (const table of tables) {
    const rows = rowsOf(
      await h.database.db.execute(sql.raw(`select id::text as id from "${table}" order by 1`)),
    );
    ids[table] = rows.map((row) => String(row.id));
  }
  return ids;
}

async function linkTokens(h: Harness): Promise<string[]> {
  const mails = await h.database.db.select({ meta: schema.outbox.meta }).from(schema.outbox);
  const links = mails.map((mail) => (mail.meta as { link?: string } | null)?.link ?? "");
  return links.filter((link) => link.includes("/r/")).map((link) => link.replace(/^.*\/r\//, ""));
}

/** Which table's ids a property holds, by its name (`planId`, `memberIds`, `compareTo`...). */
const TABLES_BY_NAME: Array<[RegExp, string[]]> = [
  [/^(person|subject|manager|actor|member|coach)(Id|Ids)$/, ["people"]],
  [/^(request)(Id|Ids)$|^compareTo$/, ["feedback_requests", "cycles"]],
  [/^mailId$/, ["outbox"]],
  [/^targetId$/, ["people", "feedback_requests", "coaching_plans"]],
];

/** Real ids, mostly of the kind the property's name says, sometimes any, sometimes made up. */
export function idsFor(world: FuzzWorld): (field: string | undefined) => fc.Arbitrary<string> {
  const all = Object.values(world.ids).flat();
  const any = fc.oneof(
    { arbitrary: fc.constantFrom(...all), weight: 4 },
    { arbitrary: fc.uuid(), weight: 1 },
  );
  return (field) => {
    const stem =
      field
        ?.replace(/Ids?$/, "")
        .replace(/([A-Z])/g, "_$1")
        .toLowerCase() ?? "";
    const named = TABLES_BY_NAME.find(([pattern]) => field && pattern.test(field))?.[1] ?? [];
    const tables = Object.keys(world.ids).filter(
      (table) =>
        named.includes(table) ||
        (stem.length > 2 && table.replace(/_/g, "").includes(stem.replace(/_/g, ""))),
    );
    const kind = tables.flatMap((table) => world.ids[table] ?? []);
    return kind.length > 0 ? fc.oneof({ arbitrary: fc.constantFrom(...kind), weight: 4 }, any) : any;
  };
}

/** One statement counting the rows of every table of the app (exact, not pg_stat estimates). */
export async function rowCounter(h: Harness): Promise<(db: Harness["database"]["db"]) => Promise<string>> {
  const tables = rowsOf(
    await h.database.db.execute(
      sql`select tablename as name from pg_tables where schemaname = 'public' order by 1`,
    ),
  ).map((row) => String(row.name));
  const pairs = tables.map((t) => `'${t}', (select count(*) from "${t}")`).join(", ");
  const statement = sql.raw(`select json_build_object(${pairs})::text as counts`);
  return async (db) => String(rowsOf(await db.execute(statement))[0]?.counts);
}

const pick = <T>(values: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...values);
const oneOf = (valid: fc.Arbitrary<unknown>, ...near: fc.Arbitrary<unknown>[]): Pair => ({
  valid,
  mixed: fc.oneof({ arbitrary: valid, weight: 4 }, ...near, nasty),
});

/** Properties whose schema says little (answers are `unknown[]`, days are strings): what they hold. */
export function keyHints(world: FuzzWorld): Record<string, Pair> {
  const items = getInstrument().dimensions.flatMap((d) => d.items.map((item) => item.id));
  const score = fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant(null));
  const badScore = fc.constantFrom(0, 6, -1, 2.5, -0.5, 1e21, "3", true, {});
  const answers = fc
    .array(score, { minLength: items.length, maxLength: items.length })
    .map((scores) => scores.map((s, i) => ({ itemId: items[i], score: s })));
  const looseAnswer = fc.record({ itemId: fc.oneof(pick(items), pick(NASTY_STRINGS)), score: badScore });
  const comment = fc.record({ dimension: pick(DIMENSION_KEYS), text: fc.lorem({ maxCount: 12 }) });
  const csvRow = fc.tuple(fc.lorem({ maxCount: 2 }), fc.emailAddress(), pick(["", ...world.emails]));
  const csv = fc
    .array(csvRow, { maxLength: 6 })
    .map((rows) =>
      ["name,email,manager_email,team,roles", ...rows.map((r) => `${r.join(",")},Core,`)].join("\n"),
    );
  const strings = fc.string({ maxLength: 40 });
  return {
    answers: oneOf(
      answers,
      fc.array(looseAnswer, { maxLength: 4 }),
      answers.map((a) => [...a, ...a]),
    ),
    comments: oneOf(
      fc.array(comment, { maxLength: 3 }),
      fc.array(fc.record({ dimension: strings, text: nasty })),
    ),
    email: oneOf(
      fc.oneof(
        pick(world.emails),
        fc.emailAddress(),
        fc.lorem({ maxCount: 1 }).map((w) => `${w}.new@alpha.test`),
      ),
      pick(world.emails).map((email) => ` ${email.toUpperCase()} `),
    ),
    token: oneOf(
      pick(world.tokens),
      strings,
      pick(world.tokens).map((t) => t.toUpperCase()),
    ),
    csv: oneOf(
      csv,
      csv.map((text) => `\uFEFF${text.replaceAll(",", ";")}`),
      strings,
    ),
    nominationsCloseOn: dayString,
    answersDueOn: dayString,
    releaseOn: dayString,
    on: dayString,
  };
}
