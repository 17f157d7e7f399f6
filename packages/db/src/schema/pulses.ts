// The perceived-change pulse (issue 19; docs/adr/0005-perceived-change-pulse.md): a small request of
// its own, linked to the plan it follows up and the report that plan grew from. Its raters, its
// sealed answers and its frozen result live in tables of their own, so no query on feedback
// requests, reports or dashboards meets a pulse by accident, and a pulse never counts as the
// subject's one open request.
import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { bytea } from "./bytea";
import { coachingPlans } from "./coaching-plans";
import { invitationStateEnum } from "./enums";
import { feedbackRequests } from "./feedback-requests";
import { organisations } from "./organisations";
import { people } from "./people";

export const pulseStateEnum = pgEnum("pulse_state", [
  "scheduled",
  "open",
  "released",
  "insufficient",
  "cancelled",
]);

/** What a released pulse shows, frozen: the domain's PulseResult and the suggestions, shuffled. */
export interface PulseResultColumn {
  figures: Array<{ itemId: string; mean: number; n: number } | { itemId: string; hidden: true }>;
  suggestionsShown: boolean;
  suggestions: string[];
}

export const pulses = pgTable(
  "pulses",
  {
    /** The pulse's request id (the contract's `requestId`). */
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    planId: uuid()
      .notNull()
      .references(() => coachingPlans.id, { onDelete: "cascade" }),
    /** The released report whose raters are asked. */
    sourceRequestId: uuid()
      .notNull()
      .references(() => feedbackRequests.id, { onDelete: "cascade" }),
    subjectId: uuid()
      .notNull()
      .references(() => people.id, { onDelete: "cascade" }),
    state: pulseStateEnum().notNull().default("scheduled"),
    opensOn: date({ mode: "string" }).notNull(),
    /** The day the plan was published: "Since <date>, …". */
    since: date({ mode: "string" }).notNull(),
    /** The behaviours asked about (the plan's focus when scheduled), in order. */
    items: jsonb().$type<string[]>().notNull(),
    instrumentVersion: integer().notNull(),
    /** The organisation's k, copied when the pulse opens and never changed after. */
    threshold: integer(),
    deadline: timestamp({ withTimezone: true }),
    invited: integer(),
    result: jsonb().$type<PulseResultColumn>(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    openedAt: timestamp({ withTimezone: true }),
    releasedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    index().on(t.orgId, t.planId),
    index().on(t.orgId, t.subjectId),
    index().on(t.state, t.opensOn),
    // One pulse waits or collects per plan at a time.
    uniqueIndex("pulses_one_pending_per_plan")
      .on(t.orgId, t.planId)
      .where(sql`${t.state} in ('scheduled', 'open')`),
    check("pulses_threshold_at_least_3", sql`${t.threshold} is null or ${t.threshold} >= 3`),
  ],
);

/** THAT a rater was asked and whether they answered, never WHAT (as `invitations`). */
export const pulseInvitations = pgTable(
  "pulse_invitations",
  {
    id: uuid().primaryKey().defaultRandom(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    pulseId: uuid()
      .notNull()
      .references(() => pulses.id, { onDelete: "cascade" }),
    personId: uuid().references(() => people.id, { onDelete: "set null" }),
    email: text(),
    /** SHA-256 (hex) of the one-time link's token; the token itself is never stored. */
    tokenHash: text().notNull().unique(),
    expiresAt: timestamp({ withTimezone: true }).notNull(),
    state: invitationStateEnum().notNull().default("pending"),
  },
  (t) => [
    unique().on(t.orgId, t.pulseId, t.personId),
    unique().on(t.orgId, t.pulseId, t.email),
    index().on(t.orgId, t.personId),
    index().on(t.orgId, t.pulseId),
    check("pulse_invitations_person_or_email", sql`(${t.personId} is not null) or (${t.email} is not null)`),
  ],
);

/** A pulse answer while the pulse collects: ciphertext only, no rater, no time (as `sealed_envelopes`). */
export const pulseEnvelopes = pgTable(
  "pulse_envelopes",
  {
    id: uuid().primaryKey(),
    orgId: uuid()
      .notNull()
      .references(() => organisations.id, { onDelete: "cascade" }),
    pulseId: uuid()
      .notNull()
      .references(() => pulses.id, { onDelete: "cascade" }),
    ciphertext: bytea().notNull(),
  },
  (t) => [index().on(t.orgId, t.pulseId)],
);
