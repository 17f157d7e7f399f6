// Sign-in identities for people: everyone an organisation adds (by import or by hand) can set a
// password through an e-mailed link. One sign-in per address (Better Auth's model), created on the
// first request, so people who never sign in hold no credentials at all; the same address may be a
// person in several organisations, each linked to that one sign-in. Called from Better Auth's hooks
// (auth.ts). Nothing here fails or answers differently because of another organisation's people.
import { randomUUID } from "node:crypto";
import {
  type Database,
  ensureUserOfAddress,
  findDefaultPersonOfUser,
  findUserIdByEmail,
  linkUnlinkedPeopleOfAddress,
  listUnlinkedPeopleOfAddress,
  userHasPassword,
} from "@fivefold/db";
import { mailLanguageOf } from "../../mail/i18n";
import { enqueueMail } from "../../mail/outbox";
import { passwordMail } from "../../mail/templates";

export function normaliseAddress(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Before a password link is sent: makes sure the address has a sign-in when an active person has
 * it, and links every active person with the address that has none yet, in every organisation.
 * Does nothing for an unknown address: the requester's answer is the same either way.
 */
export async function ensureSignInIdentity(db: Database, email: string, now = new Date()): Promise<void> {
  const address = normaliseAddress(email);
  await db.transaction(async (tx) => {
    let userId = await findUserIdByEmail(tx, address);
    if (!userId) {
      const [person] = await listUnlinkedPeopleOfAddress(tx, address);
      if (!person) return;
      userId = await ensureUserOfAddress(tx, { id: randomUUID(), name: person.name, email: address });
    }
    await linkUnlinkedPeopleOfAddress(tx, address, userId, now);
  });
}

/** After a sign-in: the persons added with this address since (in any organisation) join it. */
export async function linkNewPeopleOfSignIn(
  db: Database,
  signIn: { userId: string; email: string },
  now = new Date(),
): Promise<void> {
  await linkUnlinkedPeopleOfAddress(db, normaliseAddress(signIn.email), signIn.userId, now);
}

/**
 * Writes the "set your password" (or "reset your password") mail for a user to the outbox: one
 * mail to the address, greeting the person of the earliest-linked organisation and naming none.
 */
export async function sendPasswordLink(
  db: Database,
  input: { userId: string; token: string; appUrl: string },
) {
  const person = await findDefaultPersonOfUser(db, input.userId);
  if (!person) return;
  const hasPassword = await userHasPassword(db, input.userId);
  const language = await mailLanguageOf(db, person.orgId, person.email);
  await enqueueMail(db, {
    orgId: person.orgId,
    template: "password",
    to: person.email,
    meta: { link: `/reset-password?token=${input.token}` },
    ...passwordMail({
      language,
      name: person.name,
      firstTime: !hasPassword,
      link: `${input.appUrl}/reset-password?token=${encodeURIComponent(input.token)}`,
    }),
  });
}
