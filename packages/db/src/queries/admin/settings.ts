// The organisation's settings row: read (locked for an update) and written.
import { eq } from "drizzle-orm";
import type { Executor } from "../../client";
import { organisations } from "../../schema";

const columns = {
  anonymityThreshold: organisations.anonymityThreshold,
  commentThreshold: organisations.commentThreshold,
  showManagerApart: organisations.showManagerApart,
  adminsReadReports: organisations.adminsReadReports,
  reminderDays: organisations.reminderDays,
  externalRaterDomains: organisations.externalRaterDomains,
  historyWindowDays: organisations.historyWindowDays,
  reportMode: organisations.reportMode,
  language: organisations.language,
};

export type OrganisationSettingsRow = {
  [K in Exclude<keyof typeof columns, "reportMode" | "language">]: (typeof organisations.$inferSelect)[K];
} & { reportMode: "scores" | "behaviours"; language: "en" | "de" };

export async function findOrganisationSettings(
  db: Executor,
  orgId: string,
  options: { lock?: boolean } = {},
): Promise<OrganisationSettingsRow | undefined> {
  const query = db.select(columns).from(organisations).where(eq(organisations.id, orgId));
  const [row] = await (options.lock ? query.for("update") : query);
  // The columns' check constraints allow these values only.
  return row as OrganisationSettingsRow | undefined;
}

export async function saveOrganisationSettings(
  db: Executor,
  orgId: string,
  settings: OrganisationSettingsRow,
): Promise<void> {
  await db.update(organisations).set(settings).where(eq(organisations.id, orgId));
}

/** The name and the report-reading setting, for an export's header. */
export async function findOrganisationForExport(db: Executor, orgId: string) {
  const [org] = await db
    .select({ name: organisations.name, adminsReadReports: organisations.adminsReadReports })
    .from(organisations)
    .where(eq(organisations.id, orgId));
  return org;
}
