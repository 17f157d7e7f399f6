// Words the UI uses for rater groups and request states, in the page's language. The maps keep
// their shape (`GROUP_LABELS[group]`, `STATE_LABELS[state].label`) but each word is a getter, so it
// is looked up when it is shown, never once at module load in whichever language came first.
import { RATER_GROUPS, type RaterGroup, ROLES } from "@fivefold/domain";
import i18next from "i18next";
import { sentence } from "../i18n/sentence";

/** A rater group's name ("Peers", "Kolleginnen und Kollegen"). */
export function groupLabel(group: RaterGroup): string {
  return i18next.t(`common:group.${group}`);
}

export const GROUP_LABELS = {} as Record<RaterGroup, string>;
for (const group of RATER_GROUPS) {
  Object.defineProperty(GROUP_LABELS, group, { enumerable: true, get: () => groupLabel(group) });
}

const STATE_COLORS: Record<string, string> = {
  draft: "gray",
  open: "blue",
  closed: "gray",
  released: "green",
  insufficient: "orange",
  cancelled: "gray",
  pending: "gray",
  "started-here": "blue",
  submitted: "green",
  declined: "gray",
};

/** A request's or invitation's state in words ("Collecting"). */
export function stateLabel(state: string): string {
  return state in STATE_COLORS ? i18next.t(`common:state.${state}`) : state;
}

export const STATE_LABELS: Record<string, { label: string; color: string }> = {};
for (const [state, color] of Object.entries(STATE_COLORS)) {
  STATE_LABELS[state] = Object.defineProperty({ color } as { label: string; color: string }, "label", {
    enumerable: true,
    get: () => stateLabel(state),
  });
}

/** A role's name as the badges show it ("admin"). */
export function roleLabel(role: string): string {
  return (ROLES as readonly string[]).includes(role) ? i18next.t(`common:role.${role}`) : role;
}

/** What went wrong, in the page's language: the server's (English) sentence through i18n/sentence.ts. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? sentence(error.message) : i18next.t("common:error.generic");
}

/** The server's message per field of a refused call (`error.data.fields`), in the page's language. */
export function fieldMessages(error: unknown): Record<string, string> {
  const data = error instanceof Error ? (error as { data?: { fields?: unknown } }).data : undefined;
  const fields = data?.fields;
  if (!fields || typeof fields !== "object") return {};
  return Object.fromEntries(
    Object.entries(fields as Record<string, unknown>)
      .filter((entry): entry is [string, string] => typeof entry[1] === "string")
      .map(([path, message]) => [path, sentence(message)]),
  );
}
