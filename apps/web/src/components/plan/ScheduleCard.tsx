// Cadence and dates of the plan; the owner sets them, the start is fixed once published.
import { CADENCES, type Cadence, planEditSchema } from "@fivefold/domain";
import { Alert, Button, Card, Group, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { schemaResolver } from "../../lib/form";
import { formatDay } from "../../lib/format";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import type { PlanView } from "./types";

type Rhythm = { cadence: Cadence; startsOn: string; endsOn: string };
// The domain's plan edit, for the parts this card edits.
const rhythmSchema = planEditSchema.pick({ cadence: true, startsOn: true, endsOn: true }).required();

export function ScheduleCard({ plan, editable }: { plan: PlanView; editable: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="schedule-card">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("plan:rhythm.title")}
        </Title>
        {editable ? (
          <ScheduleEditor key={`${plan.cadence}${plan.startsOn}${plan.endsOn}${plan.state}`} plan={plan} />
        ) : (
          <Text size="sm">
            {t("plan:rhythm.summary", {
              cadence: t(`plan:cadence.${plan.cadence}`),
              from: formatDay(plan.startsOn),
              to: formatDay(plan.endsOn),
            })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function ScheduleEditor({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const form = useForm<Rhythm>({
    initialValues: { cadence: plan.cadence, startsOn: plan.startsOn, endsOn: plan.endsOn },
    validate: schemaResolver<Rhythm>(rhythmSchema),
  });
  const { cadence, startsOn, endsOn } = form.values;
  const update = useMutation(trpc.plans.update.mutationOptions({ onSuccess: invalidate.planEdited }));
  const published = plan.state !== "draft";
  const save = form.onSubmit((values) =>
    update.mutate({
      planId: plan.id,
      cadence: values.cadence,
      endsOn: values.endsOn,
      ...(published ? {} : { startsOn: values.startsOn }),
    }),
  );
  const dirty = cadence !== plan.cadence || startsOn !== plan.startsOn || endsOn !== plan.endsOn;
  return (
    <Stack gap="sm">
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t("plan:rhythm.checkins")}
          data={CADENCES.map((c) => ({ value: c, label: t(`plan:cadence.${c}`) }))}
          value={cadence}
          onChange={(value) => value && form.setFieldValue("cadence", value as Cadence)}
          allowDeselect={false}
          w={200}
        />
        <TextInput
          type="date"
          label={t("plan:rhythm.startsOn")}
          {...form.getInputProps("startsOn")}
          disabled={published}
          description={published ? t("plan:rhythm.fixed") : undefined}
          w={170}
        />
        <TextInput type="date" label={t("plan:rhythm.endsOn")} {...form.getInputProps("endsOn")} w={170} />
      </Group>
      {update.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(update.error)}
        </Alert>
      ) : null}
      <Group>
        <Button onClick={() => save()} disabled={!dirty} loading={update.isPending}>
          {t("plan:rhythm.save")}
        </Button>
        {!published ? (
          <Text size="xs" c="dimmed">
            {t("plan:rhythm.pastStart")}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}
