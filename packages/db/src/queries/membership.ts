// Who a signed-in user is inside Fivefold: their person, organisation and roles. One sign-in (one
// address) may hold a person in several organisations; a session answers for one of them.
import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Executor } from "../client";
import {
  organisations,
  people,
  personRoles,
  session,
  sessionOrganisations,
  ssoProviders,
  ssoSessions,
} from "../schema";
import { preparedOn } from "./prepared";

export interface Membership {
  person: { id: string; name: string; email: string; language: Language | null };
  org: { id: string; name: string; anonymityThreshold: number; language: Language };
  roles: Role[];
  /** Linked by a sign-in elsewhere and used here for the first time (see people.awaitingEntry). */
  firstEntry: boolean;
}

type Role = (typeof personRoles.$inferSelect)["role"];
/** The languages of the `people_language` and `organisations_language` checks. */
type Language = "en" | "de";

/**
 * The order in which a sign-in's active persons are tried: the one of the organisation the session
 * chose first, then the earliest linked (a deterministic default, also when the chosen one has been
 * deactivated meanwhile). Without a session (or a choice) the subquery is null.
 */
function preferenceOrder(sessionId: unknown) {
  const chosen = sql`(${people.orgId} = (select ${sessionOrganisations.orgId} from ${sessionOrganisations}
        where ${sessionOrganisations.sessionId} = ${sessionId}))`;
  return [
    desc(sql`coalesce(${chosen}, false)`),
    sql`${people.linkedAt} asc nulls first`,
    asc(people.createdAt),
    asc(people.id),
  ];
}

/**
 * Whether the session may answer for the person's organisation (docs/security.md, "Single sign-on"):
 * a session created through an organisation's identity provider answers for that organisation only,
 * and an organisation that switched passwords off is answered for only by sessions of its provider.
 * Without a session (jobs, the CLI, createCaller tests) both hold.
 */
function sessionMayAnswer(sessionId: unknown) {
  return sql`(${sessionId}::text is null or (
    not exists (select 1 from ${ssoSessions} where ${ssoSessions.sessionId} = ${sessionId}
      and ${ssoSessions.orgId} <> ${people.orgId})
    and not exists (select 1 from ${ssoProviders} where ${ssoProviders.orgId} = ${people.orgId}
      and ${ssoProviders.passwordsDisabled}
      and not exists (select 1 from ${ssoSessions} where ${ssoSessions.sessionId} = ${sessionId}
        and ${ssoSessions.orgId} = ${people.orgId}))))`;
}

// Prepared (see prepared.ts): it runs on every signed-in request. One round trip: the person of the
// session's organisation, that organisation and the roles (as text, which both drivers parse as an
// array; the composite key serves the roles by org and person).
const membershipQuery = preparedOn((db) =>
  db
    .select({
      personId: people.id,
      personName: people.name,
      personEmail: people.email,
      personLanguage: people.language,
      awaitingEntry: people.awaitingEntry,
      orgId: organisations.id,
      orgName: organisations.name,
      anonymityThreshold: organisations.anonymityThreshold,
      orgLanguage: organisations.language,
      roles: sql<Role[] | null>`(select array_agg(${personRoles.role}::text) from ${personRoles}
        where ${personRoles.orgId} = ${people.orgId} and ${personRoles.personId} = ${people.id})`,
    })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.orgId))
    .where(
      and(
        eq(people.userId, sql.placeholder("userId")),
        eq(people.active, true),
        sessionMayAnswer(sql.placeholder("sessionId")),
      ),
    )
    .orderBy(...preferenceOrder(sql.placeholder("sessionId")))
    .limit(1)
    .prepare("membership_by_user"),
);

export async function findMembershipByUserId(
  db: Executor,
  userId: string,
  sessionId: string | null = null,
): Promise<Membership | null> {
  const [row] = await membershipQuery(db).execute({ userId, sessionId });
  if (!row) return null;
  return {
    person: {
      id: row.personId,
      name: row.personName,
      email: row.personEmail,
      language: row.personLanguage as Language | null,
    },
    org: {
      id: row.orgId,
      name: row.orgName,
      anonymityThreshold: row.anonymityThreshold,
      language: row.orgLanguage as Language,
    },
    roles: [...(row.roles ?? [])].sort(),
    firstEntry: row.awaitingEntry,
  };
}

/** The language the person chose (null: their organisation's). */
export async function setPersonLanguage(
  db: Executor,
  orgId: string,
  personId: string,
  language: Language | null,
): Promise<void> {
  await db
    .update(people)
    .set({ language })
    .where(and(eq(people.orgId, orgId), eq(people.id, personId)));
}

/** The person has now been used in their organisation: the directory may say they have a sign-in. */
export async function markPersonEntered(db: Executor, personId: string): Promise<void> {
  await db
    .update(people)
    .set({ awaitingEntry: false })
    .where(and(eq(people.id, personId), eq(people.awaitingEntry, true)));
}

/**
 * The organisations this sign-in holds an active person in that the session may answer for,
 * earliest linked first.
 */
export function listOrganisationsOfUser(db: Executor, userId: string, sessionId: string | null = null) {
  return db
    .select({ orgId: organisations.id, name: organisations.name, personId: people.id })
    .from(people)
    .innerJoin(organisations, eq(organisations.id, people.orgId))
    .where(and(eq(people.userId, userId), eq(people.active, true), sessionMayAnswer(sessionId)))
    .orderBy(...preferenceOrder(null));
}

/**
 * Records the session's choice of organisation. False when the session is gone from the database
 * (revoked while its cookie copy still lives): nothing is written then.
 */
export async function chooseOrganisationForSession(
  db: Executor,
  sessionId: string,
  orgId: string,
  now: Date,
): Promise<boolean> {
  const rows = await db
    .insert(sessionOrganisations)
    .select(
      db
        .select({
          sessionId: session.id,
          orgId: sql<string>`${orgId}::uuid`.as("org_id"),
          chosenAt: sql<Date>`${now.toISOString()}::timestamptz`.as("chosen_at"),
        })
        .from(session)
        .where(eq(session.id, sessionId)),
    )
    .onConflictDoUpdate({
      target: sessionOrganisations.sessionId,
      set: { orgId, chosenAt: now },
    })
    .returning({ sessionId: sessionOrganisations.sessionId });
  return rows.length > 0;
}

/** The person a sign-in answers for without a choice: the earliest-linked active one. */
export async function findDefaultPersonOfUser(db: Executor, userId: string) {
  const [row] = await db
    .select({ orgId: people.orgId, name: people.name, email: people.email })
    .from(people)
    .where(and(eq(people.userId, userId), eq(people.active, true)))
    .orderBy(...preferenceOrder(null))
    .limit(1);
  return row;
}
