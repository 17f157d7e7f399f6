// The rating form: one dimension per step, 1–5 or "not observed" per behaviour, a comment per
// dimension, a draft kept on this device as you go (never on the server), and a confirmation
// before the one and only submit (sent again with the same key after a network or server error).

import { Alert, Button, Group, Progress, Stack, Text, Title } from "@mantine/core";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation();
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
      <Alert color="gray" title={t("rating:closed.title")}>
        {t("rating:closed.body")}
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
        <Alert color="red" role="alert" title={t("rating:notSent")}>
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
  const { t } = useTranslation();
  const name = form.subject.name;
  return (
    <Alert
      color={done === "submitted" ? "green" : "gray"}
      title={done === "submitted" ? t("rating:finished.thanks") : t("rating:finished.declined")}
    >
      {done !== "submitted"
        ? t("rating:finished.declinedBody")
        : form.identifiable
          ? t("rating:finished.sealed", { name })
          : t("rating:finished.sealedAnonymous", { name })}
    </Alert>
  );
}

/** The promise the rater reads before rating, from the form's facts (the server's own sentence is English). */
function PromiseText({ form }: { form: FormInfo }) {
  const { t } = useTranslation();
  if (!form.counts) return t("rating:promise.notCounted");
  if (form.group === "self") return t("rating:promise.self");
  if (form.group === "manager") return t("rating:promise.manager");
  return t("rating:promise.anonymous", { threshold: form.threshold });
}

function RatingHeader(props: { form: FormInfo; answered: number; total: number; saved: DraftStatus }) {
  const { form, answered, total, saved } = props;
  const { t } = useTranslation();
  return (
    <>
      <div>
        <Title order={2}>
          {form.group === "self"
            ? t("rating:header.self")
            : t("rating:header.feedbackOn", { name: form.subject.name })}
        </Title>
        <Text c="dimmed" size="sm">
          {t("rating:header.meta", { organisation: form.organisation, deadline: formatDay(form.deadline) })}
        </Text>
      </div>
      <Alert
        color={form.identifiable ? "yellow" : "blue"}
        title={form.identifiable ? t("rating:header.notAnonymous") : t("rating:header.anonymous")}
      >
        <PromiseText form={form} />
      </Alert>
      <Group justify="space-between">
        <Text size="sm">{t("rating:header.rated", { answered, total })}</Text>
        <Text size="xs" c="dimmed" aria-live="polite" data-testid="draft-status">
          {saved === "saved" ? t("rating:draft.saved") : saved === "error" ? t("rating:draft.error") : ""}
        </Text>
      </Group>
      <Progress value={(100 * answered) / total} aria-label={t("rating:header.progress")} />
    </>
  );
}

function StepNav({ step, steps, onStep }: { step: number; steps: number; onStep: (step: number) => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between">
      <Button variant="default" onClick={() => onStep(Math.max(0, step - 1))} disabled={step === 0}>
        {t("rating:nav.back")}
      </Button>
      {step < steps ? (
        <Button onClick={() => onStep(Math.min(steps, step + 1))}>
          {step === steps - 1 ? t("rating:nav.review") : t("rating:nav.next")}
        </Button>
      ) : null}
    </Group>
  );
}
