// SCIM's error answer (RFC 7644 §3.12): a status, a `scimType` for the 400s and 409s that have
// one, and a sentence. Domain errors from the admin services map here in one place; anything
// unknown stays a 500 whose cause the HTTP layer logs and never sends.
import { DomainError, type DomainErrorCode } from "@fivefold/domain";

export const SCIM_ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";

export type ScimType =
  | "invalidFilter"
  | "tooMany"
  | "uniqueness"
  | "mutability"
  | "invalidSyntax"
  | "invalidPath"
  | "noTarget"
  | "invalidValue"
  | "invalidVers"
  | "sensitive";

export class ScimError extends Error {
  constructor(
    readonly status: number,
    detail: string,
    readonly scimType?: ScimType,
  ) {
    super(detail);
    this.name = "ScimError";
  }
}

const FROM_DOMAIN: Record<DomainErrorCode, { status: number; scimType?: ScimType }> = {
  invalid: { status: 400, scimType: "invalidValue" },
  not_found: { status: 404 },
  forbidden: { status: 403 },
  conflict: { status: 409, scimType: "uniqueness" },
  precondition_failed: { status: 409, scimType: "mutability" },
};

/** A SCIM error for what a verb threw, or null when it is not one we can explain (a 500). */
export function toScimError(error: unknown): ScimError | null {
  if (error instanceof ScimError) return error;
  if (error instanceof DomainError) {
    const { status, scimType } = FROM_DOMAIN[error.code];
    const fields = error.fields ? Object.values(error.fields) : [];
    const detail = fields.length > 0 ? `${error.message} (${fields.join("; ")})` : error.message;
    return new ScimError(status, detail, scimType);
  }
  return null;
}

export function scimErrorBody(error: ScimError) {
  return {
    schemas: [SCIM_ERROR_SCHEMA],
    status: String(error.status),
    ...(error.scimType ? { scimType: error.scimType } : {}),
    detail: error.message,
  };
}
