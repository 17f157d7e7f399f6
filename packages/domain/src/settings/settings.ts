// An organisation's settings: the anonymity threshold k (never below 3, copied onto a request when it
// opens, so a change applies to requests opened afterwards), the comment threshold (never below k),
// whether the manager is shown apart, whether admins may read reports, and reminder days.
import { z } from "zod";
import { normaliseDomain, PUBLIC_MAIL_DOMAINS } from "../anonymity/addresses";
import { InvalidInputError } from "../errors";
import { languageSchema } from "../i18n/languages";

export const MIN_ANONYMITY_THRESHOLD = 3;
/** A request takes at most 20 anonymous raters, so a larger k could never release a report. */
export const MAX_ANONYMITY_THRESHOLD = 20;
export const MAX_REMINDER_DAYS = 60;
/** How far back rule 10 compares a new report with earlier ones on the same person. */
export const DEFAULT_HISTORY_WINDOW_DAYS = 120;
export const MAX_HISTORY_WINDOW_DAYS = 730;
export const MAX_EXTERNAL_DOMAINS = 100;
/**
 * How a report opens: with the scores, or with behaviours and suggested actions (feedback aimed at
 * the task rather than the self, Kluger and DeNisi 1996). A reader may switch for themself.
 */
export const REPORT_MODES = ["scores", "behaviours"] as const;
export type ReportMode = (typeof REPORT_MODES)[number];

/**
 * Domains whose addresses count as external raters (rule 9): partners the organisation vouches
 * for. A public mail provider never can: anyone may open an address there, a reader included.
 */
const externalDomains = z
  .array(z.string({ error: "Each external domain is a domain name such as partner.com" }).max(253), {
    error: "Give the external domains as a list of domain names",
  })
  .max(MAX_EXTERNAL_DOMAINS, { error: `At most ${MAX_EXTERNAL_DOMAINS} external domains` })
  .transform((values, ctx) => {
    const domains: string[] = [];
    values.forEach((value, index) => {
      const domain = normaliseDomain(value);
      if (!domain) {
        ctx.addIssue({
          code: "custom",
          path: [index],
          message: `"${value.trim()}" is not a domain name such as partner.com`,
        });
      } else if (PUBLIC_MAIL_DOMAINS.has(domain)) {
        ctx.addIssue({
          code: "custom",
          path: [index],
          message: `${domain} is a public mail provider: anyone can open an address there, so it cannot vouch for a rater`,
        });
      } else if (!domains.includes(domain)) domains.push(domain);
    });
    return domains.sort();
  });

/** A threshold's range, refused with the sentences its setting writes out whole. */
const threshold = (error: { whole: string; min: string; max: string }) =>
  z
    .number({ error: error.whole })
    .int({ error: error.whole })
    .min(MIN_ANONYMITY_THRESHOLD, { error: error.min })
    .max(MAX_ANONYMITY_THRESHOLD, { error: error.max });

export const organisationSettingsSchema = z.object({
  anonymityThreshold: threshold({
    whole: "The anonymity threshold must be a whole number",
    min: `The anonymity threshold is at least ${MIN_ANONYMITY_THRESHOLD}`,
    max: `The anonymity threshold is at most ${MAX_ANONYMITY_THRESHOLD}`,
  }),
  commentThreshold: threshold({
    whole: "The comment threshold must be a whole number",
    min: `The comment threshold is at least ${MIN_ANONYMITY_THRESHOLD}`,
    max: `The comment threshold is at most ${MAX_ANONYMITY_THRESHOLD}`,
  }),
  showManagerApart: z.boolean(),
  adminsReadReports: z.boolean(),
  reminderDays: z
    .number({ error: "Reminder days must be a whole number" })
    .int({ error: "Reminder days must be a whole number" })
    .min(0, { error: "Reminder days are 0 (no reminder) or more" })
    .max(MAX_REMINDER_DAYS, { error: `Reminder days are at most ${MAX_REMINDER_DAYS}` }),
  externalRaterDomains: externalDomains,
  historyWindowDays: z
    .number({ error: "The comparison window must be a whole number of days" })
    .int({ error: "The comparison window must be a whole number of days" })
    .min(0, { error: "The comparison window is 0 days (off) or more" })
    .max(MAX_HISTORY_WINDOW_DAYS, {
      error: `The comparison window is at most ${MAX_HISTORY_WINDOW_DAYS} days`,
    }),
  reportMode: z.enum(REPORT_MODES, { error: 'The report layout is "scores" or "behaviours"' }),
  /** The language of the web and the e-mails for everyone who did not choose their own. */
  language: languageSchema,
});

export type OrganisationSettings = z.output<typeof organisationSettingsSchema>;
export type SettingKey = keyof OrganisationSettings;

/** Any subset of the settings; the rest stay as they are. */
export const settingsUpdateSchema = organisationSettingsSchema.partial();
export type SettingsUpdate = z.output<typeof settingsUpdateSchema>;

export interface SettingChange<K extends SettingKey = SettingKey> {
  key: K;
  from: OrganisationSettings[K];
  to: OrganisationSettings[K];
}

const KEYS = Object.keys(organisationSettingsSchema.shape) as SettingKey[];

/** The settings after an update, and what changed; throws when the result breaks a rule. */
export function applySettingsUpdate(
  current: OrganisationSettings,
  update: SettingsUpdate,
): { next: OrganisationSettings; changes: SettingChange[] } {
  const next: OrganisationSettings = { ...current };
  for (const key of KEYS) {
    const value = update[key];
    if (value !== undefined) (next as Record<SettingKey, unknown>)[key] = value;
  }
  if (next.commentThreshold < next.anonymityThreshold) {
    throw new InvalidInputError(
      `The comment threshold (${next.commentThreshold}) cannot be below the anonymity threshold (${next.anonymityThreshold})`,
      { commentThreshold: `At least ${next.anonymityThreshold}, the anonymity threshold` },
    );
  }
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const changes = KEYS.filter((key) => !same(next[key], current[key])).map(
    (key) => ({ key, from: current[key], to: next[key] }) as SettingChange,
  );
  return { next, changes };
}

/**
 * The policy a request is released under: the organisation's current comment threshold and manager
 * display, with the comment threshold raised to the request's frozen k when k was raised since.
 */
export function releasePolicy(
  settings: Pick<OrganisationSettings, "commentThreshold" | "showManagerApart">,
  requestThreshold: number,
): { commentThreshold: number; showManagerApart: boolean } {
  return {
    commentThreshold: Math.max(settings.commentThreshold, requestThreshold),
    showManagerApart: settings.showManagerApart,
  };
}
