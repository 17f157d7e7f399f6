// Exhaustive: every state against every event, so an accidental new edge fails a test.
import { describe, expect, it } from "vitest";
import { PreconditionFailedError } from "../errors";
import {
  allowedEvents,
  canChangeThreshold,
  canNominate,
  canSubmit,
  checkDeadline,
  isFinalState,
  NEXT_WORDS,
  REQUEST_EVENTS,
  REQUEST_STATES,
  type RequestEvent,
  type RequestState,
  releaseOutcome,
  transition,
} from "./request-state";

const LEGAL: ReadonlyArray<[RequestState, RequestEvent, RequestState]> = [
  ["draft", "open", "open"],
  ["draft", "cancel", "cancelled"],
  ["open", "cancel", "cancelled"],
  ["open", "close", "closed"],
  ["closed", "release", "released"],
  ["closed", "insufficient", "insufficient"],
];

describe("request state machine", () => {
  const cases = REQUEST_STATES.flatMap((state) => REQUEST_EVENTS.map((event) => [state, event] as const));

  it.each(cases)("%s + %s", (state, event) => {
    const legal = LEGAL.find(([from, on]) => from === state && on === event);
    if (legal) {
      expect(transition(state, event)).toBe(legal[2]);
    } else {
      expect(() => transition(state, event)).toThrow(PreconditionFailedError);
    }
  });

  it("covers 6 states × 5 events", () => {
    expect(cases).toHaveLength(30);
  });

  it("explains an illegal move in words", () => {
    expect(() => transition("released", "close")).toThrow(
      "This feedback request is released, so it cannot be closed. Nothing more can happen to it.",
    );
    expect(() => transition("open", "release")).toThrow(
      "This feedback request is open for answers, so it cannot be released. It can only be cancelled or closed.",
    );
    expect(() => transition("bogus" as RequestState, "open")).toThrow('in the unknown state "bogus"');
  });

  it("says, for every state, exactly the moves it still allows", () => {
    const words = { open: "opened", cancel: "cancelled", close: "closed", release: "released" };
    for (const state of REQUEST_STATES) {
      const allowed = allowedEvents(state);
      if (allowed.length === 0) expect(NEXT_WORDS[state]).toBe("Nothing more can happen to it.");
      for (const event of REQUEST_EVENTS) {
        const word = event === "insufficient" ? "marked as having too few raters" : words[event];
        expect(NEXT_WORDS[state].includes(` ${word}`), `${state} + ${event}`).toBe(allowed.includes(event));
      }
    }
  });

  it("lets nothing leave released, cancelled or insufficient", () => {
    expect(REQUEST_STATES.filter(isFinalState)).toEqual(["released", "cancelled", "insufficient"]);
    expect(allowedEvents("closed")).toEqual(["release", "insufficient"]);
  });

  it("guards submission, threshold changes and nominations", () => {
    expect(REQUEST_STATES.filter(canSubmit)).toEqual(["open"]);
    expect(REQUEST_STATES.filter(canChangeThreshold)).toEqual(["draft"]);
    expect(REQUEST_STATES.filter(canNominate)).toEqual(["draft", "open"]);
  });

  it("releases only with at least k anonymous raters", () => {
    expect(releaseOutcome(2, 3)).toBe("insufficient");
    expect(releaseOutcome(3, 3)).toBe("released");
    expect(releaseOutcome(4, 5)).toBe("insufficient");
  });
});

describe("checkDeadline", () => {
  const now = new Date("2026-11-28T10:00:00Z");
  it("takes a deadline ahead and within a year", () => {
    expect(() => checkDeadline(new Date("2026-12-12T23:59:59Z"), now)).not.toThrow();
    expect(() => checkDeadline(new Date("2027-11-28T09:00:00Z"), now)).not.toThrow();
  });
  it("refuses one in the past or more than a year away, naming the field", () => {
    expect(() => checkDeadline(now, now)).toThrow("The deadline must be in the future");
    expect(() => checkDeadline(new Date("9999-12-31T23:59:59Z"), now)).toThrow(
      expect.objectContaining({ fields: { deadline: "Choose a date within a year" } }),
    );
  });
});
