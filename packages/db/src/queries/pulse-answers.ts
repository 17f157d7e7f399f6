// A pulse's raters and sealed answers: invitations written when it opens, found by the member or
// by the hash of a link's token, claimed by exactly one answer; envelopes taken once at release.
import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Executor } from "../client";
import { people, pulseEnvelopes, pulseInvitations, pulses } from "../schema";

export type PulseInvitationRow = typeof pulseInvitations.$inferSelect;

export async function insertPulseInvitation(db: Executor, values: typeof pulseInvitations.$inferInsert) {
  const [row] = await db
    .insert(pulseInvitations)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: pulseInvitations.id });
  return row?.id ?? null;
}

/** The invitation behind a link, with its pulse (no organisation: the token is the key). */
export async function findPulseInvitationByToken(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ invitation: pulseInvitations, pulse: pulses })
    .from(pulseInvitations)
    .innerJoin(pulses, and(eq(pulses.id, pulseInvitations.pulseId), eq(pulses.orgId, pulseInvitations.orgId)))
    .where(eq(pulseInvitations.tokenHash, tokenHash));
  return row ?? null;
}

/** The member's own invitation to a pulse, with the pulse. */
export async function findOwnPulseInvitation(db: Executor, orgId: string, pulseId: string, personId: string) {
  const [row] = await db
    .select({ invitation: pulseInvitations, pulse: pulses })
    .from(pulseInvitations)
    .innerJoin(pulses, and(eq(pulses.id, pulseInvitations.pulseId), eq(pulses.orgId, pulseInvitations.orgId)))
    .where(
      and(
        eq(pulseInvitations.orgId, orgId),
        eq(pulseInvitations.pulseId, pulseId),
        eq(pulseInvitations.personId, personId),
      ),
    );
  return row ?? null;
}

/**
 * Marks the invitation answered, restamping every invitation of the pulse in the same statement
 * (answers take turns under the pulse's row lock), so no row's transaction id tells which
 * invitation was answered together with which envelope; then seals the answer. True when this
 * call claimed it.
 */
export async function claimPulseAnswer(
  db: Executor,
  input: { orgId: string; pulseId: string; invitationId: string; ciphertext: Buffer },
): Promise<boolean> {
  const [claimed] = await db
    .select({ id: pulseInvitations.id })
    .from(pulseInvitations)
    .where(
      and(
        eq(pulseInvitations.orgId, input.orgId),
        eq(pulseInvitations.id, input.invitationId),
        eq(pulseInvitations.state, "pending"),
      ),
    );
  if (!claimed) return false;
  await db
    .update(pulseInvitations)
    .set({
      state: sql`case when ${pulseInvitations.id} = ${input.invitationId} then 'submitted'::invitation_state else ${pulseInvitations.state} end`,
    })
    .where(and(eq(pulseInvitations.orgId, input.orgId), eq(pulseInvitations.pulseId, input.pulseId)));
  await db
    .insert(pulseEnvelopes)
    .values({ id: randomUUID(), orgId: input.orgId, pulseId: input.pulseId, ciphertext: input.ciphertext });
  return true;
}

/** Deletes and returns the pulse's envelopes, in no order that means anything. */
export async function takePulseEnvelopes(db: Executor, orgId: string, pulseId: string): Promise<Buffer[]> {
  const rows = await db
    .delete(pulseEnvelopes)
    .where(and(eq(pulseEnvelopes.orgId, orgId), eq(pulseEnvelopes.pulseId, pulseId)))
    .returning({ ciphertext: pulseEnvelopes.ciphertext });
  return rows.map((row) => row.ciphertext);
}

/** Who answered these pulses (invitation facts only, for rule 10 among pulses), per pulse. */
export async function listPulseAnswerers(db: Executor, orgId: string, pulseIds: readonly string[]) {
  if (pulseIds.length === 0) return [];
  return db
    .select({
      pulseId: pulseInvitations.pulseId,
      personId: pulseInvitations.personId,
      email: pulseInvitations.email,
    })
    .from(pulseInvitations)
    .where(
      and(
        eq(pulseInvitations.orgId, orgId),
        inArray(pulseInvitations.pulseId, [...pulseIds]),
        eq(pulseInvitations.state, "submitted"),
      ),
    );
}

/** The member's invitations to pulses that collect, with the subject's name. */
export function listOwnOpenPulses(db: Executor, orgId: string, personId: string) {
  return db
    .select({
      pulseId: pulses.id,
      subjectName: people.name,
      deadline: pulses.deadline,
      state: pulseInvitations.state,
    })
    .from(pulseInvitations)
    .innerJoin(pulses, and(eq(pulses.id, pulseInvitations.pulseId), eq(pulses.orgId, pulseInvitations.orgId)))
    .innerJoin(people, and(eq(people.id, pulses.subjectId), eq(people.orgId, pulses.orgId)))
    .where(
      and(
        eq(pulseInvitations.orgId, orgId),
        eq(pulseInvitations.personId, personId),
        eq(pulses.state, "open"),
      ),
    );
}
