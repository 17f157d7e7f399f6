// Suggestions for behaviours an organisation wrote itself (issue 19): the catalogue knows only the
// built-in behaviours, so a custom one gets a general action for its dimension, practised on
// whatever the organisation's wording asks. Ids are stable like the catalogue's.
import type { DimensionKey } from "../instrument";
import type { CatalogueAction } from "./catalogue";

export const GENERIC_ACTIONS: Readonly<Record<DimensionKey, CatalogueAction>> = {
  inspire: {
    id: "inspire.own-behaviour",
    text: "Take the behaviour of this dimension you scored lowest on, ask two colleagues what it would look like done well in your team, and try one of their ideas each week for a month.",
    items: [],
  },
  vision: {
    id: "vision.own-behaviour",
    text: "Take the behaviour of this dimension you scored lowest on, agree with your team one visible sign that you are doing it, and review that sign with them every two weeks.",
    items: [],
  },
  empower: {
    id: "empower.own-behaviour",
    text: "Take the behaviour of this dimension you scored lowest on, name one task this month where you will practise it, and ask the person involved afterwards how it felt.",
    items: [],
  },
  dream: {
    id: "dream.own-behaviour",
    text: "Take the behaviour of this dimension you scored lowest on, write down what doing it a year from now would change, and share that note with a partner.",
    items: [],
  },
  risk: {
    id: "risk.own-behaviour",
    text: "Take the behaviour of this dimension you scored lowest on, pick one decision this month to practise it on, and tell a partner beforehand what you will do.",
    items: [],
  },
};
