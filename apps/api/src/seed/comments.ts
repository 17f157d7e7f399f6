// Comments peers write in the demo, per dimension, in two tones: seen often, and room to grow. They
// speak as members of the team, so the demo gives them to anonymous raters only. Each pool repeats
// a phrase or two ("clear goals", "bold decisions") so released reports show themes (issue 19).
import type { DimensionKey } from "@fivefold/domain";

const COMMENTS: Record<DimensionKey, { strong: string[]; grow: string[] }> = {
  inspire: {
    strong: [
      "Before big decisions they ask each of us what we think, and the shared goals feel like ours.",
      "People want to join their projects because the shared goals are clear and worth it.",
      "Genuinely interested in how we are doing; honest conversations matter more to them than numbers.",
      "Honest conversations every week, and a real sense of shared goals.",
      "Rallies the team around shared goals without ever raising their voice.",
      "Their honest conversations about setbacks keep the team together.",
    ],
    grow: [
      "Decisions often arrive finished; I would like to give early input, not be told after.",
      "A short conversation before large projects would give us early input and a part in them.",
      "The energy in team meetings drops when plans are just handed out.",
      "More early input from the people doing the work would make the plans feel shared.",
      "Team meetings sometimes feel like announcements.",
      "Asking for early input before the kick-off would build commitment.",
    ],
  },
  vision: {
    strong: [
      "I always know where we are heading: clear goals, and why my work matters to them.",
      "Shares clear goals early and lets the team shape how we get there.",
      "Checks in to help, never to look over our shoulders, and the clear goals make that easy.",
      "Clear goals every quarter, written down where everyone can see them.",
      "We get clear goals and the reasons behind them.",
      "Their clear roadmap keeps the whole team pointed the same way.",
    ],
    grow: [
      "I would love to help set the quarter's goals rather than hear them at the kick-off.",
      "The long-term direction is not always clear to the people doing the work.",
      "Check-ins can feel like status reports; more support and less tracking would help.",
      "A word on the long-term direction in our planning would help us choose.",
      "I am not sure how this quarter connects to the long-term direction.",
      "Sharing the long-term direction more often would make our priorities easier.",
    ],
  },
  empower: {
    strong: [
      "Gives me creative freedom to solve problems my own way and backs my judgement.",
      "Treats each of us as the expert in our area, with real creative freedom.",
      "Asks for help even when they could do it alone, which makes us feel trusted.",
      "Creative freedom and trust: I decide how, we agree on what.",
      "The creative freedom on this team is the reason I stay.",
      "Backs our judgement in front of others.",
    ],
    grow: [
      "When someone offers to help, the task tends to come back with detailed instructions attached.",
      "I would like more freedom in how I reach the outcome we agreed on.",
      "Tends to step in on small details we could handle ourselves.",
      "Letting go of small details would speed us up.",
      "Reviews small details that the team has already checked.",
      "More freedom to choose our own tools would show trust.",
    ],
  },
  dream: {
    strong: [
      "Keeps pointing us at the bigger picture, even in busy weeks.",
      "Brings in ideas from experienced people outside the team and it raises our ambition.",
      "Not afraid to set goals beyond what worked last year; the bigger picture is always there.",
      "Talks about the bigger picture in every planning session.",
      "Connects our daily work to the bigger picture.",
      "Raises our ambition with bold goals for the years ahead.",
    ],
    grow: [
      "Most of our goals repeat last year's; I think we could aim higher.",
      "The day-to-day crowds out talk about our long-term ambition.",
      "Sharing the long-term ambition more often would help us stretch.",
      "I rarely hear the long-term ambition behind our plans.",
      "A clearer long-term ambition would help us say no to busywork.",
      "Short-term targets win over the long-term ambition most weeks.",
    ],
  },
  risk: {
    strong: [
      "Makes bold decisions when things are uncertain and commits to them fully.",
      "Says openly what they plan to try, so we can help and hold them to it.",
      "Takes bold decisions but explains the reasoning, so it never feels reckless.",
      "Bold decisions, well reasoned, and owned when they go wrong.",
      "Their bold decisions opened the new market for us.",
      "Commits to a course and sticks to it.",
    ],
    grow: [
      "We sometimes wait for certainty that never comes; earlier decisions would help.",
      "The safe option wins most debates, even when the upside elsewhere is large.",
      "It would help to hear the intention before a bold move, not after.",
      "Earlier decisions on the risky projects would save us weeks.",
      "Earlier decisions, even imperfect ones, would keep our momentum.",
      "The policy is followed even where it no longer fits.",
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
