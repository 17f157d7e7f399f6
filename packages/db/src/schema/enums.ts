// Enumerations shared by several tables.
import { pgEnum } from "drizzle-orm/pg-core";

export const raterGroupEnum = pgEnum("rater_group", ["self", "manager", "peer", "direct_report", "other"]);

export const requestStateEnum = pgEnum("request_state", [
  "draft",
  "open",
  "closed",
  "released",
  "cancelled",
  "insufficient",
]);

/**
 * `draft` is no longer written: drafts stay in the rater's browser, so the server keeps no trace of
 * one. Rows from before say `draft` and are read as `pending`.
 */
export const invitationStateEnum = pgEnum("invitation_state", ["pending", "draft", "submitted", "declined"]);

export const outboxStateEnum = pgEnum("outbox_state", ["pending", "sending", "sent", "failed"]);

export const planStateEnum = pgEnum("plan_state", ["draft", "active", "closed"]);

export const cadenceEnum = pgEnum("cadence", ["weekly", "fortnightly", "monthly"]);

export const partnerRoleEnum = pgEnum("partner_role", ["partner", "lead"]);

export const partnershipStateEnum = pgEnum("partnership_state", ["invited", "accepted", "declined"]);

/** Why a request closed without a report: too few raters answered, or rule 10 left nothing to show. */
export const insufficientReasonEnum = pgEnum("insufficient_reason", [
  "too_few_raters",
  "too_close_to_earlier",
]);

/** Where a cycle stands (packages/domain cycles/phases). */
export const cyclePhaseEnum = pgEnum("cycle_phase", [
  "draft",
  "nominations",
  "answering",
  "closed",
  "released",
]);
