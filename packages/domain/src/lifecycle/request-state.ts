// The feedback request's state machine (DESIGN §3–4): which moves are legal, and the guards that
// keep anonymity promises (no answers outside "open", threshold fixed once open, released is final).
import { z } from "zod";
import { InvalidInputError, PreconditionFailedError } from "../errors";
import { forPeople } from "../i18n/for-people";

export const REQUEST_STATES = ["draft", "open", "closed", "released", "cancelled", "insufficient"] as const;
export type RequestState = (typeof REQUEST_STATES)[number];
export const requestStateSchema = z.enum(REQUEST_STATES);

export const REQUEST_EVENTS = ["open", "cancel", "close", "release", "insufficient"] as const;
export type RequestEvent = (typeof REQUEST_EVENTS)[number];
export const requestEventSchema = z.enum(REQUEST_EVENTS);

const TRANSITIONS: Readonly<Record<RequestState, Partial<Record<RequestEvent, RequestState>>>> = {
  draft: { open: "open", cancel: "cancelled" },
  open: { cancel: "cancelled", close: "closed" },
  // A closed request is only ever on its way to a report or to "not enough raters".
  closed: { release: "released", insufficient: "insufficient" },
  // Nothing leaves a released report: reopening would let someone watch a figure move.
  released: {},
  cancelled: {},
  insufficient: {},
};

// The words of the refusal below, each a phrase for people (the web translates them like sentences).
const STATE_WORDS: Readonly<Record<RequestState, string>> = {
  draft: forPeople("still a draft"),
  open: forPeople("open for answers"),
  closed: forPeople("closed"),
  released: forPeople("released"),
  cancelled: forPeople("cancelled"),
  insufficient: forPeople("closed without enough raters"),
};

const EVENT_WORDS: Readonly<Record<RequestEvent, string>> = {
  open: forPeople("opened"),
  cancel: forPeople("cancelled"),
  close: forPeople("closed"),
  release: forPeople("released"),
  insufficient: forPeople("marked as having too few raters"),
};

/** What can still happen to a request in each state (request-state.test.ts holds it to TRANSITIONS). */
export const NEXT_WORDS: Readonly<Record<RequestState, string>> = {
  draft: forPeople("It can only be opened or cancelled."),
  open: forPeople("It can only be cancelled or closed."),
  closed: forPeople("It can only be released or marked as having too few raters."),
  released: forPeople("Nothing more can happen to it."),
  cancelled: forPeople("Nothing more can happen to it."),
  insufficient: forPeople("Nothing more can happen to it."),
};

export function allowedEvents(state: RequestState): RequestEvent[] {
  return REQUEST_EVENTS.filter((event) => TRANSITIONS[state][event] !== undefined);
}

export function isFinalState(state: RequestState): boolean {
  return allowedEvents(state).length === 0;
}

/** The state after `event`, or PreconditionFailedError when the move is not allowed. */
export function transition(state: RequestState, event: RequestEvent): RequestState {
  const next = TRANSITIONS[state]?.[event];
  if (next) return next;
  const words = STATE_WORDS[state] ?? forPeople(`in the unknown state "${state}"`);
  const verb = EVENT_WORDS[event] ?? event;
  const still = NEXT_WORDS[state] ?? NEXT_WORDS.released;
  throw new PreconditionFailedError(`This feedback request is ${words}, so it cannot be ${verb}. ${still}`);
}

/** Raters may save and submit answers only while the request is open. */
export function canSubmit(state: RequestState): boolean {
  return state === "open";
}

/** The threshold is fixed once the request opens, so nobody can lower it after seeing who answered. */
export function canChangeThreshold(state: RequestState): boolean {
  return state === "draft";
}

/** Nominations can be added until the request closes. */
export function canNominate(state: RequestState): boolean {
  return state === "draft" || state === "open";
}

/** Where a closed request goes: released only with at least k anonymous raters. */
export function releaseOutcome(anonymousAnswered: number, threshold: number): "released" | "insufficient" {
  return anonymousAnswered >= threshold ? "released" : "insufficient";
}

/** A request collects answers for at most this long. */
export const MAX_DEADLINE_DAYS = 365;

/** The deadline must lie ahead, and within a year: nobody waits longer for a 360. */
export function checkDeadline(deadline: Date, now: Date): void {
  if (deadline.getTime() <= now.getTime()) {
    throw new InvalidInputError("The deadline must be in the future", { deadline: "Choose a later date" });
  }
  if (deadline.getTime() > now.getTime() + MAX_DEADLINE_DAYS * 86_400_000) {
    throw new InvalidInputError("The deadline can be at most a year away", {
      deadline: "Choose a date within a year",
    });
  }
}
