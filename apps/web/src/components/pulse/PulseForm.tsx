// The rater's pulse: one question per focus behaviour on −3…+3 (native radios: arrow keys move
// along a row, Tab to the next question), "cannot say" allowed, one optional idea, one submit.
import { PULSE_SUGGESTION_MAX } from "@fivefold/domain";
import { Alert, Button, Card, Group, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import i18next from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDay } from "../../lib/format";
import { errorMessage } from "../../lib/labels";
import { type Wording, wordingOf } from "../rating/wording";

export interface PulseFormData {
  requestId: string;
  subjectName: string;
  threshold: number;
  closesOn: string;
  /** The day the plan was published: the question asks about change since then. */
  since: string;
  items: Array<{ id: string; text: string; texts: Wording; question: string }>;
  scale: { min: number; max: number; labels: string[]; notObservedLabel: string };
  answered: boolean;
}

export interface PulseAnswer {
  answers: Record<string, number | null>;
  suggestion?: string;
}

const CANNOT_SAY = "none";
const signed = (value: number) => (value > 0 ? `+${value}` : value < 0 ? `−${-value}` : "0");
/** The key of a point's label: −3 … +3 as m3 … p3. */
const pointKey = (value: number) => (value > 0 ? `p${value}` : value < 0 ? `m${-value}` : "0");

function Done({ form }: { form: PulseFormData }) {
  const { t } = useTranslation();
  return (
    <Alert color="green" title={t("rating:pulse.thanks")} role="status" data-testid="pulse-done">
      {t("rating:pulse.done", { name: form.subjectName, threshold: form.threshold })}
    </Alert>
  );
}

/** The question in the page's language, from its parts (the behaviour in lower case, as a clause). */
function questionOf(form: PulseFormData, item: PulseFormData["items"][number]): string {
  const wording = wordingOf(item);
  const behaviour = wording.charAt(0).toLowerCase() + wording.slice(1);
  return i18next.t("rating:pulse.question", {
    since: formatDay(form.since),
    name: form.subjectName,
    behaviour,
  });
}

/** One behaviour's row of radios, −3 … +3 and "cannot say". */
function PulseQuestion({
  question,
  item,
  scale,
  value,
  onChange,
}: {
  question: string;
  item: PulseFormData["items"][number];
  scale: PulseFormData["scale"];
  value: string | null;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const points = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  const first = points[0] ?? scale.min;
  const last = points.at(-1) ?? scale.max;
  return (
    <Card withBorder>
      <Radio.Group name={`pulse-${item.id}`} label={question} value={value} onChange={onChange}>
        <Group gap="sm" mt="xs" wrap="wrap">
          {points.map((point) => (
            <Radio
              key={point}
              value={String(point)}
              label={signed(point)}
              aria-label={t("rating:pulse.pointLabel", {
                point: signed(point),
                label: t(`rating:pulse.scale.${pointKey(point)}`),
              })}
            />
          ))}
          <Radio value={CANNOT_SAY} label={t("rating:pulse.scale.cannotSay")} />
        </Group>
        <Group justify="space-between" mt={4}>
          <Text size="xs" c="dimmed">
            {t(`rating:pulse.scale.${pointKey(first)}`)}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`rating:pulse.scale.${pointKey(last)}`)}
          </Text>
        </Group>
      </Radio.Group>
    </Card>
  );
}

function PulseIntro({ form }: { form: PulseFormData }) {
  const { t } = useTranslation();
  return (
    <>
      <Title order={2} size="h3">
        {t("rating:pulse.title", { name: form.subjectName })}
      </Title>
      <Text size="sm">
        {t("rating:pulse.intro", {
          name: form.subjectName,
          threshold: form.threshold,
          cannotSay: t("rating:pulse.scale.cannotSay"),
        })}
      </Text>
    </>
  );
}

export function PulseForm({
  form,
  onSubmit,
}: {
  form: PulseFormData;
  onSubmit: (answer: PulseAnswer) => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const [values, setValues] = useState<Record<string, string>>({});
  const [suggestion, setSuggestion] = useState("");
  const [state, setState] = useState<{ sending: boolean; error: unknown; done: boolean }>({
    sending: false,
    error: null,
    done: form.answered,
  });
  if (state.done) return <Done form={form} />;
  const answered = form.items.some((item) => values[item.id] && values[item.id] !== CANNOT_SAY);
  const submit = async () => {
    setState({ sending: true, error: null, done: false });
    const answers = Object.fromEntries(
      form.items.map((item) => {
        const value = values[item.id];
        return [item.id, value && value !== CANNOT_SAY ? Number(value) : null];
      }),
    );
    try {
      await onSubmit({ answers, ...(suggestion.trim() ? { suggestion: suggestion.trim() } : {}) });
      setState({ sending: false, error: null, done: true });
    } catch (error) {
      setState({ sending: false, error, done: false });
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
      }}
    >
      <Stack gap="md">
        <PulseIntro form={form} />
        {form.items.map((item) => (
          <PulseQuestion
            key={item.id}
            question={questionOf(form, item)}
            item={item}
            scale={form.scale}
            value={values[item.id] ?? null}
            onChange={(value) => setValues((current) => ({ ...current, [item.id]: value }))}
          />
        ))}
        <Textarea
          label={t("rating:pulse.ideaLabel", { name: form.subjectName })}
          description={t("rating:pulse.ideaDescription")}
          maxLength={PULSE_SUGGESTION_MAX}
          autosize
          minRows={2}
          value={suggestion}
          onChange={(event) => setSuggestion(event.currentTarget.value)}
        />
        {state.error ? (
          <Alert color="red" role="alert">
            {errorMessage(state.error)}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={state.sending} disabled={!answered}>
            {t("rating:pulse.send")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
