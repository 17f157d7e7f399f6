// My profile: who I am and whether I may be suggested as an accountability partner.
import { findPartnerPreference, savePartnerPreference } from "@fivefold/db";
import { isDimensionKey, type PartnerOptIn } from "@fivefold/domain";
import type { MemberContext } from "../../trpc/context";

export async function getProfile(ctx: MemberContext) {
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

export async function setPartnerOptIn(ctx: MemberContext, input: PartnerOptIn) {
  await savePartnerPreference(ctx.db, ctx.org.id, ctx.person.id, input);
  return { optIn: input.optIn, dimensions: input.dimensions };
}
