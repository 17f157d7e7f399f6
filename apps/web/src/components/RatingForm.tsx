// The rating form: one dimension per step, 1–5 or "not observed" per behaviour, a comment per
// dimension, a draft kept on this device as you go (never on the server), and a confirmation
// before the one and only submit (sent again with the same key after a network or server error).

import { Alert, Button, Group, Progress, Stack, Text, Title } from "@mantine/core";
import { useEffect, useMemo, useRef, useState } from "react";
import { formatDay } from "../lib/format";
import { DimensionStep, focusItem } from "./rating/DimensionStep";
import { ConfirmDecline, ConfirmSubmit } from "./rating/RatingDialogs";
import { REVIEW_HEADING_ID, ReviewStep } from "./rating/ReviewStep";
import type { FormInfo, InstrumentInfo } from "./rating/types";
import { type DraftStatus, toPayload, useRatingForm } from "./rating/useRatingForm";
import { type SubmitAnswers, useSendAnswers } from "./rating/useSendAnswers";

export type { AnswerPayload, FormInfo, InstrumentInfo } from "./rating/types";

interface Props {
  form: FormInfo;
  instrument: InstrumentInfo;
  /** `idempotencyKey`: the same for every attempt of this form's submit; `signal` ends one attempt. */
  onSubmit: SubmitAnswers;
  onDecline: () => Promise<unknown>;
}

export function RatingForm({ form, instrument, onSubmit, onDecline }: Props) {
  const { rating, saved, forgetDraft } = useRatingForm(form, instrument);
  const send = useSendAnswers({ onSubmit, onDecline, onDone: forgetDraft });
  const [step, setStep] = useState(0);
  const [dialog, setDialog] = useState<"submit" | "decline" | null>(null);
  const dimensions = instrument.dimensions;
  const items = useMemo(() => dimensions.flatMap((d) => d.items), [dimensions]);
  useStepFocus(step, dimensions);

  const done = send.outcome ?? (form.state === "submitted" || form.state === "declined" ? form.state : null);
  if (done) return <Finished done={done} form={form} />;
  if (form.requestState !== "open") {
    return (
      <Alert color="gray" title="This request is closed">
        Answers are no longer accepted.
      </Alert>
    );
  }

  const answers = rating.values.answers;
  const answered = items.filter((item) => item.id in answers).length;
  const missing = items.filter((item) => !(item.id in answers));
  const commentProblem = Object.entries(rating.errors).find(([path]) => path.startsWith("comments."))?.[1];
  const firstIndex = dimensions.slice(0, step).reduce((sum, d) => sum + d.items.length, 0);
  const closeAfter = (action: Promise<void>) => action.finally(() => setDialog(null));

  return (
    <Stack maw={760}>
      <RatingHeader form={form} answered={answered} total={items.length} saved={saved} />
      {send.error ? (
        <Alert color="red" role="alert" title="Not sent">
          {send.error}
        </Alert>
      ) : null}
      {step < dimensions.length ? (
        <DimensionStep
          rating={rating}
          instrument={instrument}
          step={step}
          firstIndex={firstIndex}
          identifiable={form.identifiable}
          subjectName={form.subject.name}
        />
      ) : (
        <ReviewStep
          missing={missing}
          commentProblem={commentProblem ? String(commentProblem) : null}
          canDecline={form.group !== "self"}
          onSubmit={() => setDialog("submit")}
          onDecline={() => setDialog("decline")}
        />
      )}
      <StepNav step={step} steps={dimensions.length} onStep={setStep} />
      <ConfirmSubmit
        opened={dialog === "submit"}
        onClose={() => setDialog(null)}
        onConfirm={() => closeAfter(send.submit(toPayload(rating.values)))}
        busy={send.busy}
        retrying={send.retrying}
      />
      <ConfirmDecline
        opened={dialog === "decline"}
        onClose={() => setDialog(null)}
        onConfirm={() => closeAfter(send.decline())}
        busy={send.busy}
      />
    </Stack>
  );
}

/**
 * After "Next" or "Back" focus moves to the step's first behaviour, after "Review" to the review's
 * heading, so a keyboard or screen-reader user starts where the new step starts (not ten tabs
 * away, nor on the page body). Not on the first render: the page keeps its own starting point.
 */
function useStepFocus(step: number, dimensions: InstrumentInfo["dimensions"]) {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (step < dimensions.length) {
      focusItem(dimensions.slice(0, step).reduce((sum, d) => sum + d.items.length, 0));
    } else {
      document.getElementById(REVIEW_HEADING_ID)?.focus();
    }
  }, [step, dimensions]);
}

function Finished({ done, form }: { done: "submitted" | "declined"; form: FormInfo }) {
  return (
    <Alert
      color={done === "submitted" ? "green" : "gray"}
      title={done === "submitted" ? "Thank you" : "Declined"}
    >
      {done === "submitted"
        ? `Your feedback on ${form.subject.name} is sealed. ${form.identifiable ? "" : "It will only ever be shown combined with others'."}`
        : "You declined this invitation. Nobody is told who declined."}
    </Alert>
  );
}

function RatingHeader(props: { form: FormInfo; answered: number; total: number; saved: DraftStatus }) {
  const { form, answered, total, saved } = props;
  return (
    <>
      <div>
        <Title order={2}>
          {form.group === "self" ? "Your self-assessment" : `Feedback on ${form.subject.name}`}
        </Title>
        <Text c="dimmed" size="sm">
          {form.organisation} · answer by {formatDay(form.deadline)}
        </Text>
      </div>
      <Alert
        color={form.identifiable ? "yellow" : "blue"}
        title={form.identifiable ? "Not anonymous" : "Anonymous"}
      >
        {form.promise}
      </Alert>
      <Group justify="space-between">
        <Text size="sm">
          {answered} of {total} behaviours rated
        </Text>
        <Text size="xs" c="dimmed" aria-live="polite" data-testid="draft-status">
          {saved === "saved"
            ? "Draft kept on this device"
            : saved === "error"
              ? "Draft not kept: this browser does not allow saving"
              : ""}
        </Text>
      </Group>
      <Progress value={(100 * answered) / total} aria-label="Rated so far" />
    </>
  );
}

function StepNav({ step, steps, onStep }: { step: number; steps: number; onStep: (step: number) => void }) {
  return (
    <Group justify="space-between">
      <Button variant="default" onClick={() => onStep(Math.max(0, step - 1))} disabled={step === 0}>
        Back
      </Button>
      {step < steps ? (
        <Button onClick={() => onStep(Math.min(steps, step + 1))}>
          {step === steps - 1 ? "Review" : "Next"}
        </Button>
      ) : null}
    </Group>
  );
}
