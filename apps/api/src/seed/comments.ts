// Comments peers write in the demo, per dimension, in two tones: seen often, and room to grow. They
// speak as members of the team, so the demo gives them to anonymous raters only.
import type { DimensionKey } from "@fivefold/domain";

const COMMENTS: Record<DimensionKey, { strong: string[]; grow: string[] }> = {
  inspire: {
    strong: [
      "Before big decisions they ask each of us what we think, and it shows in how committed the team is.",
      "People want to work on their projects because they make the goal feel like ours.",
      "Genuinely interested in how we are doing, not just in the numbers.",
    ],
    grow: [
      "Decisions often arrive finished; I would like to be asked before, not told after.",
      "A quick one-to-one before large projects would help us feel part of them.",
      "Sometimes the energy in meetings drops when plans are just handed out.",
    ],
  },
  vision: {
    strong: [
      "I always know where we are heading this quarter and why my work matters to it.",
      "Shares the goals early and lets the team shape how we get there.",
      "Checks in to help, never to look over our shoulders.",
    ],
    grow: [
      "I would love to be part of setting the quarter's goals rather than hearing them at the kick-off.",
      "The long-term direction is not always clear to the people doing the work.",
      "Check-ins can feel like status reports; more support and less tracking would help.",
    ],
  },
  empower: {
    strong: [
      "Gives me room to solve problems my own way and backs my judgement.",
      "Treats each of us as the expert in our area.",
      "Asks for help even when they could do it alone, which makes us feel trusted.",
    ],
    grow: [
      "When someone offers to help, the task tends to come back with instructions attached.",
      "I would like more freedom in how I reach the outcome we agreed on.",
      "Tends to step in on details we could handle ourselves.",
    ],
  },
  dream: {
    strong: [
      "Keeps pointing us at the bigger picture, even in busy weeks.",
      "Brings in ideas from experienced people outside the team and it raises our ambition.",
      "Not afraid to set goals beyond what worked last year.",
    ],
    grow: [
      "Most of our goals repeat last year's; I think we could aim higher.",
      "The day-to-day tends to crowd out talk about where we want to be in a year.",
      "Sharing the longer-term ambition more often would help us stretch.",
    ],
  },
  risk: {
    strong: [
      "Makes a call when things are uncertain and commits to it fully.",
      "Says openly what they plan to try, so we can help and hold them to it.",
      "Takes bold bets but explains the reasoning, so it never feels reckless.",
    ],
    grow: [
      "We sometimes wait for certainty that never comes; an earlier decision would help.",
      "The safe option wins most debates, even when the upside elsewhere is large.",
      "It would help to hear the intention before a bold move, not after.",
    ],
  },
};

/** A comment not yet in `used` (the same report never shows one twice), or null when all are. */
export function demoComment(
  dimension: DimensionKey,
  strong: boolean,
  next: () => number,
  used: Set<string>,
): string | null {
  const pool = COMMENTS[dimension][strong ? "strong" : "grow"].filter((text) => !used.has(text));
  const text = pool[Math.floor(next() * pool.length)] ?? null;
  if (text) used.add(text);
  return text;
}
