// The accountability circle: 3–5 supporting partners plus one accountability lead, the support
// team size the seed article recommends for taking risks.
import { z } from "zod";
import { ConflictError, PreconditionFailedError } from "../errors";
import { forPeople } from "../i18n/for-people";

export const CIRCLE = { minPartners: 3, maxPartners: 5 } as const;

export const PARTNER_ROLES = ["partner", "lead"] as const;
export type PartnerRole = (typeof PARTNER_ROLES)[number];
export const partnerRoleSchema = z.enum(PARTNER_ROLES);

export const PARTNERSHIP_STATES = ["invited", "accepted", "declined"] as const;
export type PartnershipState = (typeof PARTNERSHIP_STATES)[number];
export const partnershipStateSchema = z.enum(PARTNERSHIP_STATES);

export interface Partnership {
  readonly role: PartnerRole;
  readonly state: PartnershipState;
}

export interface CircleStatus {
  partners: number;
  leads: number;
}

export function circleStatus(partnerships: readonly Partnership[]): CircleStatus {
  const accepted = partnerships.filter((partnership) => partnership.state === "accepted");
  return {
    partners: accepted.filter((partnership) => partnership.role === "partner").length,
    leads: accepted.filter((partnership) => partnership.role === "lead").length,
  };
}

/** Who was asked and has not said no: accepted, or still to answer. */
export function circleAsked(partnerships: readonly Partnership[]): CircleStatus {
  const live = partnerships.filter((partnership) => partnership.state !== "declined");
  return {
    partners: live.filter((partnership) => partnership.role === "partner").length,
    leads: live.filter((partnership) => partnership.role === "lead").length,
  };
}

/**
 * Publishing needs the circle asked, not answered: 3–5 partners and exactly one lead who accepted
 * or are still to answer (the circle fills as they accept). Throws PreconditionFailedError otherwise.
 */
export function checkCircleAsked(partnerships: readonly Partnership[]): CircleStatus {
  const asked = circleAsked(partnerships);
  const problems: string[] = [];
  if (asked.partners < CIRCLE.minPartners) {
    problems.push(
      forPeople(
        `invite at least ${CIRCLE.minPartners} partners (${asked.partners} invited or accepted so far)`,
      ),
    );
  }
  if (asked.partners > CIRCLE.maxPartners) {
    problems.push(forPeople(`it can have at most ${CIRCLE.maxPartners} partners and has ${asked.partners}`));
  }
  if (asked.leads === 0) problems.push(forPeople("invite an accountability lead"));
  if (asked.leads > 1)
    problems.push(forPeople(`it needs exactly one accountability lead and has ${asked.leads}`));
  if (problems.length > 0) {
    throw new PreconditionFailedError(`The support circle is not ready: ${problems.join("; ")}.`);
  }
  return asked;
}

/** Whether one more invitation in `role` would still fit the circle (declined ones do not count). */
export function canInvite(partnerships: readonly Partnership[], role: PartnerRole): boolean {
  const live = partnerships.filter(
    (partnership) => partnership.state !== "declined" && partnership.role === role,
  );
  return live.length < (role === "lead" ? 1 : CIRCLE.maxPartners);
}

/**
 * A partner steps down only from a circle they joined: an open invitation is declined instead, and a
 * declined one is already over. (The owner may remove anyone from their circle while the plan runs.)
 */
export function assertCanLeave(state: PartnershipState): void {
  if (state === "invited") {
    throw new PreconditionFailedError("You have not joined this circle yet: decline the invitation instead");
  }
  if (state === "declined") throw new ConflictError("You already declined this invitation");
}
