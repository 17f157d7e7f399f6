// Drafts live in this browser only (DESIGN §4 rule 11): the server never holds unsent answers next
// to an invitation. A draft is kept under its invitation id (the link's token is never stored),
// restored when the form is opened again on this device, and removed on submit, on decline, and
// once the invitation can no longer be answered.
import { answerDraftSchema, getInstrument } from "@fivefold/domain";

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

/** The draft kept for this invitation, if it still fits the questionnaire it was written for. */
export function loadLocalDraft(invitationId: string, instrumentVersion: number): LocalDraft | null {
  const raw = storage()?.getItem(keyOf(invitationId));
  if (!raw) return null;
  try {
    const stored = JSON.parse(raw) as Stored;
    if (stored.instrumentVersion !== instrumentVersion) return null;
    const parsed = answerDraftSchema(getInstrument(instrumentVersion)).safeParse(stored);
    return parsed.success ? { answers: parsed.data.answers, comments: parsed.data.comments } : null;
  } catch {
    return null;
  }
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
