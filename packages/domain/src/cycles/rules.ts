// What a cycle asks of whom: the rater rules an admin chooses when creating a cycle, with the
// defaults people expect from a 360 (self, the manager, every direct report, 3–8 peers the subject
// proposes, no outsiders) and the most requests one rater may be asked to answer.
import { z } from "zod";
import { InvalidInputError } from "../errors";

/** A request takes at most 20 anonymous raters; peers alone never need more. */
export const MAX_CYCLE_PEERS = 20;
export const MAX_RATER_CAP = 50;

export interface CycleRules {
  /** The subject rates themself. */
  self: boolean;
  /** The subject's manager rates them. */
  manager: boolean;
  /** Every direct report rates their manager, or none does. */
  directReports: "all" | "none";
  /** The subject proposes between `min` and `max` peers; the manager approves. */
  peers: { min: number; max: number };
  /** The subject may also propose others (outside the organisation, under rule 9). */
  others: boolean;
  /** The most requests of this cycle one rater may be asked to answer. */
  raterCap: number;
}

export const DEFAULT_CYCLE_RULES: Readonly<CycleRules> = Object.freeze({
  self: true,
  manager: true,
  directReports: "all",
  peers: Object.freeze({ min: 3, max: 8 }),
  others: false,
  raterCap: 6,
});

/** A whole number in a range, refused with the sentences its rule writes out whole. */
const whole = (min: number, max: number, error: { whole: string; min: string; max: string }) =>
  z
    .number({ error: error.whole })
    .int({ error: error.whole })
    .min(min, { error: error.min })
    .max(max, { error: error.max });

/** Every key optional: what is left out takes the default. Unknown keys are refused. */
export const cycleRulesSchema = z.strictObject({
  self: z.boolean({ error: 'The rule "self" is true or false' }).optional(),
  manager: z.boolean({ error: 'The rule "manager" is true or false' }).optional(),
  directReports: z.enum(["all", "none"], { error: 'The rule "directReports" is "all" or "none"' }).optional(),
  peers: z
    .strictObject({
      min: whole(0, MAX_CYCLE_PEERS, {
        whole: "The fewest peers must be a whole number",
        min: "The fewest peers is at least 0",
        max: `The fewest peers is at most ${MAX_CYCLE_PEERS}`,
      }).optional(),
      max: whole(1, MAX_CYCLE_PEERS, {
        whole: "The most peers must be a whole number",
        min: "The most peers is at least 1",
        max: `The most peers is at most ${MAX_CYCLE_PEERS}`,
      }).optional(),
    })
    .optional(),
  others: z.boolean({ error: 'The rule "others" is true or false' }).optional(),
  raterCap: whole(1, MAX_RATER_CAP, {
    whole: "The most requests per rater must be a whole number",
    min: "The most requests per rater is at least 1",
    max: `The most requests per rater is at most ${MAX_RATER_CAP}`,
  }).optional(),
});

export type CycleRulesInput = z.input<typeof cycleRulesSchema>;

/** The rules with their defaults filled in; refuses a peer range that is upside down. */
export function resolveCycleRules(input: CycleRulesInput | undefined): CycleRules {
  const rules: CycleRules = {
    self: input?.self ?? DEFAULT_CYCLE_RULES.self,
    manager: input?.manager ?? DEFAULT_CYCLE_RULES.manager,
    directReports: input?.directReports ?? DEFAULT_CYCLE_RULES.directReports,
    peers: {
      min: input?.peers?.min ?? DEFAULT_CYCLE_RULES.peers.min,
      max: input?.peers?.max ?? DEFAULT_CYCLE_RULES.peers.max,
    },
    others: input?.others ?? DEFAULT_CYCLE_RULES.others,
    raterCap: input?.raterCap ?? DEFAULT_CYCLE_RULES.raterCap,
  };
  if (rules.peers.min > rules.peers.max) {
    throw new InvalidInputError(
      `The fewest peers (${rules.peers.min}) is more than the most peers (${rules.peers.max})`,
      { "rules.peers": "Make the fewest peers at most the most peers" },
    );
  }
  return rules;
}

/**
 * Whether a subject may propose this rater for their request of a cycle: peers (others only where
 * the rules allow them), no more than the most peers, and nobody asked more often than the cap.
 */
export function checkCycleProposal(
  rules: CycleRules,
  proposal: { group: string; raterName: string; peersSoFar: number; asksOfRater: number },
): void {
  const allowed = rules.others ? ["peer", "other"] : ["peer"];
  if (!allowed.includes(proposal.group)) {
    throw new InvalidInputError(
      rules.others
        ? "In this cycle you propose peers and others; your manager and direct reports are asked already"
        : "In this cycle you propose peers; your manager and direct reports are asked already",
      { group: rules.others ? "Choose peer or other" : "Choose peer" },
    );
  }
  if (proposal.group === "peer" && proposal.peersSoFar >= rules.peers.max) {
    throw new InvalidInputError(`You can propose at most ${rules.peers.max} peers in this cycle`, {
      personId: "Remove a peer first",
    });
  }
  if (proposal.asksOfRater >= rules.raterCap) {
    throw new InvalidInputError(
      `${proposal.raterName} is already asked to rate ${proposal.asksOfRater} people in this cycle (the most is ${rules.raterCap}): propose someone else`,
      { personId: "Choose someone asked less often" },
    );
  }
}
