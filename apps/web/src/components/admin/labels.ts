// Codes the admin pages show, each through an `admin:` key where it is shown: import results (with
// their colours) and the audit actions the log's filter offers.
export const ACTION_COLORS: Record<string, string> = {
  create: "green",
  update: "blue",
  unchanged: "gray",
  reject: "red",
};

/** The actions the audit log's filter offers; their words are `admin:audit.actions.<action>`. */
export const AUDIT_ACTIONS = [
  "people.import",
  "people.create",
  "people.update",
  "people.deactivate",
  "people.reactivate",
  "people.roles",
  "people.erase",
  "people.export",
  "teams.create",
  "teams.update",
  "teams.remove",
  "settings.update",
  "sso.update",
  "sso.remove",
  "instrument.draft",
  "instrument.publish",
  "chat.update",
  "chat.remove",
  "requests.create",
  "requests.open",
  "requests.close",
  "requests.cancel",
  "requests.remind",
  "requests.extend",
  "requests.addRater",
  "nominations.decide",
  "mail.resend",
  "followups.thank",
] as const;
