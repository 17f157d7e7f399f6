// Instrument version 1: five dimensions, four observable behaviours each.
// Wording is ours, written from the seed article's contrasts and tips; never edit a released version:
// snapshots record the version they used, so a change of wording means a new version.
import { forPeople } from "../i18n/for-people";
import { deepFreeze } from "./freeze";
import type { Instrument } from "./types";

// Frozen so that no caller can change wording that released snapshots depend on. The dimensions'
// names are marked for people: the server's messages name them, and the web translates them there.
export const INSTRUMENT_V1: Instrument = deepFreeze({
  version: 1,
  scale: {
    min: 1,
    max: 5,
    labels: ["Rarely", "Occasionally", "Sometimes", "Often", "Almost always"],
    notObservedLabel: "Not observed",
  },
  dimensions: [
    {
      key: "inspire",
      name: forPeople("Inspire & motivate"),
      description:
        "Brings people together behind goals they share, through genuine rapport, rather than only organising and coordinating the work.",
      leadership: "Rallies people around shared goals with genuine rapport",
      management: "Organises and coordinates activities",
      items: [
        {
          id: "inspire.1",
          text: "Seeks the team's agreement on the way forward instead of just handing out instructions",
        },
        {
          id: "inspire.2",
          text: "Makes time to hear each person's view one to one before a large piece of work starts",
        },
        {
          id: "inspire.3",
          text: "Builds real working relationships with people well before a decision has to be made",
        },
        {
          id: "inspire.4",
          text: "Comes across as sincere with people, not as performing for an audience or ticking a box",
        },
      ],
    },
    {
      key: "vision",
      name: forPeople("Set the vision"),
      description:
        "Guides the whole team towards a future everyone shares, rather than only planning and carrying out strategies for goals set elsewhere.",
      leadership: "Guides the whole team towards a shared future",
      management: "Plans and implements strategies for set goals",
      items: [
        { id: "vision.1", text: "Involves the team when setting direction and goals for the coming quarter" },
        {
          id: "vision.2",
          text: "Shares out meaningful work fairly, so that each person owns a part of the goal",
        },
        { id: "vision.3", text: "Follows up regularly to encourage progress, without taking over the work" },
        { id: "vision.4", text: "Is reachable and offers help when someone is stuck" },
      ],
    },
    {
      key: "empower",
      name: forPeople("Empower others"),
      description:
        "Influences and trusts people and gives them room to work their own way, rather than controlling and directing every step.",
      leadership: "Influences, trusts and gives creative freedom",
      management: "Controls and directs",
      items: [
        { id: "empower.1", text: "Lets people decide how to do a task when the result is what matters" },
        { id: "empower.2", text: "Checks in when it is useful rather than watching over every step" },
        {
          id: "empower.3",
          text: "Treats each person as the expert in their own role and defers to them there",
        },
        { id: "empower.4", text: "Asks colleagues for help, even with things they could manage alone" },
      ],
    },
    {
      key: "dream",
      name: forPeople("Dream bigger"),
      description:
        "Keeps the big picture and long-term ambitions in view, rather than only the day-to-day running and short-term targets.",
      leadership: "Keeps the big picture and long-term goals in view",
      management: "Runs day-to-day operations towards short-term objectives",
      items: [
        {
          id: "dream.1",
          text: "Talks about where the team should be in a year or more, not only about this week",
        },
        { id: "dream.2", text: "Sets goals that reach beyond what has worked in the past" },
        { id: "dream.3", text: "Draws on experienced people in the field when shaping ambitions" },
        { id: "dream.4", text: "Brings others into their ambitions and builds on their ideas" },
      ],
    },
    {
      key: "risk",
      name: forPeople("Take risks"),
      description:
        "Makes bold, well-reasoned decisions and commits to them, rather than only following established policies and procedures.",
      leadership: "Makes bold, reasoned decisions and commits to them",
      management: "Follows established policies and procedures",
      items: [
        { id: "risk.1", text: "Makes a clear call when the way forward is uncertain, and stands by it" },
        {
          id: "risk.2",
          text: "Announces what they intend to do before doing it, so others can hold them to it",
        },
        {
          id: "risk.3",
          text: "Weighs a risky option openly with reasons, rather than acting on impulse or fear",
        },
        { id: "risk.4", text: "Encourages the team to attempt ambitious things and backs them when they do" },
      ],
    },
  ],
});
