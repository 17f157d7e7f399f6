// Where my personal notices reach me: e-mail (the default), Slack direct messages, or both. Chat
// is offered once the organisation has connected Slack; a person Slack does not know gets e-mail.
import type { NotifyByChoice } from "@fivefold/domain";
import { Alert, Card, Radio, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";

const CHOICES: Array<{ value: NotifyByChoice; label: string }> = [
  { value: "email", label: "E-mail" },
  { value: "chat", label: "Slack direct messages (e-mail if Slack does not know my address)" },
  { value: "both", label: "Both" },
];

export function NoticesCard() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const preference = useQuery(trpc.chat.preference.queryOptions());
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
          Notices
        </Title>
        <Text size="sm">
          Invitations, reminders, "your report is ready", partner requests and check-in nudges. In Slack they
          come only as a direct message to you, never in a channel.
        </Text>
        {chatAvailable ? (
          <Radio.Group
            label="Send my notices by"
            value={notifyBy}
            onChange={(value) => {
              setChoice(value as NotifyByChoice);
              save.mutate({ notifyBy: value as NotifyByChoice });
            }}
          >
            <Stack gap="xs" mt="xs">
              {CHOICES.map((option) => (
                <Radio key={option.value} value={option.value} label={option.label} />
              ))}
            </Stack>
          </Radio.Group>
        ) : (
          <Text size="sm" c="dimmed">
            Your organisation has not connected a chat tool: notices come by e-mail.
          </Text>
        )}
        {save.isSuccess ? (
          <Text size="sm" c="green" role="status">
            Saved.
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
