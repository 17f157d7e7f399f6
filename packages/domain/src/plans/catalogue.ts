// Suggested coaching actions and WOOP skeletons per dimension, written from the seed article's tips
// in our own words. Each action is concrete enough that a partner can check it was done. Ids are
// stable: plans store them, so never reuse an id for a different action.
import type { DimensionKey } from "../instrument";

export interface CatalogueAction {
  readonly id: string;
  readonly text: string;
  /** The behaviours (item ids) this action practises. */
  readonly items: readonly string[];
}

export interface WoopTemplate {
  readonly wish: string;
  readonly outcome: string;
  readonly obstacle: string;
  readonly plan: string;
}

export const ACTION_CATALOGUE: Readonly<Record<DimensionKey, readonly CatalogueAction[]>> = {
  inspire: [
    {
      id: "inspire.agree-way-forward",
      text: "Before your next team decision, put the options to the team and ask them to agree the way forward instead of announcing it.",
      items: ["inspire.1"],
    },
    {
      id: "inspire.one-to-ones-before-kickoff",
      text: "Before the next large piece of work starts, hold a 15-minute one-to-one with each person involved to hear their view.",
      items: ["inspire.2"],
    },
    {
      id: "inspire.weekly-connection",
      text: "Each week, have one unhurried conversation with a different team member about their work and what motivates them.",
      items: ["inspire.3"],
    },
    {
      id: "inspire.honest-why",
      text: "In each team meeting this month, give the honest reason behind one decision, including what you are unsure about.",
      items: ["inspire.4", "inspire.1"],
    },
  ],
  vision: [
    {
      id: "vision.shared-quarterly-goals",
      text: "Run a quarterly goal-setting session where the team drafts the goals with you, and share the result within a week.",
      items: ["vision.1"],
    },
    {
      id: "vision.ownership-map",
      text: "Write down who owns which part of the current goal and rebalance it so that each person owns one meaningful piece.",
      items: ["vision.2"],
    },
    {
      id: "vision.encouraging-checkins",
      text: "Replace ad-hoc status requests with one short weekly check-in per person that opens with “what would help you?”.",
      items: ["vision.3"],
    },
    {
      id: "vision.open-hours",
      text: "Block two open hours a week in your calendar and tell the team they can bring you anything they are stuck on.",
      items: ["vision.4"],
    },
    {
      id: "vision.path-on-a-page",
      text: "At the start of each project, walk the team through the path from idea to finished result on a single page.",
      items: ["vision.1", "vision.2"],
    },
  ],
  empower: [
    {
      id: "empower.outcome-not-method",
      text: "On the next task you hand over, agree only the outcome and the deadline, and leave the method to the person doing it.",
      items: ["empower.1"],
    },
    {
      id: "empower.agreed-checkpoints",
      text: "Agree check-in points in advance for each task you delegate, and ask for no updates between them.",
      items: ["empower.2"],
    },
    {
      id: "empower.credit-volunteers",
      text: "When someone offers to help, thank them in front of the team and let them shape how the work is done.",
      items: ["empower.1", "empower.3"],
    },
    {
      id: "empower.name-the-experts",
      text: "Name the go-to expert for each area of the team's work and send questions in that area to them first.",
      items: ["empower.3"],
    },
    {
      id: "empower.ask-for-help",
      text: "Once a week, ask a team member for help with something, even when you could do it yourself.",
      items: ["empower.4"],
    },
  ],
  dream: [
    {
      id: "dream.one-year-goal",
      text: "Write down where the team should be a year from now and bring it up in every weekly meeting for a month.",
      items: ["dream.1"],
    },
    {
      id: "dream.stretch-target",
      text: "In the next plan you set, add one target beyond what worked last year and spell out what reaching it would take.",
      items: ["dream.2"],
    },
    {
      id: "dream.expert-conversation",
      text: "This month, meet one experienced person in your field to test your long-term ambition and note what you change.",
      items: ["dream.3"],
    },
    {
      id: "dream.weekly-time",
      text: "Reserve 30 minutes each week for your long-term goal and log what you did with it.",
      items: ["dream.1", "dream.2"],
    },
    {
      id: "dream.invite-ideas",
      text: "Ask two colleagues to add to your long-term ambition, and tell each of them which of their ideas you took up.",
      items: ["dream.4"],
    },
  ],
  risk: [
    {
      id: "risk.decide-postponed",
      text: "Pick one decision you have been putting off, write down its upside, downside and what would change your mind, and decide within a week.",
      items: ["risk.1", "risk.3"],
    },
    {
      id: "risk.announce-intention",
      text: "Before you start on your next bold step, tell your team or your partners what you will do and by when.",
      items: ["risk.2"],
    },
    {
      id: "risk.woop-when-afraid",
      text: "When a goal makes you hesitate, write a WOOP for it (wish, best outcome, inner obstacle, if-then plan) and share it with your lead.",
      items: ["risk.3"],
    },
    {
      id: "risk.fortnightly-accountability",
      text: "Ask your accountability lead to go through your commitments with you every fortnight.",
      items: ["risk.2", "risk.1"],
    },
    {
      id: "risk.back-a-proposal",
      text: "This quarter, back one ambitious proposal from a team member and say openly that you support it.",
      items: ["risk.4"],
    },
  ],
};

export const WOOP_TEMPLATES: Readonly<Record<DimensionKey, WoopTemplate>> = {
  inspire: {
    wish: "Rally my team around goals we share, rather than coordinate tasks",
    outcome: "Decisions the team has agreed to and puts its energy into",
    obstacle: "When time is short I fall back on handing out instructions",
    plan: "If a decision is due and I am about to announce it, then I will first ask the team to agree the way forward",
  },
  vision: {
    wish: "Guide the whole team towards a future we shape together",
    outcome: "Everyone can say where we are going and which part of it they own",
    obstacle: "I plan the strategy alone and hand it down once it is finished",
    plan: "If I start drafting goals for next quarter, then I will book a session to draft them with the team instead",
  },
  empower: {
    wish: "Trust people to do things their own way",
    outcome: "A team that takes ownership and surprises me with better results",
    obstacle: "When work matters to me I step in and take control of how it is done",
    plan: "If I feel the urge to check on delegated work between agreed check-ins, then I will write the question down and keep it for the next one",
  },
  dream: {
    wish: "Keep the big picture and long-term goals in view",
    outcome: "A team that works towards an ambition, not only this week's targets",
    obstacle: "Day-to-day operations fill every hour I have",
    plan: "If my week fills up, then I will still keep my reserved 30 minutes for the long-term goal",
  },
  risk: {
    wish: "Make bold, reasoned decisions and commit to them",
    outcome: "Moves that make a difference, backed by people who hold me to them",
    obstacle: "Fear of getting it wrong makes me wait for a procedure to decide for me",
    plan: "If I notice I am postponing a decision, then I will write down its upside and downside and tell my lead when I will decide",
  },
};
