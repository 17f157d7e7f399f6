// My profile: who I am and whether I may be suggested as an accountability partner.
import { findPartnerPreference, savePartnerPreference } from "@fivefold/db";
import { isDimensionKey, type PartnerOptIn } from "@fivefold/domain";
import { withTransaction } from "../context";
import type { MemberCall } from "./call";

export async function getProfile({ ctx }: Pick<MemberCall, "ctx">) {
  const preference = await findPartnerPreference(ctx.db, ctx.org.id, ctx.person.id);
  return {
    person: ctx.person,
    org: { id: ctx.org.id, name: ctx.org.name },
    roles: [...ctx.roles],
    partnerOptIn: {
      optIn: preference?.optIn ?? false,
      dimensions: (preference?.dimensions ?? []).filter(isDimensionKey),
    },
  };
}

export async function setPartnerOptIn({ ctx, input }: MemberCall<PartnerOptIn>) {
  return withTransaction(ctx, async (ctx) => {
    await savePartnerPreference(ctx.db, ctx.org.id, ctx.person.id, input);
    return { optIn: input.optIn, dimensions: input.dimensions };
  });
}
