// Logging a check-in: a progress figure, the status of each chosen action, and a note, checked with
// the domain's check-in schema before it is sent.
import { type ActionStatus, CHECKIN_LIMITS, checkinInputSchema } from "@fivefold/domain";
import { Alert, Button, Card, Group, SegmentedControl, Stack, Text, Textarea, Title } from "@mantine/core";
import { type UseFormReturnType, useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { schemaResolver } from "../../lib/form";
import { formatDay } from "../../lib/format";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import { ProgressField } from "./ProgressField";
import { ACTION_STATUS_LABELS, type PlanView } from "./types";

type CheckinValues = {
  progress: number;
  note: string;
  actions: Array<{ actionId: string; status: ActionStatus }>;
};

export function CheckinForm({ plan }: { plan: PlanView }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const picked = plan.actions.filter((a) => a.picked);
  const [saved, setSaved] = useState(false);
  const form = useForm<CheckinValues>({
    initialValues: {
      progress: plan.progress,
      note: "",
      actions: picked.map((a) => ({ actionId: a.id, status: a.status })),
    },
    validate: schemaResolver<CheckinValues>(checkinInputSchema),
    onValuesChange: () => setSaved(false),
  });
  const log = useMutation(
    trpc.checkins.log.mutationOptions({
      onSuccess: async () => {
        form.setFieldValue("note", "");
        setSaved(true);
        await invalidate.checkinLogged(plan.id);
      },
    }),
  );
  const submit = form.onSubmit((values) => log.mutate({ planId: plan.id, ...values }));
  return (
    <Card withBorder data-testid="checkin-form">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Log a check-in
        </Title>
        <Text size="sm" c="dimmed">
          {dueText(plan.nextCheckin)}
        </Text>
        <ProgressField value={form.values.progress} onChange={(v) => form.setFieldValue("progress", v)} />
        {picked.map((action, index) => (
          <ActionStatusField key={action.id} form={form} index={index} text={action.text} id={action.id} />
        ))}
        <Textarea
          label="Note"
          description="What happened, what you learned, what got in the way"
          {...form.getInputProps("note")}
          autosize
          minRows={2}
          maxLength={CHECKIN_LIMITS.note}
        />
        {log.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(log.error)}
          </Alert>
        ) : null}
        {saved && !log.isPending ? (
          <Text size="sm" c="green" role="status">
            Check-in logged. Your circle can see it now.
          </Text>
        ) : null}
        <Group>
          <Button loading={log.isPending} onClick={() => submit()}>
            Log check-in
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function dueText(next: PlanView["nextCheckin"]): string {
  if (!next) return "Any time you want to note progress.";
  if (next.status === "overdue") return `Your check-in due on ${formatDay(next.dueOn)} is overdue.`;
  if (next.status === "due") return `Your check-in is due (${formatDay(next.dueOn)}).`;
  return `Next check-in due on ${formatDay(next.dueOn)}. Logging early is fine.`;
}

function ActionStatusField(props: {
  form: UseFormReturnType<CheckinValues>;
  index: number;
  text: string;
  id: string;
}) {
  const { form, index, text, id } = props;
  return (
    <Stack gap={4}>
      <Text size="sm" id={`status-${id}`}>
        {text}
      </Text>
      <SegmentedControl
        aria-labelledby={`status-${id}`}
        size="xs"
        {...form.getInputProps(`actions.${index}.status`)}
        data={(Object.keys(ACTION_STATUS_LABELS) as ActionStatus[]).map((status) => ({
          value: status,
          label: ACTION_STATUS_LABELS[status].label,
        }))}
      />
    </Stack>
  );
}
