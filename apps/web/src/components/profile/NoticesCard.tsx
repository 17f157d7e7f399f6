// Where my personal notices reach me: e-mail (the default), Slack direct messages, or both. Chat
// is offered once the organisation has connected Slack; a person Slack does not know gets e-mail.
import type { NotifyByChoice } from "@fivefold/domain";
import { Alert, Card, Radio, Stack, Text, Title } from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
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
  const save = useMutation(
    trpc.chat.setPreference.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.chat.preference.queryKey(), data),
    }),
  );
  if (!preference.data) return null;
  const { notifyBy, chatAvailable } = preference.data;
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
            onChange={(value) => save.mutate({ notifyBy: value as NotifyByChoice })}
          >
            <Stack gap="xs" mt="xs">
              {CHOICES.map((choice) => (
                <Radio
                  key={choice.value}
                  value={choice.value}
                  label={choice.label}
                  disabled={save.isPending}
                />
              ))}
            </Stack>
          </Radio.Group>
        ) : (
          <Text size="sm" c="dimmed">
            Your organisation has not connected a chat tool: notices come by e-mail.
          </Text>
        )}
        {save.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
