// Sign-in identities for people: everyone the organisation adds (by import or by hand) can set a
// password through an e-mailed link. The Better Auth user is created on their first request, so
// people who never sign in hold no credentials at all. Called from Better Auth's hooks (auth.ts).
import { randomUUID } from "node:crypto";
import {
  type Database,
  findActivePersonOfUser,
  findUserIdByEmail,
  insertUser,
  linkPersonToUser,
  listPeopleWithoutSignIn,
  userHasPassword,
} from "@fivefold/db";
import { enqueueMail } from "../../mail/outbox";
import { passwordMail } from "../../mail/templates";

/**
 * Makes sure a Better Auth user exists for the active person with this e-mail, so a password can
 * be set. Does nothing when the address is unknown, or ambiguous (the same address in two
 * organisations without a sign-in): the answer to the requester is the same either way.
 */
export async function ensureSignInIdentity(db: Database, email: string): Promise<void> {
  const address = email.trim().toLowerCase();
  const existing = await findUserIdByEmail(db, address);
  const candidates = await listPeopleWithoutSignIn(db, address);
  if (candidates.length !== 1) return;
  const [person] = candidates;
  if (!person) return;
  await db.transaction(async (tx) => {
    let userId = existing;
    if (!userId) {
      userId = randomUUID();
      await insertUser(tx, { id: userId, name: person.name, email: address });
    }
    await linkPersonToUser(tx, person.id, userId);
  });
}

/** Writes the "set your password" (or "reset your password") mail for a user to the outbox. */
export async function sendPasswordLink(
  db: Database,
  input: { userId: string; token: string; appUrl: string },
) {
  const person = await findActivePersonOfUser(db, input.userId);
  if (!person) return;
  const hasPassword = await userHasPassword(db, input.userId);
  await enqueueMail(db, {
    orgId: person.orgId,
    template: "password",
    to: person.email,
    meta: { link: `/reset-password?token=${input.token}` },
    ...passwordMail({
      name: person.name,
      firstTime: !hasPassword,
      link: `${input.appUrl}/reset-password?token=${encodeURIComponent(input.token)}`,
    }),
  });
}
