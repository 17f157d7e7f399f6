// Suggestions for behaviours an organisation wrote itself (issue 19): the catalogue knows only the
// built-in behaviours, so a custom one gets a general action for its dimension, practised on
// whatever the organisation's wording asks. Ids are stable like the catalogue's.
import type { DimensionKey } from "../instrument";
import type { CatalogueAction } from "./catalogue";

export const GENERIC_ACTIONS: Readonly<Record<DimensionKey, CatalogueAction>> = {
  inspire: {
    id: "inspire.own-behaviour",
    texts: {
      en: "Take the behaviour of this dimension you scored lowest on, ask two colleagues what it would look like done well in your team, and try one of their ideas each week for a month.",
      de: "Nehmen Sie das Verhalten dieser Dimension mit Ihrer niedrigsten Bewertung, fragen Sie zwei Kolleginnen oder Kollegen, wie es gut umgesetzt in Ihrem Team aussähe, und probieren Sie einen Monat lang jede Woche eine ihrer Ideen aus.",
    },
    items: [],
  },
  vision: {
    id: "vision.own-behaviour",
    texts: {
      en: "Take the behaviour of this dimension you scored lowest on, agree with your team one visible sign that you are doing it, and review that sign with them every two weeks.",
      de: "Nehmen Sie das Verhalten dieser Dimension mit Ihrer niedrigsten Bewertung, vereinbaren Sie mit Ihrem Team ein sichtbares Zeichen dafür, dass Sie es zeigen, und prüfen Sie dieses Zeichen alle zwei Wochen gemeinsam.",
    },
    items: [],
  },
  empower: {
    id: "empower.own-behaviour",
    texts: {
      en: "Take the behaviour of this dimension you scored lowest on, name one task this month where you will practise it, and ask the person involved afterwards how it felt.",
      de: "Nehmen Sie das Verhalten dieser Dimension mit Ihrer niedrigsten Bewertung, benennen Sie eine Aufgabe in diesem Monat, bei der Sie es üben, und fragen Sie die beteiligte Person danach, wie es sich angefühlt hat.",
    },
    items: [],
  },
  dream: {
    id: "dream.own-behaviour",
    texts: {
      en: "Take the behaviour of this dimension you scored lowest on, write down what doing it a year from now would change, and share that note with a partner.",
      de: "Nehmen Sie das Verhalten dieser Dimension mit Ihrer niedrigsten Bewertung, schreiben Sie auf, was sich ändern würde, wenn Sie es in einem Jahr zeigten, und teilen Sie diese Notiz mit einer Partnerin oder einem Partner.",
    },
    items: [],
  },
  risk: {
    id: "risk.own-behaviour",
    texts: {
      en: "Take the behaviour of this dimension you scored lowest on, pick one decision this month to practise it on, and tell a partner beforehand what you will do.",
      de: "Nehmen Sie das Verhalten dieser Dimension mit Ihrer niedrigsten Bewertung, wählen Sie in diesem Monat eine Entscheidung, an der Sie es üben, und sagen Sie einer Partnerin oder einem Partner vorher, was Sie tun werden.",
    },
    items: [],
  },
};
