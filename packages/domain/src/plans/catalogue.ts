// Suggested coaching actions and WOOP skeletons per dimension, written from the seed article's tips
// in our own words. Each action is concrete enough that a partner can check it was done. Ids are
// stable: plans store them, so never reuse an id for a different action. Each text is written in
// every language, as the instrument's behaviours are: a new plan copies the owner's language, and
// what is in a plan is the owner's to edit from then on.
import type { Language } from "../i18n/languages";
import type { DimensionKey } from "../instrument";

export interface CatalogueAction {
  readonly id: string;
  /** The action in every language Fivefold speaks. */
  readonly texts: Readonly<Record<Language, string>>;
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
      texts: {
        en: "Before your next team decision, put the options to the team and ask them to agree the way forward instead of announcing it.",
        de: "Legen Sie vor Ihrer nächsten Teamentscheidung dem Team die Optionen vor und bitten Sie es, sich auf den weiteren Weg zu einigen, statt ihn zu verkünden.",
      },
      items: ["inspire.1"],
    },
    {
      id: "inspire.one-to-ones-before-kickoff",
      texts: {
        en: "Before the next large piece of work starts, hold a 15-minute one-to-one with each person involved to hear their view.",
        de: "Führen Sie vor dem Start des nächsten großen Vorhabens mit jeder beteiligten Person ein 15-minütiges Einzelgespräch, um ihre Sicht zu hören.",
      },
      items: ["inspire.2"],
    },
    {
      id: "inspire.weekly-connection",
      texts: {
        en: "Each week, have one unhurried conversation with a different team member about their work and what motivates them.",
        de: "Führen Sie jede Woche ein Gespräch ohne Zeitdruck mit einem anderen Teammitglied über seine Arbeit und darüber, was es antreibt.",
      },
      items: ["inspire.3"],
    },
    {
      id: "inspire.honest-why",
      texts: {
        en: "In each team meeting this month, give the honest reason behind one decision, including what you are unsure about.",
        de: "Nennen Sie diesen Monat in jeder Teambesprechung den ehrlichen Grund für eine Entscheidung, auch das, worin Sie unsicher sind.",
      },
      items: ["inspire.4", "inspire.1"],
    },
  ],
  vision: [
    {
      id: "vision.shared-quarterly-goals",
      texts: {
        en: "Run a quarterly goal-setting session where the team drafts the goals with you, and share the result within a week.",
        de: "Halten Sie jedes Quartal eine Zielrunde ab, in der das Team die Ziele mit Ihnen entwirft, und teilen Sie das Ergebnis innerhalb einer Woche.",
      },
      items: ["vision.1"],
    },
    {
      id: "vision.ownership-map",
      texts: {
        en: "Write down who owns which part of the current goal and rebalance it so that each person owns one meaningful piece.",
        de: "Schreiben Sie auf, wer welchen Teil des aktuellen Ziels verantwortet, und verteilen Sie neu, sodass jede Person einen sinnvollen Teil verantwortet.",
      },
      items: ["vision.2"],
    },
    {
      id: "vision.encouraging-checkins",
      texts: {
        en: "Replace ad-hoc status requests with one short weekly check-in per person that opens with “what would help you?”.",
        de: "Ersetzen Sie spontane Statusabfragen durch ein kurzes wöchentliches Gespräch je Person, das mit „Was würde Ihnen helfen?“ beginnt.",
      },
      items: ["vision.3"],
    },
    {
      id: "vision.open-hours",
      texts: {
        en: "Block two open hours a week in your calendar and tell the team they can bring you anything they are stuck on.",
        de: "Blocken Sie zwei offene Stunden pro Woche in Ihrem Kalender und sagen Sie dem Team, dass es Ihnen alles bringen kann, woran es hängt.",
      },
      items: ["vision.4"],
    },
    {
      id: "vision.path-on-a-page",
      texts: {
        en: "At the start of each project, walk the team through the path from idea to finished result on a single page.",
        de: "Gehen Sie zu Beginn jedes Projekts mit dem Team auf einer einzigen Seite den Weg von der Idee bis zum fertigen Ergebnis durch.",
      },
      items: ["vision.1", "vision.2"],
    },
  ],
  empower: [
    {
      id: "empower.outcome-not-method",
      texts: {
        en: "On the next task you hand over, agree only the outcome and the deadline, and leave the method to the person doing it.",
        de: "Vereinbaren Sie bei der nächsten Aufgabe, die Sie übergeben, nur das Ergebnis und den Termin, und überlassen Sie den Weg der Person, die sie erledigt.",
      },
      items: ["empower.1"],
    },
    {
      id: "empower.agreed-checkpoints",
      texts: {
        en: "Agree check-in points in advance for each task you delegate, and ask for no updates between them.",
        de: "Vereinbaren Sie für jede delegierte Aufgabe vorab feste Zwischenstände und bitten Sie dazwischen um keine Updates.",
      },
      items: ["empower.2"],
    },
    {
      id: "empower.credit-volunteers",
      texts: {
        en: "When someone offers to help, thank them in front of the team and let them shape how the work is done.",
        de: "Wenn jemand Hilfe anbietet, danken Sie ihm vor dem Team und lassen Sie ihn mitgestalten, wie die Arbeit erledigt wird.",
      },
      items: ["empower.1", "empower.3"],
    },
    {
      id: "empower.name-the-experts",
      texts: {
        en: "Name the go-to expert for each area of the team's work and send questions in that area to them first.",
        de: "Benennen Sie für jeden Bereich der Teamarbeit die erste Ansprechperson und richten Sie Fragen aus diesem Bereich zuerst an sie.",
      },
      items: ["empower.3"],
    },
    {
      id: "empower.ask-for-help",
      texts: {
        en: "Once a week, ask a team member for help with something, even when you could do it yourself.",
        de: "Bitten Sie einmal pro Woche ein Teammitglied um Hilfe, auch wenn Sie es selbst erledigen könnten.",
      },
      items: ["empower.4"],
    },
  ],
  dream: [
    {
      id: "dream.one-year-goal",
      texts: {
        en: "Write down where the team should be a year from now and bring it up in every weekly meeting for a month.",
        de: "Schreiben Sie auf, wo das Team in einem Jahr stehen soll, und sprechen Sie es einen Monat lang in jeder Wochenbesprechung an.",
      },
      items: ["dream.1"],
    },
    {
      id: "dream.stretch-target",
      texts: {
        en: "In the next plan you set, add one target beyond what worked last year and spell out what reaching it would take.",
        de: "Nehmen Sie in Ihren nächsten Plan ein Ziel auf, das über das hinausgeht, was letztes Jahr funktioniert hat, und beschreiben Sie, was es bräuchte, um es zu erreichen.",
      },
      items: ["dream.2"],
    },
    {
      id: "dream.expert-conversation",
      texts: {
        en: "This month, meet one experienced person in your field to test your long-term ambition and note what you change.",
        de: "Treffen Sie diesen Monat eine erfahrene Person aus Ihrem Fachgebiet, um Ihr langfristiges Vorhaben zu prüfen, und notieren Sie, was Sie daraufhin ändern.",
      },
      items: ["dream.3"],
    },
    {
      id: "dream.weekly-time",
      texts: {
        en: "Reserve 30 minutes each week for your long-term goal and log what you did with it.",
        de: "Reservieren Sie jede Woche 30 Minuten für Ihr langfristiges Ziel und halten Sie fest, was Sie damit getan haben.",
      },
      items: ["dream.1", "dream.2"],
    },
    {
      id: "dream.invite-ideas",
      texts: {
        en: "Ask two colleagues to add to your long-term ambition, and tell each of them which of their ideas you took up.",
        de: "Bitten Sie zwei Kolleginnen oder Kollegen, Ihr langfristiges Vorhaben zu ergänzen, und sagen Sie beiden, welche ihrer Ideen Sie aufgegriffen haben.",
      },
      items: ["dream.4"],
    },
  ],
  risk: [
    {
      id: "risk.decide-postponed",
      texts: {
        en: "Pick one decision you have been putting off, write down its upside, downside and what would change your mind, and decide within a week.",
        de: "Wählen Sie eine Entscheidung, die Sie vor sich herschieben, schreiben Sie Chancen, Risiken und das auf, was Ihre Meinung ändern würde, und entscheiden Sie innerhalb einer Woche.",
      },
      items: ["risk.1", "risk.3"],
    },
    {
      id: "risk.announce-intention",
      texts: {
        en: "Before you start on your next bold step, tell your team or your partners what you will do and by when.",
        de: "Sagen Sie Ihrem Team oder Ihren Partnerinnen und Partnern vor Ihrem nächsten mutigen Schritt, was Sie tun werden und bis wann.",
      },
      items: ["risk.2"],
    },
    {
      id: "risk.woop-when-afraid",
      texts: {
        en: "When a goal makes you hesitate, write a WOOP for it (wish, best outcome, inner obstacle, if-then plan) and share it with your lead.",
        de: "Wenn ein Ziel Sie zögern lässt, schreiben Sie ein WOOP dafür (Wunsch, bestes Ergebnis, inneres Hindernis, Wenn-dann-Plan) und teilen Sie es mit Ihrer Hauptbegleitung.",
      },
      items: ["risk.3"],
    },
    {
      id: "risk.fortnightly-accountability",
      texts: {
        en: "Ask your accountability lead to go through your commitments with you every fortnight.",
        de: "Bitten Sie Ihre Hauptbegleitung, alle zwei Wochen Ihre Vorhaben mit Ihnen durchzugehen.",
      },
      items: ["risk.2", "risk.1"],
    },
    {
      id: "risk.back-a-proposal",
      texts: {
        en: "This quarter, back one ambitious proposal from a team member and say openly that you support it.",
        de: "Unterstützen Sie in diesem Quartal einen ehrgeizigen Vorschlag eines Teammitglieds und sagen Sie offen, dass Sie dahinterstehen.",
      },
      items: ["risk.4"],
    },
  ],
};

/** The WOOP skeleton of each dimension, in every language. */
export const WOOP_TEMPLATES: Readonly<Record<DimensionKey, Readonly<Record<Language, WoopTemplate>>>> = {
  inspire: {
    en: {
      wish: "Rally my team around goals we share, rather than coordinate tasks",
      outcome: "Decisions the team has agreed to and puts its energy into",
      obstacle: "When time is short I fall back on handing out instructions",
      plan: "If a decision is due and I am about to announce it, then I will first ask the team to agree the way forward",
    },
    de: {
      wish: "Mein Team um gemeinsame Ziele versammeln, statt nur Aufgaben zu koordinieren",
      outcome: "Entscheidungen, denen das Team zugestimmt hat und in die es seine Energie steckt",
      obstacle: "Wenn die Zeit knapp ist, verfalle ich wieder ins Verteilen von Anweisungen",
      plan: "Wenn eine Entscheidung ansteht und ich sie gerade verkünden will, dann bitte ich das Team zuerst, sich auf den weiteren Weg zu einigen",
    },
  },
  vision: {
    en: {
      wish: "Guide the whole team towards a future we shape together",
      outcome: "Everyone can say where we are going and which part of it they own",
      obstacle: "I plan the strategy alone and hand it down once it is finished",
      plan: "If I start drafting goals for next quarter, then I will book a session to draft them with the team instead",
    },
    de: {
      wish: "Das ganze Team zu einer Zukunft führen, die wir gemeinsam gestalten",
      outcome: "Alle können sagen, wohin wir gehen und welchen Teil davon sie verantworten",
      obstacle: "Ich plane die Strategie allein und gebe sie erst weiter, wenn sie fertig ist",
      plan: "Wenn ich anfange, Ziele für das nächste Quartal zu entwerfen, dann setze ich stattdessen eine Runde an, um sie mit dem Team zu entwerfen",
    },
  },
  empower: {
    en: {
      wish: "Trust people to do things their own way",
      outcome: "A team that takes ownership and surprises me with better results",
      obstacle: "When work matters to me I step in and take control of how it is done",
      plan: "If I feel the urge to check on delegated work between agreed check-ins, then I will write the question down and keep it for the next one",
    },
    de: {
      wish: "Darauf vertrauen, dass Menschen die Dinge auf ihre eigene Weise erledigen",
      outcome: "Ein Team, das Verantwortung übernimmt und mich mit besseren Ergebnissen überrascht",
      obstacle: "Wenn mir eine Arbeit wichtig ist, greife ich ein und bestimme, wie sie erledigt wird",
      plan: "Wenn ich zwischen vereinbarten Zwischenständen nach delegierter Arbeit sehen will, dann schreibe ich die Frage auf und hebe sie für den nächsten auf",
    },
  },
  dream: {
    en: {
      wish: "Keep the big picture and long-term goals in view",
      outcome: "A team that works towards an ambition, not only this week's targets",
      obstacle: "Day-to-day operations fill every hour I have",
      plan: "If my week fills up, then I will still keep my reserved 30 minutes for the long-term goal",
    },
    de: {
      wish: "Das große Ganze und die langfristigen Ziele im Blick behalten",
      outcome: "Ein Team, das auf ein Vorhaben hinarbeitet, nicht nur auf die Ziele dieser Woche",
      obstacle: "Das Tagesgeschäft füllt jede Stunde, die ich habe",
      plan: "Wenn meine Woche voll wird, dann halte ich trotzdem meine reservierten 30 Minuten für das langfristige Ziel frei",
    },
  },
  risk: {
    en: {
      wish: "Make bold, reasoned decisions and commit to them",
      outcome: "Moves that make a difference, backed by people who hold me to them",
      obstacle: "Fear of getting it wrong makes me wait for a procedure to decide for me",
      plan: "If I notice I am postponing a decision, then I will write down its upside and downside and tell my lead when I will decide",
    },
    de: {
      wish: "Mutige, begründete Entscheidungen treffen und zu ihnen stehen",
      outcome: "Schritte, die etwas bewegen, getragen von Menschen, die mich daran messen",
      obstacle: "Die Angst, falsch zu liegen, lässt mich warten, bis ein Verfahren für mich entscheidet",
      plan: "Wenn ich merke, dass ich eine Entscheidung aufschiebe, dann schreibe ich Chancen und Risiken auf und sage meiner Hauptbegleitung, wann ich entscheide",
    },
  },
};

/** A catalogue action's text in `language` (a suggestion of the built-in catalogue, or of the generic ones). */
export function actionText(action: Pick<CatalogueAction, "texts">, language: Language): string {
  return action.texts[language];
}
