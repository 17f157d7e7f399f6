// The language an invitee reads a one-time link's page in: their person's choice, else their
// organisation's default (an external rater has no person, so the organisation's).
import { eq } from "drizzle-orm";
import type { Executor } from "../client";
import { organisations, people } from "../schema";

/** The languages of the `people_language` and `organisations_language` checks. */
type Language = "en" | "de";

export async function findInviteeLanguages(
  db: Executor,
  orgId: string,
  personId: string | null,
): Promise<{ person: Language | null; organisation: Language }> {
  const [org] = await db
    .select({ language: organisations.language })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  const [person] = personId
    ? await db
        .select({ language: people.language, orgId: people.orgId })
        .from(people)
        .where(eq(people.id, personId))
    : [];
  return {
    // A person of another organisation never lends this page their choice.
    person: person && person.orgId === orgId ? ((person.language as Language | null) ?? null) : null,
    organisation: (org?.language as Language | undefined) ?? "en",
  };
}
