// The language a person reads Fivefold in: their own choice, else their organisation's default
// (admins set it in the settings). Before sign-in the web follows the browser.
import { setPersonLanguage } from "@fivefold/db";
import { type Language, type MeOutput, resolveLanguage } from "@fivefold/domain";
import type { MemberServiceContext } from "../context";

type Member = Pick<MemberServiceContext, "person" | "org" | "roles">;

/** me.get: who the caller is, and the language they read in. */
export function describeMe(member: Member): MeOutput {
  return {
    person: member.person,
    org: member.org,
    roles: [...member.roles],
    language: resolveLanguage({ person: member.person.language, organisation: member.org.language }),
  };
}

/** me.setLanguage: this person reads (and is mailed) in `language`; null follows the organisation. */
export async function setMyLanguage({
  ctx,
  input,
}: {
  ctx: MemberServiceContext;
  input: { language: Language | null };
}): Promise<MeOutput> {
  await setPersonLanguage(ctx.db, ctx.org.id, ctx.person.id, input.language);
  return describeMe({ ...ctx, person: { ...ctx.person, language: input.language } });
}
