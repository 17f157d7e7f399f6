// The plan's actions: a checklist the owner ticks (suggested ones and their own), with each
// action's status from the check-ins. Partners see the chosen actions and their status.
import type { PlanActionState } from "@fivefold/domain";
import { Alert, Button, Card, Group, Stack, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import { ActionRow, AddAction } from "./ActionRow";
import { type ActionsValues, toActionEdits, useActionsForm } from "./actionsForm";
import { ActionStatusBadge } from "./Badges";
import { DimensionTag } from "./DimensionTag";
import type { PlanView } from "./types";

export function ActionsCard({ plan, editable }: { plan: PlanView; editable: boolean }) {
  const { t } = useTranslation();
  return (
    <Card withBorder data-testid="actions-card">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("plan:actions.title")}
        </Title>
        {editable ? (
          <ActionsEditor key={JSON.stringify(plan.actions)} plan={plan} />
        ) : (
          <ActionList actions={plan.actions.filter((a) => a.picked)} />
        )}
      </Stack>
    </Card>
  );
}

function ActionList({ actions }: { actions: PlanActionState[] }) {
  const { t } = useTranslation();
  if (actions.length === 0) return <Text size="sm">{t("plan:actions.none")}</Text>;
  return (
    <Stack gap="xs">
      {actions.map((action) => (
        <Group key={action.id} justify="space-between" wrap="nowrap" align="flex-start" data-testid="action">
          <Stack gap={2}>
            <Text size="sm">{action.text}</Text>
            <DimensionTag dimension={action.dimension} />
          </Stack>
          <ActionStatusBadge status={action.status} />
        </Group>
      ))}
    </Stack>
  );
}

function ActionsEditor({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const form = useActionsForm(plan.actions);
  const update = useMutation(trpc.plans.update.mutationOptions({ onSuccess: invalidate.planEdited }));
  const dirty = JSON.stringify(form.values.actions) !== JSON.stringify(plan.actions);
  const save = form.onSubmit((values: ActionsValues) =>
    update.mutate({ planId: plan.id, actions: toActionEdits(values.actions) }),
  );
  const problem = Object.values(form.errors)[0];
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t("plan:actions.intro")}
      </Text>
      {form.values.actions.map((action, index) => (
        <ActionRow key={action.id ?? `new-${index}`} form={form} index={index} />
      ))}
      <AddAction form={form} defaultDimension={plan.focus[0] ?? null} />
      {update.isError || problem ? (
        <Alert color="red" role="alert">
          {update.isError ? errorMessage(update.error) : problem}
        </Alert>
      ) : null}
      <Group>
        <Button onClick={() => save()} disabled={!dirty} loading={update.isPending}>
          {t("plan:actions.save")}
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
