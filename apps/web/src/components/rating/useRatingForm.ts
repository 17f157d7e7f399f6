// The rating form's values, checked with the domain's own schemas (a score 1–5 or not observed, a
// comment within the limit as the server counts it), and the draft kept on this device: restored
// when the form opens, saved a moment after each change and at once when the page goes away. The
// draft never leaves the browser, so keeping it sends no request.
import { commentTextSchema, scoreSchema } from "@fivefold/domain";
import { useForm } from "@mantine/form";
import { useEffect, useRef, useState } from "react";
import { z } from "zod";
import { schemaResolver } from "../../lib/form";
import { clearLocalDraft, loadLocalDraft, saveLocalDraft } from "../../lib/local-draft";
import type { AnswerPayload, FormInfo, InstrumentInfo, RatingValues } from "./types";

const ratingSchema = z.object({
  answers: z.record(z.string(), scoreSchema),
  comments: z.record(z.string(), commentTextSchema),
});

export function toPayload(values: RatingValues): AnswerPayload {
  return {
    answers: Object.entries(values.answers).map(([itemId, score]) => ({ itemId, score })),
    comments: Object.entries(values.comments)
      .filter(([, text]) => text.trim() !== "")
      .map(([dimension, text]) => ({ dimension, text })),
  };
}

export type DraftStatus = "idle" | "saved" | "error";

export function useRatingForm(form: FormInfo, instrument: InstrumentInfo) {
  const answerable = form.requestState === "open" && form.state === "pending";
  const [draft] = useState(() => (answerable ? loadLocalDraft(form.invitationId, instrument) : null));
  const dirty = useRef(false);
  const rating = useForm<RatingValues>({
    initialValues: {
      answers: Object.fromEntries((draft?.answers ?? []).map((a) => [a.itemId, a.score])),
      comments: Object.fromEntries((draft?.comments ?? []).map((c) => [c.dimension, c.text])),
    },
    validate: schemaResolver<RatingValues>(ratingSchema),
    validateInputOnChange: true,
    onValuesChange: () => {
      dirty.current = true;
    },
  });
  const [saved, setSaved] = useState<DraftStatus>(draft ? "saved" : "idle");

  // A moment after the last change, and at once when the page goes away (a reload or a closed tab
  // within that moment would lose the last words typed).
  const latest = useRef(rating.values);
  latest.current = rating.values;
  useEffect(() => {
    if (!dirty.current) return;
    const save = () => {
      if (!dirty.current) return; // submitted or declined meanwhile: keep nothing
      const kept = saveLocalDraft(form.invitationId, form.instrumentVersion, toPayload(latest.current));
      setSaved(kept ? "saved" : "error");
    };
    const timer = setTimeout(save, 400);
    window.addEventListener("pagehide", save);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("pagehide", save);
    };
  }, [rating.values, form.invitationId, form.instrumentVersion]);

  // Answered, declined or closed: a draft left on this device is of no use to anyone.
  useEffect(() => {
    if (!answerable) clearLocalDraft(form.invitationId);
  }, [answerable, form.invitationId]);

  /** Submitted or declined: keep nothing on this device from now on. */
  const forgetDraft = () => {
    dirty.current = false;
    clearLocalDraft(form.invitationId);
  };
  return { rating, saved, forgetDraft };
}
