// The language an e-mail is written in: its recipient's own choice when the address is a person of
// the organisation who chose one, else the organisation's default (external raters, people who
// follow the organisation). Decided when the mail is written, since the outbox stores its text.
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { organisations, people } from "../schema";

/** The languages of the `people_language` and `organisations_language` checks. */
type Language = "en" | "de";

export interface MailLanguages {
  /** The organisation's default, for addresses that are no person of it or chose none. */
  organisation: Language;
  /** Each address (lower-cased) of a person of the organisation who chose a language. */
  chosen: ReadonlyMap<string, Language>;
}

/**
 * The organisation's default language and the choices of its people with these addresses, in one
 * query (people's addresses are stored lower-case; (org_id, email) is unique).
 */
export async function findMailLanguages(
  db: Executor,
  orgId: string,
  addresses: readonly string[],
): Promise<MailLanguages> {
  const wanted = [...new Set(addresses.map((a) => a.trim().toLowerCase()))];
  const rows = await db
    .select({ organisation: organisations.language, email: people.email, language: people.language })
    .from(organisations)
    .leftJoin(
      people,
      and(
        eq(people.orgId, organisations.id),
        wanted.length > 0 ? inArray(people.email, wanted) : sql`false`,
        sql`${people.language} is not null`,
      ),
    )
    .where(eq(organisations.id, orgId));
  const chosen = new Map<string, Language>();
  for (const row of rows) {
    if (row.email && row.language) chosen.set(row.email, row.language as Language);
  }
  return { organisation: (rows[0]?.organisation as Language | undefined) ?? "en", chosen };
}
