// Drafts live in this browser only (DESIGN §4 rule 11): the server never holds unsent answers next
// to an invitation. A draft is kept under its invitation id (the link's token is never stored),
// restored when the form is opened again on this device, and removed on submit, on decline, and
// once the invitation can no longer be answered.

export interface LocalDraft {
  answers: Array<{ itemId: string; score: number | null }>;
  comments: Array<{ dimension: string; text: string }>;
}

interface Stored extends LocalDraft {
  instrumentVersion: number;
  savedAt: string;
}

const PREFIX = "fivefold.draft.";
const keyOf = (invitationId: string) => `${PREFIX}${invitationId}`;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    return null; // storage disabled (some private modes)
  }
}

/** The questionnaire as the form has it (from `instrument.get`). */
interface Questionnaire {
  version: number;
  dimensions: ReadonlyArray<{ key: string; items: ReadonlyArray<{ id: string }> }>;
}

/**
 * The draft kept for this invitation, if it was written for this questionnaire. Only what still
 * fits it comes back (the server checks the answers again on submit); anything else is dropped.
 */
export function loadLocalDraft(invitationId: string, questionnaire: Questionnaire): LocalDraft | null {
  const raw = storage()?.getItem(keyOf(invitationId));
  if (!raw) return null;
  let stored: Partial<Stored>;
  try {
    stored = JSON.parse(raw) as Partial<Stored>;
  } catch {
    return null;
  }
  if (stored.instrumentVersion !== questionnaire.version) return null;
  const items = new Set(questionnaire.dimensions.flatMap((d) => d.items.map((item) => item.id)));
  const dimensions = new Set(questionnaire.dimensions.map((d) => d.key));
  const answers = (Array.isArray(stored.answers) ? stored.answers : []).filter(
    (a) =>
      items.delete(a?.itemId) &&
      (a.score === null || (Number.isInteger(a.score) && a.score >= 1 && a.score <= 5)),
  );
  const comments = (Array.isArray(stored.comments) ? stored.comments : []).filter(
    (c) => typeof c?.text === "string" && dimensions.delete(c.dimension),
  );
  return { answers, comments };
}

/** Keeps the draft; false when this browser does not let us (then nothing is kept anywhere). */
export function saveLocalDraft(invitationId: string, instrumentVersion: number, draft: LocalDraft): boolean {
  const store = storage();
  if (!store) return false;
  const stored: Stored = { ...draft, instrumentVersion, savedAt: new Date().toISOString() };
  try {
    store.setItem(keyOf(invitationId), JSON.stringify(stored));
    return true;
  } catch {
    return false; // quota exceeded
  }
}

export function clearLocalDraft(invitationId: string): void {
  storage()?.removeItem(keyOf(invitationId));
}

export function hasLocalDraft(invitationId: string): boolean {
  return Boolean(storage()?.getItem(keyOf(invitationId)));
}
