// One dimension of the questionnaire: 1–5 or "not observed" per behaviour, and an optional comment
// whose length is counted as the server counts it (an emoji once).
// Keyboard: arrow keys move within a behaviour, 1–5 choose a score, 0 or N "not observed", Enter
// moves to the next behaviour.
import { COMMENT_MAX_LENGTH, commentCareMessage, commentLength, commentRisks } from "@fivefold/domain";
import { Badge, Card, Flex, Group, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import type { KeyboardEvent } from "react";
import type { Answer, InstrumentInfo, RatingValues } from "./types";

const NOT_OBSERVED = "na";

type Dimension = InstrumentInfo["dimensions"][number];

interface Props {
  rating: UseFormReturnType<RatingValues>;
  instrument: InstrumentInfo;
  step: number;
  /** The index of this dimension's first behaviour in the whole questionnaire. */
  firstIndex: number;
  identifiable: boolean;
  /** Whom the feedback is about: their own name in a comment points to no rater. */
  subjectName: string;
}

export function focusItem(index: number) {
  document
    .querySelector<HTMLInputElement>(
      `[data-item-index="${index}"] input:checked, [data-item-index="${index}"] input`,
    )
    ?.focus();
}

export function DimensionStep({ rating, instrument, step, firstIndex, identifiable, subjectName }: Props) {
  const dimension = instrument.dimensions[step] as Dimension;
  const setAnswer = (itemId: string, value: Answer) =>
    rating.setValues((current) => ({ answers: { ...current.answers, [itemId]: value } }));
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
  const answers = rating.values.answers;
  return (
    <Card withBorder>
      <Stack>
        <StepHeading dimension={dimension} step={step} steps={instrument.dimensions.length} />
        {dimension.items.map((item, i) => (
          <Radio.Group
            key={item.id}
            label={item.text}
            value={
              item.id in answers
                ? answers[item.id] === null
                  ? NOT_OBSERVED
                  : String(answers[item.id])
                : null
            }
            onChange={(v) => setAnswer(item.id, v === NOT_OBSERVED ? null : Number(v))}
            onKeyDown={(e) => onItemKey(e, item.id, firstIndex + i)}
            data-item-index={firstIndex + i}
            name={item.id}
          >
            {/* One row where it fits, one column on a phone: never a wrapped grid of choices. */}
            <Flex
              direction={{ base: "column", md: "row" }}
              gap={{ base: 8, md: "xs" }}
              wrap="nowrap"
              mt="xs"
              data-testid="scale"
            >
              {instrument.scale.labels.map((label, s) => (
                <Radio key={label} value={String(s + 1)} label={`${s + 1} ${label}`} />
              ))}
              <Radio value={NOT_OBSERVED} label={instrument.scale.notObservedLabel} />
            </Flex>
          </Radio.Group>
        ))}
        <CommentField
          rating={rating}
          dimension={dimension}
          identifiable={identifiable}
          subjectName={subjectName}
        />
      </Stack>
    </Card>
  );
}

function StepHeading({ dimension, step, steps }: { dimension: Dimension; step: number; steps: number }) {
  return (
    <div>
      <Group gap="xs">
        <Badge variant="light">
          {step + 1} / {steps}
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
  );
}

function CommentField({
  rating,
  dimension,
  identifiable,
  subjectName,
}: {
  rating: UseFormReturnType<RatingValues>;
  dimension: Dimension;
  identifiable: boolean;
  subjectName: string;
}) {
  const path = `comments.${dimension.key}` as const;
  const text = rating.values.comments[dimension.key] ?? "";
  // Checked here, in the browser, as the rater types: the comment goes nowhere until submitted.
  const care = identifiable ? null : commentCareMessage(commentRisks(text, { allowedNames: [subjectName] }));
  return (
    <>
      <Textarea
        label={`Comment on ${dimension.name} (optional)`}
        description={
          identifiable
            ? "Shown with your role."
            : "Shown without your name or group, only if enough people answered."
        }
        autosize
        minRows={2}
        value={text}
        onChange={(e) => rating.setFieldValue(path, e.currentTarget.value)}
        error={rating.errors[path]}
      />
      <Text size="sm" c="dimmed" role="status" aria-live="polite" data-testid="comment-care">
        {care ?? ""}
      </Text>
      <Text size="xs" c="dimmed" ta="right" data-testid="comment-length">
        {commentLength(text)}/{COMMENT_MAX_LENGTH}
      </Text>
    </>
  );
}
