// Logging a check-in: a progress figure, the status of each chosen action, and a note.
import { formatDay } from "@fivefold/domain";
import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  SegmentedControl,
  Slider,
  Stack,
  Text,
  Textarea,
  Title,
} from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import { ACTION_STATUS_LABELS, type ActionStatus, type PlanView } from "./types";

export function CheckinForm({ plan }: { plan: PlanView }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const picked = plan.actions.filter((a) => a.picked);
  const [progress, setProgress] = useState(plan.progress);
  const [note, setNote] = useState("");
  const [statuses, setStatuses] = useState<Record<string, ActionStatus>>(
    Object.fromEntries(picked.map((a) => [a.id, a.status])),
  );
  const [saved, setSaved] = useState(false);
  const log = useMutation(
    trpc.checkins.log.mutationOptions({
      onSuccess: async () => {
        setNote("");
        setSaved(true);
        await invalidate.checkinLogged(plan.id);
      },
    }),
  );
  const next = plan.nextCheckin;
  return (
    <Card withBorder data-testid="checkin-form">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Log a check-in
        </Title>
        <Text size="sm" c="dimmed">
          {next
            ? next.status === "overdue"
              ? `Your check-in due on ${formatDay(next.dueOn)} is overdue.`
              : next.status === "due"
                ? `Your check-in is due (${formatDay(next.dueOn)}).`
                : `Next check-in due on ${formatDay(next.dueOn)}. Logging early is fine.`
            : "Any time you want to note progress."}
        </Text>
        <div>
          <Text size="sm" fw={600} id="progress-label">
            Overall progress
          </Text>
          <Group align="center" wrap="nowrap" gap="md">
            <Slider
              flex={1}
              value={progress}
              onChange={setProgress}
              step={5}
              min={0}
              max={100}
              label={(value) => `${value}%`}
              thumbLabel="Overall progress"
              marks={[
                { value: 0, label: "0%" },
                { value: 50, label: "50%" },
                { value: 100, label: "100%" },
              ]}
              mb="md"
            />
            <NumberInput
              aria-label="Progress in percent"
              value={progress}
              onChange={(value) => setProgress(Math.max(0, Math.min(100, Math.round(Number(value) || 0))))}
              min={0}
              max={100}
              suffix="%"
              w={90}
              allowDecimal={false}
            />
          </Group>
        </div>
        {picked.map((action) => (
          <Stack key={action.id} gap={4}>
            <Text size="sm" id={`status-${action.id}`}>
              {action.text}
            </Text>
            <SegmentedControl
              aria-labelledby={`status-${action.id}`}
              size="xs"
              value={statuses[action.id] ?? action.status}
              onChange={(value) =>
                setStatuses((current) => ({ ...current, [action.id]: value as ActionStatus }))
              }
              data={(Object.keys(ACTION_STATUS_LABELS) as ActionStatus[]).map((status) => ({
                value: status,
                label: ACTION_STATUS_LABELS[status].label,
              }))}
            />
          </Stack>
        ))}
        <Textarea
          label="Note"
          description="What happened, what you learned, what got in the way"
          value={note}
          onChange={(event) => {
            setNote(event.currentTarget.value);
            setSaved(false);
          }}
          autosize
          minRows={2}
          maxLength={2000}
        />
        {log.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(log.error)}
          </Alert>
        ) : null}
        {saved && !log.isPending ? (
          <Text size="sm" c="green.9" role="status">
            Check-in logged. Your circle can see it now.
          </Text>
        ) : null}
        <Group>
          <Button
            loading={log.isPending}
            onClick={() =>
              log.mutate({
                planId: plan.id,
                progress,
                note,
                actions: Object.entries(statuses).map(([actionId, status]) => ({ actionId, status })),
              })
            }
          >
            Log check-in
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}
