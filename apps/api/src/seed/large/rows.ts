// The large organisation's rows in the database: counted per table for the summary, and removed
// when a run fails.
import { type Database, schema } from "@fivefold/db";
import { count, eq, sql } from "drizzle-orm";

const TENANT_TABLES = {
  people: schema.people,
  person_roles: schema.personRoles,
  teams: schema.teams,
  team_members: schema.teamMembers,
  team_coaches: schema.teamCoaches,
  partner_preferences: schema.partnerPreferences,
  cycles: schema.cycles,
  feedback_requests: schema.feedbackRequests,
  nominations: schema.nominations,
  invitations: schema.invitations,
  sealed_responses: schema.sealedResponses,
  report_snapshots: schema.reportSnapshots,
  coaching_plans: schema.coachingPlans,
  partnerships: schema.partnerships,
  checkins: schema.checkins,
  encouragements: schema.encouragements,
  audit_log: schema.auditLog,
} as const;

/** Rows per table for the organisation, counted in the database rather than trusted from memory. */
export async function countRows(db: Database, orgId: string): Promise<Record<string, number>> {
  const tables: Record<string, number> = {};
  const [users] = await db
    .select({ n: count() })
    .from(schema.user)
    .innerJoin(schema.people, eq(schema.people.userId, schema.user.id))
    .where(eq(schema.people.orgId, orgId));
  tables.user = users?.n ?? 0;
  const [accounts] = await db
    .select({ n: count() })
    .from(schema.account)
    .innerJoin(schema.people, eq(schema.people.userId, schema.account.userId))
    .where(eq(schema.people.orgId, orgId));
  tables.account = accounts?.n ?? 0;
  for (const [label, table] of Object.entries(TENANT_TABLES)) {
    const [row] = await db.select({ n: count() }).from(table).where(eq(table.orgId, orgId));
    tables[label] = row?.n ?? 0;
  }
  return tables;
}

export async function removeOrganisation(db: Database, orgId: string, emailDomain: string): Promise<void> {
  // Every tenant row goes with the organisation (on delete cascade); sign-ins are not tenant rows.
  await db.delete(schema.organisations).where(eq(schema.organisations.id, orgId));
  await db.delete(schema.user).where(sql`${schema.user.email} like ${`%@${emailDomain}`}`);
}
