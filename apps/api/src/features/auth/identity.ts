// Sign-in identities for people: everyone the organisation adds (by import or by hand) can set a
// password through an e-mailed link. The Better Auth user is created on their first request, so
// people who never sign in hold no credentials at all.
import { randomUUID } from "node:crypto";
import { type Database, schema } from "@fivefold/db";
import { and, eq, isNull } from "drizzle-orm";
import { enqueueMail } from "../../mail/outbox";
import { passwordMail } from "../../mail/templates";

/**
 * Makes sure a Better Auth user exists for the active person with this e-mail, so a password can
 * be set. Does nothing when the address is unknown, or ambiguous (the same address in two
 * organisations without a sign-in): the answer to the requester is the same either way.
 */
export async function ensureSignInIdentity(db: Database, email: string): Promise<void> {
  const address = email.trim().toLowerCase();
  const [existing] = await db
    .select({ id: schema.user.id })
    .from(schema.user)
    .where(eq(schema.user.email, address));
  const candidates = await db
    .select({ id: schema.people.id, name: schema.people.name })
    .from(schema.people)
    .where(
      and(eq(schema.people.email, address), eq(schema.people.active, true), isNull(schema.people.userId)),
    );
  if (candidates.length !== 1) return;
  const [person] = candidates;
  if (!person) return;
  await db.transaction(async (tx) => {
    let userId = existing?.id;
    if (!userId) {
      userId = randomUUID();
      await tx
        .insert(schema.user)
        .values({ id: userId, name: person.name, email: address, emailVerified: false });
    }
    await tx
      .update(schema.people)
      .set({ userId })
      .where(and(eq(schema.people.id, person.id), isNull(schema.people.userId)));
  });
}

/** Writes the "set your password" (or "reset your password") mail for a user to the outbox. */
export async function sendPasswordLink(
  db: Database,
  input: { userId: string; token: string; appUrl: string },
) {
  const [person] = await db
    .select({ orgId: schema.people.orgId, name: schema.people.name, email: schema.people.email })
    .from(schema.people)
    .where(and(eq(schema.people.userId, input.userId), eq(schema.people.active, true)));
  if (!person) return;
  const [credential] = await db
    .select({ id: schema.account.id })
    .from(schema.account)
    .where(and(eq(schema.account.userId, input.userId), eq(schema.account.providerId, "credential")));
  await enqueueMail(db, {
    orgId: person.orgId,
    template: "password",
    to: person.email,
    meta: { link: `/reset-password?token=${input.token}` },
    ...passwordMail({
      name: person.name,
      firstTime: !credential,
      link: `${input.appUrl}/reset-password?token=${encodeURIComponent(input.token)}`,
    }),
  });
}
