// The rater's pulse: one question per focus behaviour on −3…+3 (native radios: arrow keys move
// along a row, Tab to the next question), "cannot say" allowed, one optional idea, one submit.
import { PULSE_SUGGESTION_MAX } from "@fivefold/domain";
import { Alert, Button, Card, Group, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import { useState } from "react";
import { errorMessage } from "../../lib/labels";

export interface PulseFormData {
  requestId: string;
  subjectName: string;
  threshold: number;
  closesOn: string;
  items: Array<{ id: string; question: string }>;
  scale: { min: number; max: number; labels: string[]; notObservedLabel: string };
  answered: boolean;
}

export interface PulseAnswer {
  answers: Record<string, number | null>;
  suggestion?: string;
}

const CANNOT_SAY = "none";
const signed = (value: number) => (value > 0 ? `+${value}` : value < 0 ? `−${-value}` : "0");

function Done({ form }: { form: PulseFormData }) {
  return (
    <Alert color="green" title="Thank you" role="status" data-testid="pulse-done">
      Your answer is sealed. {form.subjectName} sees only averages over at least {form.threshold} people, once
      the pulse closes.
    </Alert>
  );
}

/** One behaviour's row of radios, −3 … +3 and "cannot say". */
function PulseQuestion({
  item,
  scale,
  value,
  onChange,
}: {
  item: PulseFormData["items"][number];
  scale: PulseFormData["scale"];
  value: string | null;
  onChange: (value: string) => void;
}) {
  const points = Array.from({ length: scale.max - scale.min + 1 }, (_, i) => scale.min + i);
  return (
    <Card withBorder>
      <Radio.Group name={`pulse-${item.id}`} label={item.question} value={value} onChange={onChange}>
        <Group gap="sm" mt="xs" wrap="wrap">
          {points.map((point, index) => (
            <Radio
              key={point}
              value={String(point)}
              label={signed(point)}
              aria-label={`${signed(point)}: ${scale.labels[index] ?? ""}`}
            />
          ))}
          <Radio value={CANNOT_SAY} label={scale.notObservedLabel} />
        </Group>
        <Group justify="space-between" mt={4}>
          <Text size="xs" c="dimmed">
            {scale.labels[0]}
          </Text>
          <Text size="xs" c="dimmed">
            {scale.labels.at(-1)}
          </Text>
        </Group>
      </Radio.Group>
    </Card>
  );
}

export function PulseForm({
  form,
  onSubmit,
}: {
  form: PulseFormData;
  onSubmit: (answer: PulseAnswer) => Promise<unknown>;
}) {
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
        <Title order={2} size="h3">
          Has {form.subjectName} changed?
        </Title>
        <Text size="sm">
          Two minutes, anonymous: {form.subjectName} sees averages over at least {form.threshold} people only.
          Answer what you have seen; choose “{form.scale.notObservedLabel}” where you cannot tell.
        </Text>
        {form.items.map((item) => (
          <PulseQuestion
            key={item.id}
            item={item}
            scale={form.scale}
            value={values[item.id] ?? null}
            onChange={(value) => setValues((current) => ({ ...current, [item.id]: value }))}
          />
        ))}
        <Textarea
          label={`One idea for ${form.subjectName} (optional)`}
          description="Shown to them, shuffled among others, only when enough people answered."
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
            Send my answer
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
