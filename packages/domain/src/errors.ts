// Domain errors: plain classes that say what went wrong in the product's words.
// The API maps them to transport errors in one place (apps/api/src/trpc/errors.ts).
import { forPeople } from "./i18n/for-people";

export type DomainErrorCode = "invalid" | "not_found" | "forbidden" | "conflict" | "precondition_failed";

export class DomainError extends Error {
  readonly code: DomainErrorCode;
  /** Field-level messages a person understands, keyed by a dotted path. */
  readonly fields: Record<string, string> | undefined;

  constructor(
    code: DomainErrorCode,
    message: string,
    options?: { cause?: unknown; fields?: Record<string, string> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.fields = options?.fields;
  }
}

export class InvalidInputError extends DomainError {
  constructor(message: string, fields?: Record<string, string>) {
    super("invalid", message, fields ? { fields } : undefined);
  }
}

export class NotFoundError extends DomainError {
  constructor(what: string) {
    super("not_found", forPeople(`${what} was not found`));
  }
}

export class ForbiddenError extends DomainError {
  constructor(message = forPeople("You are not allowed to do that")) {
    super("forbidden", message);
  }
}

export class ConflictError extends DomainError {
  constructor(message: string) {
    super("conflict", message);
  }
}

export class PreconditionFailedError extends DomainError {
  constructor(message: string) {
    super("precondition_failed", message);
  }
}
