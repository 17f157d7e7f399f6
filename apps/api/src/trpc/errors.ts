// The one error mapper: domain errors become TRPCErrors with the same meaning; anything unknown
// becomes INTERNAL_SERVER_ERROR with a generic message, keeping the original as `cause`.
import { DomainError, type DomainErrorCode } from "@fivefold/domain";
import { TRPCError } from "@trpc/server";

const codes: Record<DomainErrorCode, TRPCError["code"]> = {
  invalid: "BAD_REQUEST",
  not_found: "NOT_FOUND",
  forbidden: "FORBIDDEN",
  conflict: "CONFLICT",
  precondition_failed: "PRECONDITION_FAILED",
};

export function toTRPCError(error: unknown): TRPCError {
  if (error instanceof TRPCError) return error;
  if (error instanceof DomainError) {
    return new TRPCError({ code: codes[error.code], message: error.message, cause: error });
  }
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Something went wrong", cause: error });
}

/** Field messages of a domain validation error, for the client to show beside each field. */
export function fieldsOf(error: unknown): Record<string, string> | null {
  const cause = error instanceof TRPCError ? error.cause : error;
  return cause instanceof DomainError && cause.fields ? cause.fields : null;
}
