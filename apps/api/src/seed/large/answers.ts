// Answers that look like real ones: every person has a true level per dimension (and per behaviour
// a little above or below it), grows a little from one cycle to the next, and sees themself with a
// bias (blind spots, hidden strengths, or about right); every rater is a little lenient or strict;
// scores scatter around the truth, and about one answer in twenty is "not observed".
import type { DimensionComment, DimensionKey, Instrument, RaterGroup, Score } from "@fivefold/domain";
import { demoComment } from "../comments";
import { createRandom, type Random } from "./random";

const NOT_OBSERVED = 0.05;

export interface SubjectProfile {
  /** True level per dimension, in instrument order. */
  level: number[];
  /** Per behaviour, in instrument order: how far it sits from its dimension's level. */
  itemOffset: number[];
  /** Added per dimension with each later cycle. */
  growth: number[];
  /** How much higher (or lower) the person rates themself than others see them. */
  selfBias: number;
}

interface ItemRef {
  id: string;
  dimension: number;
}

export interface AnswerModel {
  profile(person: number): SubjectProfile;
  /** A rater's lean, the same in every request they answer. */
  leniency(person: number): number;
  answers(input: {
    subject: number;
    rater: number;
    group: RaterGroup;
    cycleStep: number;
    random: Random;
  }): Record<string, Score | null>;
  comments(input: {
    subject: number;
    group: RaterGroup;
    random: Random;
    used: Set<string>;
  }): DimensionComment[];
}

const SELF_COMMENTS = {
  strong: [
    "I feel confident here, and people tell me it helps them.",
    "This comes naturally to me and I try to make time for it every week.",
  ],
  grow: [
    "I know this slips when I am busy; I want to get better at it.",
    "I would like to do more of this and am not sure where to start.",
  ],
};

const MANAGER_COMMENTS = {
  strong: [
    "This is where I see you at your best; keep sharing how you do it with the team.",
    "A clear strength: others on the team learn from how you approach it.",
  ],
  grow: [
    "Something I would like us to work on together this half-year.",
    "I have seen progress here, and there is room for more; let us pick one habit to practise.",
  ],
};

const clampScore = (x: number): Score => Math.min(5, Math.max(1, Math.round(x))) as Score;

export function createAnswerModel(seed: number, instrument: Instrument): AnswerModel {
  const items: ItemRef[] = instrument.dimensions.flatMap((d, dimension) =>
    d.items.map((item) => ({ id: item.id, dimension })),
  );
  const dimensionKeys = instrument.dimensions.map((d) => d.key as DimensionKey);
  const profiles = new Map<number, SubjectProfile>();
  const leniencies = new Map<number, number>();

  function profile(person: number): SubjectProfile {
    const cached = profiles.get(person);
    if (cached) return cached;
    const random = createRandom(seed, `profile:${person}`);
    const base = random.normal(3.3, 0.45);
    const kind = random.next();
    const made: SubjectProfile = {
      level: dimensionKeys.map(() => Math.min(4.7, Math.max(1.6, base + random.normal(0, 0.45)))),
      itemOffset: items.map(() => random.normal(0, 0.25)),
      growth: dimensionKeys.map(() => Math.max(-0.1, random.normal(0.15, 0.15))),
      // A third see themselves higher than others do, a fifth lower, the rest about right.
      selfBias:
        kind < 0.33
          ? random.normal(0.9, 0.25)
          : kind < 0.53
            ? random.normal(-0.8, 0.25)
            : random.normal(0.1, 0.2),
    };
    profiles.set(person, made);
    return made;
  }

  function leniency(person: number): number {
    const cached = leniencies.get(person);
    if (cached !== undefined) return cached;
    const made = createRandom(seed, `leniency:${person}`).normal(0, 0.3);
    leniencies.set(person, made);
    return made;
  }

  return {
    profile,
    leniency,
    answers({ subject, rater, group, cycleStep, random }) {
      const p = profile(subject);
      const lean = group === "self" ? p.selfBias : leniency(rater) + (group === "manager" ? -0.15 : 0);
      const spread = group === "self" ? 0.4 : 0.6;
      const answers: Record<string, Score | null> = {};
      items.forEach((item, position) => {
        if (group !== "self" && random.chance(NOT_OBSERVED)) {
          answers[item.id] = null;
          return;
        }
        const truth =
          (p.level[item.dimension] ?? 3) +
          (p.itemOffset[position] ?? 0) +
          cycleStep * (p.growth[item.dimension] ?? 0);
        answers[item.id] = clampScore(random.normal(truth + lean, spread));
      });
      return answers;
    },
    comments({ subject, group, random, used }) {
      const p = profile(subject);
      const chance = group === "self" ? 0.06 : group === "manager" ? 0.12 : 0.08;
      const comments: DimensionComment[] = [];
      dimensionKeys.forEach((dimension, d) => {
        if (!random.chance(chance)) return;
        const strong = (p.level[d] ?? 3) >= 3.4;
        const text =
          group === "self"
            ? random.pick(SELF_COMMENTS[strong ? "strong" : "grow"])
            : group === "manager"
              ? random.pick(MANAGER_COMMENTS[strong ? "strong" : "grow"])
              : demoComment(dimension, strong, random.next, used);
        if (text) comments.push({ dimension, text });
      });
      return comments;
    },
  };
}
