// Test-only: a released report through the real procedures, and a plan with a ready circle.
import { shiftDays } from "@fivefold/domain";
import { expect } from "vitest";
import type { SeededOrganisation } from "../seed/organisation";
import { fullAnswers } from "./answers";
import type { Harness } from "./harness";

export function personId(org: SeededOrganisation, key: string): string {
  const person = org.people[key];
  if (!person) throw new Error(`no ${key}`);
  return person.personId;
}

/** The manager asks for feedback on `subject`; the raters and the subject answer; the manager closes. */
export async function releaseReport(
  h: Harness,
  org: SeededOrganisation,
  subject: string,
  raters: Array<{ key: string; group: "peer" | "manager" | "direct_report" }>,
  score: (raterIndex: number, itemId: string) => number,
): Promise<string> {
  const manager = h.as(org, "manager");
  const { id: requestId } = await manager.requests.create({
    subjectId: personId(org, subject),
    deadline: shiftDays(new Date(), 7).toISOString(),
    raters: raters.map((r) => ({ personId: personId(org, r.key), group: r.group })),
  });
  const answering = [...raters.map((r) => r.key), subject];
  for (const [index, key] of answering.entries()) {
    const caller = h.as(org, key);
    const invitation = (await caller.inbox.list()).find((i) => i.requestId === requestId);
    if (!invitation) throw new Error(`${key} was not invited`);
    await caller.responses.submit({
      invitationId: invitation.invitationId,
      answers: fullAnswers((itemId) => (key === subject ? 5 : score(index, itemId))),
    });
  }
  expect(await manager.requests.close({ requestId })).toEqual({ state: "released" });
  return requestId;
}

/** A plan whose circle (three partners and a lead) has accepted, optionally published. */
export async function planWithCircle(
  h: Harness,
  org: SeededOrganisation,
  input: { requestId: string; owner: string; partners: string[]; lead: string; publish?: boolean },
): Promise<string> {
  const owner = h.as(org, input.owner);
  const { id: planId } = await owner.plans.create({ requestId: input.requestId });
  const invites = [
    ...input.partners.map((key) => ({ key, role: "partner" as const })),
    { key: input.lead, role: "lead" as const },
  ];
  for (const invite of invites) {
    const { partnershipId } = await owner.plans.invitePartner({
      planId,
      personId: personId(org, invite.key),
      role: invite.role,
    });
    await h.as(org, invite.key).partners.respond({ partnershipId, accept: true });
  }
  if (input.publish) await owner.plans.publish({ planId });
  return planId;
}
