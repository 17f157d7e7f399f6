// The WOOP goal: wish, outcome, obstacle and an if–then plan. The owner (or their coach) edits it.
import { PLAN_LIMITS, woopSchema } from "@fivefold/domain";
import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { schemaResolver } from "../../lib/form";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import type { PlanView } from "./types";

/** The four parts in WOOP's order; each one's label and hint are `plan:woop.<part>.label|hint`. */
const PARTS = ["wish", "outcome", "obstacle", "plan"] as const;

type Woop = PlanView["woop"];

export function WoopCard({ plan, editable }: { plan: PlanView; editable: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="woop-card">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("plan:woop.title")}
        </Title>
        {editable ? (
          <WoopEditor key={JSON.stringify(plan.woop)} plan={plan} />
        ) : (
          <Stack gap="xs">
            {PARTS.map((part) => (
              <div key={part}>
                <Text size="sm" fw={600}>
                  {t(`plan:woop.${part}.label`)}
                </Text>
                <Text size="sm">{plan.woop[part] || t("plan:none")}</Text>
              </div>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function WoopEditor({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const form = useForm<Woop>({ initialValues: plan.woop, validate: schemaResolver<Woop>(woopSchema) });
  const woop = form.values;
  const update = useMutation(trpc.plans.update.mutationOptions({ onSuccess: invalidate.planEdited }));
  const save = form.onSubmit((values) => update.mutate({ planId: plan.id, woop: values }));
  const dirty = JSON.stringify(woop) !== JSON.stringify(plan.woop);
  return (
    <Stack gap="sm">
      {PARTS.map((part) => (
        <Textarea
          key={part}
          label={t(`plan:woop.${part}.label`)}
          description={t(`plan:woop.${part}.hint`)}
          {...form.getInputProps(part)}
          autosize
          minRows={1}
          maxLength={PLAN_LIMITS.woopText}
        />
      ))}
      {update.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(update.error)}
        </Alert>
      ) : null}
      <Group>
        <Button onClick={() => save()} disabled={!dirty} loading={update.isPending}>
          {t("plan:woop.save")}
        </Button>
        {dirty ? (
          <Text size="xs" c="dimmed">
            {t("plan:unsaved")}
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}
