// Where my personal notices reach me: e-mail (the default), Slack direct messages, or both. Chat
// is offered once the organisation has connected Slack; a person Slack does not know gets e-mail.
import type { NotifyByChoice } from "@fivefold/domain";
import { Alert, Card, Radio, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";

const CHOICES: NotifyByChoice[] = ["email", "chat", "both"];

export function NoticesCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const preference = useQuery(trpc.chat.preference.queryOptions());
  const { t } = useTranslation();
  // The choice shows at once; it goes back to the stored one if saving fails.
  const [choice, setChoice] = useState<NotifyByChoice | null>(null);
  const save = useMutation(
    trpc.chat.setPreference.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.chat.preference.queryKey(), data),
      onError: () => setChoice(null),
    }),
  );
  if (!preference.data) return null;
  const { chatAvailable } = preference.data;
  const notifyBy = choice ?? preference.data.notifyBy;
  return (
    <Card withBorder data-testid="notices">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("shell:notices.title")}
        </Title>
        <Text size="sm">{t("shell:notices.intro")}</Text>
        {chatAvailable ? (
          <Radio.Group
            label={t("shell:notices.sendBy")}
            value={notifyBy}
            onChange={(value) => {
              setChoice(value as NotifyByChoice);
              save.mutate({ notifyBy: value as NotifyByChoice });
            }}
          >
            <Stack gap="xs" mt="xs">
              {CHOICES.map((choice) => (
                <Radio key={choice} value={choice} label={t(`shell:notices.choice.${choice}`)} />
              ))}
            </Stack>
          </Radio.Group>
        ) : (
          <Text size="sm" c="dimmed">
            {t("shell:notices.noChat")}
          </Text>
        )}
        {save.isSuccess ? (
          <Text size="sm" c="green" role="status">
            {t("common:saved")}
          </Text>
        ) : null}
        {save.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
