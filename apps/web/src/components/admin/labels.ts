// Words the admin pages use: import results, audit actions, roles.
export const ACTION_LABELS: Record<string, { label: string; color: string }> = {
  create: { label: "New", color: "green" },
  update: { label: "Update", color: "blue" },
  unchanged: { label: "Unchanged", color: "gray" },
  reject: { label: "Rejected", color: "red" },
};

export const CHANGE_LABELS: Record<string, string> = {
  name: "name",
  manager: "manager",
  roles: "roles",
  teams: "teams",
  reactivated: "reactivated",
};

export const AUDIT_LABELS: Record<string, string> = {
  "people.import": "Imported people",
  "people.create": "Added a person",
  "people.update": "Edited a person",
  "people.deactivate": "Deactivated a person",
  "people.reactivate": "Reactivated a person",
  "people.roles": "Changed roles",
  "people.erase": "Erased a person's data",
  "people.export": "Exported a person's data",
  "teams.create": "Created a team",
  "teams.update": "Changed a team",
  "teams.remove": "Removed a team",
  "settings.update": "Changed settings",
  "sso.update": "Changed single sign-on",
  "sso.remove": "Removed single sign-on",
  "instrument.draft": "Saved a draft of the instrument",
  "instrument.publish": "Published a version of the instrument",
  "chat.update": "Changed chat notifications (Slack)",
  "chat.remove": "Disconnected Slack",
  "requests.create": "Requested feedback",
  "requests.open": "Opened a request",
  "requests.close": "Closed a request",
  "requests.cancel": "Cancelled a request",
  "requests.remind": "Reminded non-responders",
  "requests.extend": "Extended a request's deadline",
  "requests.addRater": "Added a rater to a request",
  "nominations.decide": "Decided on a nomination",
  "mail.resend": "Sent an e-mail again",
  "followups.thank": "Thanked their raters",
};

export const ROLE_LABELS: Record<string, string> = {
  admin: "Admin",
  manager: "Manager",
  coach: "Coach",
  member: "Member",
};
