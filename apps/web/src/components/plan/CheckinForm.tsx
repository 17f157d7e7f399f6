// Logging a check-in: a progress figure, the status of each chosen action, and a note, checked with
// the domain's check-in schema before it is sent.
import { ACTION_STATUSES, type ActionStatus, CHECKIN_LIMITS, checkinInputSchema } from "@fivefold/domain";
import { Alert, Button, Card, Group, SegmentedControl, Stack, Text, Textarea, Title } from "@mantine/core";
import { type UseFormReturnType, useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { schemaResolver } from "../../lib/form";
import { formatDay } from "../../lib/format";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import { ProgressField } from "./ProgressField";
import type { PlanView } from "./types";

type CheckinValues = {
  progress: number;
  note: string;
  actions: Array<{ actionId: string; status: ActionStatus }>;
};

export function CheckinForm({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
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
          {t("plan:checkin.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {dueText(t, plan.nextCheckin)}
        </Text>
        <ProgressField value={form.values.progress} onChange={(v) => form.setFieldValue("progress", v)} />
        {picked.map((action, index) => (
          <ActionStatusField key={action.id} form={form} index={index} text={action.text} id={action.id} />
        ))}
        <Textarea
          label={t("plan:checkin.note")}
          description={t("plan:checkin.noteHint")}
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
            {t("plan:checkin.saved")}
          </Text>
        ) : null}
        <Group>
          <Button loading={log.isPending} onClick={() => submit()}>
            {t("plan:checkin.button")}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function dueText(t: TFunction, next: PlanView["nextCheckin"]): string {
  if (!next) return t("plan:checkin.anyTime");
  const date = formatDay(next.dueOn);
  if (next.status === "overdue") return t("plan:checkin.overdue", { date });
  if (next.status === "due") return t("plan:checkin.due", { date });
  return t("plan:checkin.next", { date });
}

function ActionStatusField(props: {
  form: UseFormReturnType<CheckinValues>;
  index: number;
  text: string;
  id: string;
}) {
  const { form, index, text, id } = props;
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" id={`status-${id}`}>
        {text}
      </Text>
      <SegmentedControl
        aria-labelledby={`status-${id}`}
        size="xs"
        {...form.getInputProps(`actions.${index}.status`)}
        data={ACTION_STATUSES.map((status) => ({ value: status, label: t(`plan:status.${status}`) }))}
      />
    </Stack>
  );
}
