// Organisation settings (admins). The anonymity threshold is copied onto a request when it opens,
// so a change applies to requests opened afterwards; open requests keep theirs.
import { findOrganisationSettings, saveOrganisationSettings } from "@fivefold/db";
import {
  applySettingsUpdate,
  NotFoundError,
  type OrganisationSettings,
  type SettingsUpdate,
} from "@fivefold/domain";
import { auditAs } from "../audit/record";
import { type MemberServiceContext, type ServiceContext, withTransaction } from "../context";

async function load(ctx: MemberServiceContext, lock = false): Promise<OrganisationSettings> {
  const row = await findOrganisationSettings(ctx.db, ctx.org.id, { lock });
  if (!row) throw new NotFoundError("Organisation");
  return row;
}

const delivery = (ctx: ServiceContext) => (ctx.mailboxEnabled ? "mailbox" : "smtp") as "mailbox" | "smtp";

export async function getSettings({ ctx }: { ctx: MemberServiceContext }) {
  return { ...(await load(ctx)), emailDelivery: delivery(ctx) };
}

export function updateSettings({ ctx, input }: { ctx: MemberServiceContext; input: SettingsUpdate }) {
  return withTransaction(ctx, async (ctx) => {
    const current = await load(ctx, true);
    const { next, changes } = applySettingsUpdate(current, input);
    if (changes.length > 0) {
      await saveOrganisationSettings(ctx.db, ctx.org.id, next);
      await auditAs(ctx, "settings.update", { type: "organisation", id: ctx.org.id }, { changes });
    }
    return { ...next, emailDelivery: delivery(ctx) };
  });
}
