// "Thank your raters": on the subject's released report, one note with their focus, sent by
// Fivefold to everyone who was invited, answered or not. Once sent it is not offered again.
import { thankYouTextSchema } from "@fivefold/domain";
import { Alert, Blockquote, Button, Card, Chip, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { sentence } from "../../i18n/sentence";
import { formatDay } from "../../lib/format";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";

export function ThankRaters({ requestId }: { requestId: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const status = useQuery(trpc.followups.get.queryOptions({ requestId }));
  const [text, setText] = useState("");
  const [preview, setPreview] = useState(false);
  const thank = useMutation(
    trpc.followups.thank.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(trpc.followups.get.queryFilter({ requestId })),
    }),
  );
  if (!status.data) return null;
  const { thankedAt, suggestions, limits } = status.data;

  if (thankedAt || thank.isSuccess) return <Thanked sent={thank.data?.sent} thankedAt={thankedAt} />;

  const checked = thankYouTextSchema.safeParse(text);
  const issue = text.trim() && !checked.success ? checked.error.issues[0]?.message : undefined;
  const problem = issue ? sentence(issue) : undefined;
  return (
    <Card withBorder className="no-print" data-testid="thank-raters">
      <Stack gap="sm">
        <Title order={4}>{t("report:thank.title")}</Title>
        <Text size="sm" c="dimmed">
          {t("report:thank.intro")}
        </Text>
        <Chip.Group
          multiple={false}
          value={suggestions.indexOf(text) >= 0 ? String(suggestions.indexOf(text)) : ""}
          onChange={(value) => setText(suggestions[Number(value)] ?? "")}
        >
          <Group gap="xs">
            {suggestions.map((suggestion, index) => (
              <Chip key={suggestion} value={String(index)} size="xs">
                {t("report:thank.suggestion", { number: index + 1 })}
              </Chip>
            ))}
          </Group>
        </Chip.Group>
        <Textarea
          label={t("report:thank.note")}
          description={t("report:thank.noteHint")}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={problem}
          autosize
          minRows={3}
          maxLength={limits.max}
        />
        {preview && checked.success ? <Preview text={checked.data} /> : null}
        {thank.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(thank.error)}
          </Alert>
        ) : null}
        <Group>
          <Button variant="default" disabled={!checked.success} onClick={() => setPreview((p) => !p)}>
            {preview ? t("report:thank.hidePreview") : t("report:thank.preview")}
          </Button>
          <Button
            disabled={!checked.success || !preview}
            loading={thank.isPending}
            onClick={() => thank.mutate({ requestId, text })}
          >
            {t("report:thank.send")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function Thanked({ sent, thankedAt }: { sent: number | undefined; thankedAt: string | null }) {
  const { t } = useTranslation();
  return (
    <Card withBorder className="no-print" data-testid="thank-raters">
      <Title order={4}>{t("report:thank.title")}</Title>
      <Text size="sm" role="status">
        {sent !== undefined
          ? t("report:thank.sent", { count: sent })
          : t("report:thank.sentOn", { day: formatDay(thankedAt ?? "") })}{" "}
        {t("report:thank.once")}
      </Text>
    </Card>
  );
}

function Preview({ text }: { text: string }) {
  const { t } = useTranslation();
  return (
    <Blockquote p="sm" aria-label={t("report:thank.preview")}>
      <Text size="sm" c="dimmed">
        {t("report:thank.previewIntro")}
      </Text>
      <Text size="sm" style={{ whiteSpace: "pre-wrap" }}>
        “{text}”
      </Text>
    </Blockquote>
  );
}
