// Sending the answers or the decline. The submit carries a key chosen once per form, and is sent
// again with it after a network or server error: if the first attempt was stored but its answer
// lost, the repeat is told it succeeded.
import i18next from "i18next";
import { useState } from "react";
import { errorMessage } from "../../lib/labels";
import { withRetries } from "../../lib/retry";
import { isClientError } from "../../lib/trpc";
import type { AnswerPayload } from "./types";

export type SubmitAnswers = (
  payload: AnswerPayload & { idempotencyKey: string },
  signal: AbortSignal,
) => Promise<unknown>;

export function useSendAnswers(input: {
  onSubmit: SubmitAnswers;
  onDecline: () => Promise<unknown>;
  onDone: () => void;
}) {
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const [outcome, setOutcome] = useState<"submitted" | "declined" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [retrying, setRetrying] = useState(false);

  const run = async (
    send: () => Promise<unknown>,
    done: "submitted" | "declined",
    failure: (e: unknown) => string,
  ) => {
    setBusy(true);
    setError(null);
    try {
      await send();
      input.onDone();
      setOutcome(done);
    } catch (e) {
      setError(failure(e));
    } finally {
      setBusy(false);
      setRetrying(false);
    }
  };

  const submit = (payload: AnswerPayload) =>
    run(
      () =>
        withRetries((signal) => input.onSubmit({ ...payload, idempotencyKey }, signal), {
          onRetry: () => setRetrying(true),
        }),
      "submitted",
      (e) => (isClientError(e) ? errorMessage(e) : i18next.t("rating:sendFailed")),
    );
  const decline = () => run(input.onDecline, "declined", errorMessage);
  return { submit, decline, outcome, error, busy, retrying };
}
