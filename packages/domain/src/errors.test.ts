import { describe, expect, it } from "vitest";
import {
  ConflictError,
  DomainError,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  PreconditionFailedError,
} from "./errors";

describe("domain errors", () => {
  it("carry a code, a readable message and their class name", () => {
    const cases: Array<[DomainError, string, string]> = [
      [new InvalidInputError("Bad score", { "answers.0.score": "1 to 5" }), "invalid", "Bad score"],
      [new NotFoundError("Request 7"), "not_found", "Request 7 was not found"],
      [new ForbiddenError(), "forbidden", "You are not allowed to do that"],
      [new ConflictError("Already submitted"), "conflict", "Already submitted"],
      [new PreconditionFailedError("Closed"), "precondition_failed", "Closed"],
    ];
    for (const [error, code, message] of cases) {
      expect(error).toBeInstanceOf(DomainError);
      expect(error.code).toBe(code);
      expect(error.message).toBe(message);
      expect(error.name).toBe(error.constructor.name);
    }
    expect(cases[0]?.[0].fields).toEqual({ "answers.0.score": "1 to 5" });
    expect(new InvalidInputError("x").fields).toBeUndefined();
  });

  it("keeps the cause", () => {
    const cause = new Error("driver");
    expect(new DomainError("conflict", "Taken", { cause }).cause).toBe(cause);
    expect(new DomainError("conflict", "Taken").cause).toBeUndefined();
  });
});
