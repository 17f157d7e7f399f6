export { emailDomain, mailboxOf, normaliseDomain, PUBLIC_MAIL_DOMAINS } from "./addresses";
export { aggregate } from "./aggregate";
export {
  assertNotControlledAddress,
  closeToEarlierWarning,
  decideExternalCounting,
  type ExternalNominee,
  type ExternalVerdict,
  externalWarnings,
  type RaterWarning,
} from "./counting";
export { type AnsweredBy, type EarlierReport, mayDifferByFew } from "./history";
export { MIN_THRESHOLD } from "./normalise";
export { type AnonymousUnit, invitedUnits, poolGroups } from "./pooling";
export { hashSeed, mulberry32, seededShuffle } from "./prng";
export {
  ERASURE_ENDS_ANSWERING,
  type GroupProgressCounts,
  invitationStateAfterErasure,
  mayInviteWhileOpen,
  type ProgressLine,
  progressLines,
} from "./progress";
export * from "./snapshot-schema";
export * from "./types";
