// One dimension of the questionnaire: 1–5 or "not observed" per behaviour, and an optional comment
// whose length is counted as the server counts it (an emoji once).
// Keyboard: arrow keys move within a behaviour, 1–5 choose a score, 0 or N "not observed", Enter
// moves to the next behaviour.
import { COMMENT_MAX_LENGTH, type CommentRisk, commentLength, commentRisks } from "@fivefold/domain";
import { Badge, Card, Flex, Group, Radio, Stack, Text, Textarea, Title } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import i18next from "i18next";
import type { KeyboardEvent } from "react";
import { useTranslation } from "react-i18next";
import { currentLocale } from "../../i18n";
import type { Answer, InstrumentInfo, RatingValues } from "./types";
import { wordingOf } from "./wording";

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
  const { t } = useTranslation();
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
            label={wordingOf(item)}
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
                <Radio key={label} value={String(s + 1)} label={`${s + 1} ${t(`rating:scale.${s + 1}`)}`} />
              ))}
              <Radio value={NOT_OBSERVED} label={t("rating:scale.notObserved")} />
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
  const { t } = useTranslation();
  return (
    <div>
      <Group gap="xs">
        <Badge variant="light">{t("rating:step.count", { step: step + 1, steps })}</Badge>
        <Title order={3} size="h4">
          {t(`rating:dimension.${dimension.key}.name`)}
        </Title>
      </Group>
      <Text size="sm" c="dimmed">
        {t(`rating:dimension.${dimension.key}.description`)}
      </Text>
      <Text size="xs" c="dimmed" mt={4}>
        {t("rating:step.hint")}
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
  const { t } = useTranslation();
  const path = `comments.${dimension.key}` as const;
  const text = rating.values.comments[dimension.key] ?? "";
  // Checked here, in the browser, as the rater types: the comment goes nowhere until submitted.
  const care = identifiable ? null : careMessage(commentRisks(text, { allowedNames: [subjectName] }));
  return (
    <>
      <Textarea
        label={t("rating:comment.label", { dimension: t(`rating:dimension.${dimension.key}.name`) })}
        description={identifiable ? t("rating:comment.identifiable") : t("rating:comment.anonymous")}
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

/** The domain's gentle warning, written in the page's language from the risks it found. */
function careMessage(risks: readonly CommentRisk[]): string | null {
  if (risks.length === 0) return null;
  const kinds = (["name", "date", "event"] as const).filter((k) => risks.some((r) => r.kind === k));
  const named = new Intl.ListFormat(currentLocale(), { type: "conjunction" }).format(
    kinds.map((kind) => i18next.t(`rating:care.kind.${kind}`)),
  );
  const examples = risks
    .slice(0, 3)
    .map((r) => `“${r.match}”`)
    .join(", ");
  return i18next.t("rating:care.message", { named, examples });
}
