// The contract of the admin procedures (people, teams, settings): what each takes and returns.
// Output schemas are exact (z.object drops unknown keys), so a column added later cannot leak.
// Moments travel as ISO strings (the procedures convert them), days as YYYY-MM-DD.
import { z } from "zod";
import { LANGUAGES } from "../i18n/languages";
import { RATER_GROUPS } from "../instrument/groups";
import { REQUEST_STATES } from "../lifecycle/request-state";
import { personEmailSchema, personNameSchema, teamNameSchema } from "../people-import/person";
import { PARTNER_ROLES, PARTNERSHIP_STATES } from "../plans/circle";
import { ACTION_STATUSES } from "../plans/plan-content";
import { PLAN_STATES } from "../plans/plan-state";
import { CADENCES } from "../plans/schedule";
import { roleSchema } from "../roles";
import { type OrganisationSettings, REPORT_MODES, settingsUpdateSchema } from "../settings/settings";

/** A uuid, refused with the sentence its field writes out whole (the web translates it as it is). */
const id = (error: string) => z.uuid({ error });

/** About 5,000 people at ~100 characters a row fit many times over; fastify's body limit is 5 MB. */
export const MAX_CSV_LENGTH = 4_000_000;

export const importInput = z.object({
  csv: z
    .string()
    .min(1, { error: "Paste or upload a CSV file" })
    .max(MAX_CSV_LENGTH, { error: "The file is larger than 4 MB: split it" }),
  dryRun: z.boolean(),
  /** A full import: active people missing from the file are deactivated (never deleted). */
  deactivateMissing: z.boolean().default(false),
});

export const personIdInput = z.object({ personId: id("The person must be an id") });

export const createPersonInput = z.object({
  name: personNameSchema,
  email: personEmailSchema,
  managerId: id("The manager must be an id").nullable().default(null),
  roles: z.array(roleSchema).max(4).default([]),
  teamIds: z.array(id("A team must be an id")).max(100).default([]),
});

export const updatePersonInput = z.object({
  personId: id("The person must be an id"),
  name: personNameSchema.optional(),
  email: personEmailSchema.optional(),
  managerId: id("The manager must be an id").nullable().optional(),
  active: z.boolean().optional(),
  teamIds: z.array(id("A team must be an id")).max(100).optional(),
});

export const setRolesInput = z.object({
  personId: id("The person must be an id"),
  roles: z.array(roleSchema).max(4),
});

export const upsertTeamInput = z.object({
  id: id("The team must be an id").optional(),
  name: teamNameSchema,
  memberIds: z.array(id("A member must be an id")).max(2_000).optional(),
  coachIds: z.array(id("A coach must be an id")).max(50).optional(),
});

export const teamIdInput = z.object({ teamId: id("The team must be an id") });

export { settingsUpdateSchema as settingsUpdateInput };

const named = z.object({ id: z.string(), name: z.string() });

/** A page of people.list: at most this many, 50 unless asked otherwise. */
export const PEOPLE_PAGE_DEFAULT = 50;
export const PEOPLE_PAGE_MAX = 100;

/**
 * people.list: the active people of the organisation, by name then id, a page at a time, for
 * picking raters, partners, members and coaches. `query` finds people whose name, last name or
 * e-mail address starts with it (case ignored); `ids` names chosen people; `emails` resolves pasted
 * addresses exactly.
 */
export const peopleListInput = z
  .object({
    query: z.string().trim().max(100, { error: "Search with at most 100 characters" }).optional(),
    cursor: z.string().max(600, { error: "This page link is not valid" }).optional(),
    limit: z
      .number()
      .int()
      .min(1, { error: "Ask for at least one person" })
      .max(PEOPLE_PAGE_MAX, { error: `Ask for at most ${PEOPLE_PAGE_MAX} people a page` })
      .default(PEOPLE_PAGE_DEFAULT),
    /** Only the members of this team. */
    teamId: id("The team must be an id").optional(),
    /** Only the direct reports of this person. */
    managerId: id("The manager must be an id").optional(),
    /** Only these people (e.g. to name the ones already chosen). */
    ids: z
      .array(id("A person must be an id"))
      .max(PEOPLE_PAGE_MAX, { error: `Ask for at most ${PEOPLE_PAGE_MAX} people by id at a time` })
      .optional(),
    /** Only the people with these addresses (case ignored). */
    emails: z
      .array(z.string().trim().max(320))
      .max(PEOPLE_PAGE_MAX, { error: `Resolve at most ${PEOPLE_PAGE_MAX} addresses at a time` })
      .optional(),
  })
  .default({ limit: PEOPLE_PAGE_DEFAULT });
export type PeopleListInput = z.output<typeof peopleListInput>;

export const personSummaryOutput = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  managerId: z.string().nullable(),
  teamIds: z.array(z.string()),
});
export type PersonSummaryOutput = z.output<typeof personSummaryOutput>;

export const peopleListOutput = z.object({
  people: z.array(personSummaryOutput),
  /** Opaque: pass it back for the next page; null on the last. */
  nextCursor: z.string().nullable(),
});
export type PeopleListOutput = z.output<typeof peopleListOutput>;

export const directoryEntryOutput = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  managerId: z.string().nullable(),
  active: z.boolean(),
  hasSignIn: z.boolean(),
  roles: z.array(roleSchema),
  teams: z.array(named),
  createdAt: z.string(),
});
export type DirectoryEntryOutput = z.output<typeof directoryEntryOutput>;
export const peopleDirectoryOutput = z.array(directoryEntryOutput);

/**
 * people.directoryPage (admins): the People page's list, a page at a time by name then id. `query`
 * finds people whose name, e-mail address or a team's name contains it (case ignored); `status`
 * keeps the active (default), the deactivated or everyone. Erased people are never listed.
 */
export const peopleDirectoryPageInput = z
  .object({
    query: z.string().trim().max(100, { error: "Search with at most 100 characters" }).optional(),
    status: z
      .enum(["active", "inactive", "all"], { error: "Choose active, inactive or all" })
      .default("active"),
    cursor: z.string().max(600, { error: "This page link is not valid" }).optional(),
    limit: z
      .number()
      .int()
      .min(1, { error: "Ask for at least one person" })
      .max(PEOPLE_PAGE_MAX, { error: `Ask for at most ${PEOPLE_PAGE_MAX} people a page` })
      .default(PEOPLE_PAGE_DEFAULT),
  })
  .default({ status: "active", limit: PEOPLE_PAGE_DEFAULT });
export type PeopleDirectoryPageInput = z.output<typeof peopleDirectoryPageInput>;

export const peopleDirectoryPageOutput = z.object({
  people: z.array(directoryEntryOutput.extend({ managerName: z.string().nullable() })),
  /** Opaque: pass it back for the next page; null on the last. */
  nextCursor: z.string().nullable(),
  /** The whole organisation (not erased), whatever the search: active and deactivated people. */
  counts: z.object({ active: z.number().int(), inactive: z.number().int() }),
});
export type PeopleDirectoryPageOutput = z.output<typeof peopleDirectoryPageOutput>;

const importCount = z.number().int();
export const importOutput = z.object({
  rows: z.array(
    z.object({
      line: z.number().int(),
      action: z.enum(["create", "update", "unchanged", "reject"]),
      errors: z.array(z.string()),
      name: z.string(),
      email: z.string(),
      changes: z.array(z.enum(["name", "manager", "roles", "teams", "reactivated"])),
    }),
  ),
  applied: z.boolean(),
  /** Who the full import deactivates (or would, in a dry run). */
  deactivated: z.array(z.object({ id: z.string(), name: z.string(), email: z.string() })),
  newTeams: z.array(z.string()),
  summary: z.object({
    create: importCount,
    update: importCount,
    unchanged: importCount,
    reject: importCount,
    deactivate: importCount,
  }),
});
export type ImportOutput = z.output<typeof importOutput>;

export const setRolesOutput = z.object({ roles: z.array(roleSchema) });

export const eraseOutput = z.object({
  erased: z.literal(true),
  deleted: z.object({
    requests: z.number().int(),
    reports: z.number().int(),
    plans: z.number().int(),
    mails: z.number().int(),
  }),
});
export type EraseOutput = z.output<typeof eraseOutput>;

export const teamOutput = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  members: z.array(named),
  coaches: z.array(named),
});
export type TeamOutput = z.output<typeof teamOutput>;
export const teamsListOutput = z.array(teamOutput);
export const removeTeamOutput = z.object({ removed: z.literal(true) });

/** The settings as stored (validated when written, so not again here) and how e-mail leaves. */
export const settingsOutput = z.object({
  anonymityThreshold: z.number().int(),
  commentThreshold: z.number().int(),
  showManagerApart: z.boolean(),
  adminsReadReports: z.boolean(),
  reminderDays: z.number().int(),
  externalRaterDomains: z.array(z.string()),
  historyWindowDays: z.number().int(),
  reportMode: z.enum(REPORT_MODES),
  language: z.enum(LANGUAGES),
  emailDelivery: z.enum(["mailbox", "smtp"]),
}) satisfies z.ZodType<OrganisationSettings & { emailDelivery: "mailbox" | "smtp" }>;

const moment = z.string();

/** people.export: what Fivefold holds about one person (a subject access request). */
export const exportOutput = z.object({
  exportedAt: moment,
  organisation: named,
  person: z.object({
    id: z.string(),
    name: z.string(),
    email: z.string(),
    active: z.boolean(),
    createdAt: moment,
    erasedAt: moment.nullable(),
    manager: named.nullable(),
    roles: z.array(roleSchema),
    teams: z.array(named),
    coachOf: z.array(named),
    directReports: z.array(named),
  }),
  signIn: z
    .object({
      email: z.string(),
      emailVerified: z.boolean(),
      createdAt: moment,
      sessions: z.array(
        z.object({
          createdAt: moment,
          expiresAt: moment,
          ipAddress: z.string().nullable(),
          userAgent: z.string().nullable(),
        }),
      ),
    })
    .nullable(),
  feedbackAboutThem: z.array(
    z.object({
      requestId: z.string(),
      state: z.enum(REQUEST_STATES),
      requester: named,
      deadline: moment,
      threshold: z.number().int(),
      createdAt: moment,
      openedAt: moment.nullable(),
      closedAt: moment.nullable(),
      report: z
        .object({
          releasedAt: moment,
          instrumentVersion: z.number().int(),
          snapshot: z.record(z.string(), z.unknown()),
        })
        .nullable(),
    }),
  ),
  feedbackTheyRequested: z.array(
    z.object({ requestId: z.string(), state: z.enum(REQUEST_STATES), subject: named, createdAt: moment }),
  ),
  invitationsToRate: z.array(
    z.object({
      requestId: z.string(),
      subjectName: z.string(),
      group: z.enum(RATER_GROUPS),
      /** Only in one's own export (DESIGN §4 rules 1 and 8). */
      state: z.enum(["pending", "draft", "submitted", "declined"]).optional(),
      expiresAt: moment,
    }),
  ),
  coachingPlans: z.array(
    z.object({
      id: z.string(),
      requestId: z.string(),
      state: z.enum(PLAN_STATES),
      startsOn: z.string(),
      endsOn: z.string(),
      createdAt: moment,
      // The contents: only where the exporter may read the report.
      focus: z.array(z.string()).optional(),
      strength: z.string().optional(),
      actions: z
        .array(
          z.object({
            id: z.string(),
            dimension: z.string(),
            text: z.string(),
            picked: z.boolean(),
            status: z.enum(ACTION_STATUSES),
          }),
        )
        .optional(),
      woop: z
        .object({ wish: z.string(), outcome: z.string(), obstacle: z.string(), plan: z.string() })
        .optional(),
      cadence: z.enum(CADENCES).optional(),
      progress: z.number().int().optional(),
      reflection: z.string().nullable().optional(),
      checkins: z
        .array(z.object({ progress: z.number().int(), note: z.string(), createdAt: moment }))
        .optional(),
    }),
  ),
  partnerships: z.array(
    z.object({
      planId: z.string(),
      role: z.enum(PARTNER_ROLES),
      state: z.enum(PARTNERSHIP_STATES),
      invitedAt: moment,
    }),
  ),
  encouragementsWritten: z.array(z.object({ text: z.string(), createdAt: moment })),
  partnerPreferences: z.object({ optIn: z.boolean(), dimensions: z.array(z.string()) }).nullable(),
  emails: z.array(
    z.object({
      template: z.string(),
      subject: z.string(),
      state: z.enum(["pending", "sending", "sent", "failed"]),
      createdAt: moment,
      sentAt: moment.nullable(),
    }),
  ),
  auditEntries: z.array(
    z.object({
      action: z.string(),
      targetType: z.string(),
      targetId: z.string().nullable(),
      asActor: z.boolean(),
      createdAt: moment,
    }),
  ),
  notes: z.array(z.string()),
});
export type ExportOutput = z.output<typeof exportOutput>;
