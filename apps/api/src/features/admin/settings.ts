// Organisation settings (admins). The anonymity threshold is copied onto a request when it opens,
// so a change applies to requests opened afterwards; open requests keep theirs.
import { type Executor, schema } from "@fivefold/db";
import {
  applySettingsUpdate,
  NotFoundError,
  type OrganisationSettings,
  type SettingsUpdate,
} from "@fivefold/domain";
import { eq } from "drizzle-orm";
import type { MemberContext } from "../../trpc/context";
import { audit } from "../audit/record";

const columns = {
  anonymityThreshold: schema.organisations.anonymityThreshold,
  commentThreshold: schema.organisations.commentThreshold,
  showManagerApart: schema.organisations.showManagerApart,
  adminsReadReports: schema.organisations.adminsReadReports,
  reminderDays: schema.organisations.reminderDays,
  externalRaterDomains: schema.organisations.externalRaterDomains,
  historyWindowDays: schema.organisations.historyWindowDays,
};

async function load(db: Executor, orgId: string, lock = false): Promise<OrganisationSettings> {
  const query = db.select(columns).from(schema.organisations).where(eq(schema.organisations.id, orgId));
  const [row] = await (lock ? query.for("update") : query);
  if (!row) throw new NotFoundError("Organisation");
  return row;
}

export async function getSettings(ctx: MemberContext) {
  return {
    ...(await load(ctx.db, ctx.org.id)),
    emailDelivery: ctx.mailboxEnabled ? "mailbox" : "smtp",
  } as const;
}

export async function updateSettings(ctx: MemberContext, update: SettingsUpdate) {
  return ctx.db.transaction(async (tx) => {
    const current = await load(tx, ctx.org.id, true);
    const { next, changes } = applySettingsUpdate(current, update);
    if (changes.length > 0) {
      await tx.update(schema.organisations).set(next).where(eq(schema.organisations.id, ctx.org.id));
      await audit(tx, ctx, "settings.update", { type: "organisation", id: ctx.org.id }, { changes });
    }
    return { ...next, emailDelivery: ctx.mailboxEnabled ? "mailbox" : "smtp" } as const;
  });
}
