// Chat notifications on the settings page (admins): the organisation's Slack bot token, which sends
// personal notices as direct messages, and an optional channel webhook for cycle announcements.
// Both are write-only: the fields start empty, and leaving one empty keeps what is stored.
import type { ChatSettings } from "@fivefold/domain";
import { Alert, Button, Card, Group, PasswordInput, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";

export function SlackCard() {
  const trpc = useTRPC();
  const { t } = useTranslation();
  const chat = useQuery(trpc.chat.get.queryOptions());
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t("admin:slack.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("admin:slack.intro")}
        </Text>
        {chat.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(chat.error)}
          </Alert>
        ) : null}
        {chat.data ? <SlackForm current={chat.data} /> : null}
      </Stack>
    </Card>
  );
}

function SlackForm({ current }: { current: ChatSettings }) {
  const trpc = useTRPC();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [token, setToken] = useState("");
  const [webhook, setWebhook] = useState("");
  const [saved, setSaved] = useState(false);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.chat.get.queryKey() });
  const update = useMutation(
    trpc.chat.update.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        setToken("");
        setWebhook("");
        await refresh();
      },
    }),
  );
  const remove = useMutation(trpc.chat.remove.mutationOptions({ onSuccess: refresh }));
  const save = () => {
    setSaved(false);
    update.mutate({ slackBotToken: token || undefined, announcementWebhook: webhook || undefined });
  };
  return (
    <Stack>
      <PasswordInput
        label={t("admin:slack.botToken")}
        description={current.hasBotToken ? t("admin:common.storedNeverShown") : t("admin:slack.botTokenHelp")}
        autoComplete="off"
        value={token}
        onChange={(e) => setToken(e.currentTarget.value)}
      />
      <PasswordInput
        label={t("admin:slack.webhook")}
        description={
          current.hasAnnouncementWebhook ? t("admin:common.storedNeverShown") : t("admin:slack.webhookHelp")
        }
        autoComplete="off"
        value={webhook}
        onChange={(e) => setWebhook(e.currentTarget.value)}
      />
      {update.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(update.error)}
        </Alert>
      ) : null}
      {saved ? <Alert color="green">{t("admin:slack.saved")}</Alert> : null}
      <Group>
        <Button onClick={save} loading={update.isPending}>
          {t("admin:slack.save")}
        </Button>
        {current.hasAnnouncementWebhook ? (
          <Button
            variant="default"
            onClick={() => update.mutate({ announcementWebhook: "" })}
            loading={update.isPending}
          >
            {t("admin:slack.removeWebhook")}
          </Button>
        ) : null}
        {current.configured ? (
          <Button variant="default" color="red" onClick={() => remove.mutate()} loading={remove.isPending}>
            {t("admin:slack.disconnect")}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
