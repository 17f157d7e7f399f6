// The rating form's inputs as the API returns them, and the answers it sends.
import type { AppRouter } from "@fivefold/api";
import type { inferRouterOutputs } from "@trpc/server";

type Outputs = inferRouterOutputs<AppRouter>;
export type FormInfo = Outputs["responses"]["get"];
/** The questionnaire the invitation froze, each behaviour with its wording per language. */
export type InstrumentInfo = FormInfo["instrument"];

export interface AnswerPayload {
  answers: Array<{ itemId: string; score: number | null }>;
  comments: Array<{ dimension: string; text: string }>;
}

/** A score 1–5, or null for "not observed"; a behaviour without a key is not answered yet. */
export type Answer = number | null;

export interface RatingValues {
  answers: Record<string, Answer>;
  comments: Record<string, string>;
}
