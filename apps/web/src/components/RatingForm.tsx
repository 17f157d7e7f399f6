// The rating form: one dimension per step, 1–5 or "not observed" per behaviour, a comment per
// dimension, a draft kept on this device as you go (never on the server), and a confirmation
// before the one and only submit. The submit carries a key chosen once per form, and is sent again
// with it after a network or server error: if the first attempt was stored but its answer lost,
// the repeat is told it succeeded.
// Keyboard: arrow keys move within a behaviour, 1–5 choose a score, 0 or N "not observed",
// Enter moves to the next behaviour.

import type { AppRouter } from "@fivefold/api";
import { formatDay } from "@fivefold/domain";
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  List,
  Modal,
  Progress,
  Radio,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import type { inferRouterOutputs } from "@trpc/server";
import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from "react";
import { errorMessage } from "../lib/labels";
import { clearLocalDraft, loadLocalDraft, saveLocalDraft } from "../lib/local-draft";
import { withRetries } from "../lib/retry";
import { isClientError } from "../lib/trpc";

type Outputs = inferRouterOutputs<AppRouter>;
export type FormInfo = Outputs["responses"]["get"];
export type InstrumentInfo = Outputs["instrument"]["get"];

export interface AnswerPayload {
  answers: Array<{ itemId: string; score: number | null }>;
  comments: Array<{ dimension: string; text: string }>;
}

type Answer = number | null; // null = not observed; missing key = not answered yet

interface Props {
  form: FormInfo;
  instrument: InstrumentInfo;
  /** `idempotencyKey`: the same for every attempt of this form's submit; `signal` ends one attempt. */
  onSubmit: (payload: AnswerPayload & { idempotencyKey: string }, signal: AbortSignal) => Promise<unknown>;
  onDecline: () => Promise<unknown>;
}

const NOT_OBSERVED = "na";
const COMMENT_MAX = 2000;

export function RatingForm({ form, instrument, onSubmit, onDecline }: Props) {
  const answerable = form.requestState === "open" && form.state === "pending";
  const [draft] = useState(() => (answerable ? loadLocalDraft(form.invitationId, instrument) : null));
  const [answers, setAnswers] = useState<Record<string, Answer>>(() =>
    Object.fromEntries((draft?.answers ?? []).map((a) => [a.itemId, a.score])),
  );
  const [comments, setComments] = useState<Record<string, string>>(() =>
    Object.fromEntries((draft?.comments ?? []).map((c) => [c.dimension, c.text])),
  );
  const [step, setStep] = useState(0);
  const [saved, setSaved] = useState<"idle" | "saved" | "error">(draft ? "saved" : "idle");
  const [confirming, setConfirming] = useState(false);
  const [declining, setDeclining] = useState(false);
  const [outcome, setOutcome] = useState<"submitted" | "declined" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [retrying, setRetrying] = useState(false);
  const dirty = useRef(false);
  const [idempotencyKey] = useState(() => crypto.randomUUID());

  const dimensions = instrument.dimensions;
  const items = useMemo(() => dimensions.flatMap((d) => d.items), [dimensions]);
  const answered = items.filter((item) => item.id in answers).length;
  const reviewStep = dimensions.length;

  const payload = (): AnswerPayload => ({
    answers: Object.entries(answers).map(([itemId, score]) => ({ itemId, score })),
    comments: Object.entries(comments)
      .filter(([, text]) => text.trim() !== "")
      .map(([dimension, text]) => ({ dimension, text })),
  });

  // Keep the draft on this device a moment after the last change, and at once when the page goes
  // away (a reload or a closed tab within that moment would lose the last words typed).
  const latest = useRef(payload);
  latest.current = payload;
  useEffect(() => {
    if (!dirty.current) return;
    const save = () => {
      if (!dirty.current) return; // submitted or declined meanwhile: keep nothing
      setSaved(
        saveLocalDraft(form.invitationId, form.instrumentVersion, latest.current()) ? "saved" : "error",
      );
    };
    const timer = setTimeout(save, 400);
    window.addEventListener("pagehide", save);
    return () => {
      clearTimeout(timer);
      window.removeEventListener("pagehide", save);
    };
  }, [answers, comments, form.invitationId, form.instrumentVersion]);

  // Answered, declined or closed: a draft left on this device is of no use to anyone.
  useEffect(() => {
    if (!answerable) clearLocalDraft(form.invitationId);
  }, [answerable, form.invitationId]);

  if (outcome || form.state === "submitted" || form.state === "declined") {
    const done = outcome ?? form.state;
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
  if (form.requestState !== "open") {
    return (
      <Alert color="gray" title="This request is closed">
        Answers are no longer accepted.
      </Alert>
    );
  }

  const setAnswer = (itemId: string, value: Answer) => {
    dirty.current = true;
    setAnswers((current) => ({ ...current, [itemId]: value }));
  };

  const focusItem = (index: number) => {
    const next = document.querySelector<HTMLInputElement>(
      `[data-item-index="${index}"] input:checked, [data-item-index="${index}"] input`,
    );
    next?.focus();
  };

  const onItemKey = (event: KeyboardEvent, itemId: string, index: number) => {
    if (/^[1-5]$/.test(event.key)) {
      setAnswer(itemId, Number(event.key));
      event.preventDefault();
    } else if (event.key === "0" || event.key.toLowerCase() === "n") {
      setAnswer(itemId, null);
      event.preventDefault();
    } else if (event.key === "Enter") {
      event.preventDefault();
      focusItem(index + 1);
    }
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const answers = payload();
      await withRetries((signal) => onSubmit({ ...answers, idempotencyKey }, signal), {
        onRetry: () => setRetrying(true),
      });
      dirty.current = false;
      clearLocalDraft(form.invitationId);
      setOutcome("submitted");
    } catch (e) {
      setError(
        isClientError(e)
          ? errorMessage(e)
          : "Your feedback could not be sent: the connection or the server failed. Submit again: with the same form it is never counted twice.",
      );
    } finally {
      setBusy(false);
      setRetrying(false);
      setConfirming(false);
    }
  };

  const decline = async () => {
    setBusy(true);
    setError(null);
    try {
      await onDecline();
      dirty.current = false;
      clearLocalDraft(form.invitationId);
      setOutcome("declined");
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
      setDeclining(false);
    }
  };

  const dimension = dimensions[step];
  const missing = items.filter((item) => !(item.id in answers));
  const firstIndex = dimensions.slice(0, step).reduce((sum, d) => sum + d.items.length, 0);

  return (
    <Stack maw={760}>
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
          {answered} of {items.length} behaviours rated
        </Text>
        <Text size="xs" c="dimmed" aria-live="polite" data-testid="draft-status">
          {saved === "saved"
            ? "Draft kept on this device"
            : saved === "error"
              ? "Draft not kept: this browser does not allow saving"
              : ""}
        </Text>
      </Group>
      <Progress value={(100 * answered) / items.length} aria-label="Rated so far" />
      {error ? (
        <Alert color="red" role="alert" title="Not sent">
          {error}
        </Alert>
      ) : null}

      {dimension ? (
        <Card withBorder>
          <Stack>
            <div>
              <Group gap="xs">
                <Badge variant="light">
                  {step + 1} / {dimensions.length}
                </Badge>
                <Title order={3} size="h4">
                  {dimension.name}
                </Title>
              </Group>
              <Text size="sm" c="dimmed">
                {dimension.description}
              </Text>
              <Text size="xs" c="dimmed" mt={4}>
                How often do you see this? Use 1–5, or 0 for not observed; Enter moves on.
              </Text>
            </div>
            {dimension.items.map((item, i) => {
              const index = firstIndex + i;
              const value =
                item.id in answers
                  ? answers[item.id] === null
                    ? NOT_OBSERVED
                    : String(answers[item.id])
                  : null;
              return (
                <Radio.Group
                  key={item.id}
                  label={item.text}
                  value={value}
                  onChange={(v) => setAnswer(item.id, v === NOT_OBSERVED ? null : Number(v))}
                  onKeyDown={(e) => onItemKey(e, item.id, index)}
                  data-item-index={index}
                  name={item.id}
                >
                  <Group gap="sm" mt="xs">
                    {instrument.scale.labels.map((label, s) => (
                      <Radio key={label} value={String(s + 1)} label={`${s + 1} ${label}`} />
                    ))}
                    <Radio value={NOT_OBSERVED} label={instrument.scale.notObservedLabel} />
                  </Group>
                </Radio.Group>
              );
            })}
            <Textarea
              label={`Comment on ${dimension.name} (optional)`}
              description={
                form.identifiable
                  ? "Shown with your role."
                  : "Shown without your name or group, only if enough people answered."
              }
              autosize
              minRows={2}
              maxLength={COMMENT_MAX}
              value={comments[dimension.key] ?? ""}
              onChange={(e) => {
                dirty.current = true;
                const text = e.currentTarget.value;
                setComments((current) => ({ ...current, [dimension.key]: text }));
              }}
            />
            <Text size="xs" c="dimmed" ta="right">
              {(comments[dimension.key] ?? "").length}/{COMMENT_MAX}
            </Text>
          </Stack>
        </Card>
      ) : (
        <Card withBorder>
          <Stack>
            <Title order={3} size="h4">
              Review and submit
            </Title>
            {missing.length > 0 ? (
              <Alert color="yellow" title={`${missing.length} behaviour(s) not rated yet`}>
                <List size="sm">
                  {missing.slice(0, 6).map((item) => (
                    <List.Item key={item.id}>{item.text}</List.Item>
                  ))}
                </List>
                Rate each one, or mark it not observed.
              </Alert>
            ) : (
              <Text size="sm">Every behaviour is rated. Once submitted, your answers cannot be changed.</Text>
            )}
            <Group>
              <Button onClick={() => setConfirming(true)} disabled={missing.length > 0}>
                Submit feedback
              </Button>
              {form.group !== "self" ? (
                <Button variant="subtle" color="gray" onClick={() => setDeclining(true)}>
                  Decline to answer
                </Button>
              ) : null}
            </Group>
          </Stack>
        </Card>
      )}
      <Group justify="space-between">
        <Button variant="default" onClick={() => setStep((s) => Math.max(0, s - 1))} disabled={step === 0}>
          Back
        </Button>
        {step < reviewStep ? (
          <Button onClick={() => setStep((s) => Math.min(reviewStep, s + 1))}>
            {step === reviewStep - 1 ? "Review" : "Next"}
          </Button>
        ) : null}
      </Group>

      <Modal opened={confirming} onClose={() => setConfirming(false)} title="Submit your feedback?">
        <Stack>
          <Text size="sm">
            You can submit once. After that your answers are sealed and cannot be changed.
          </Text>
          {retrying ? (
            <Text size="sm" c="dimmed" aria-live="polite" data-testid="submit-retrying">
              The connection dropped: sending again…
            </Text>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              Not yet
            </Button>
            <Button onClick={submit} loading={busy}>
              Submit
            </Button>
          </Group>
        </Stack>
      </Modal>
      <Modal opened={declining} onClose={() => setDeclining(false)} title="Decline this invitation?">
        <Stack>
          <Text size="sm">
            Nobody is told who declined, and you are not asked why. Anything you rated here is deleted from
            this device.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeclining(false)}>
              Cancel
            </Button>
            <Button color="red" onClick={decline} loading={busy}>
              Decline
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
