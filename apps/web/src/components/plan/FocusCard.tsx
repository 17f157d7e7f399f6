// Focus and strength, with the why from the report (owner and coach only), and their editor.

import { type DimensionKey, PLAN_LIMITS, planEditSchema } from "@fivefold/domain";
import { Alert, Button, Card, Chip, Group, List, Select, Stack, Text, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import i18next from "i18next";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { schemaResolver } from "../../lib/form";
import { formatNumber } from "../../lib/format";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import { DimensionTag } from "./DimensionTag";
import { DIMENSIONS, dimensionName, type PlanView } from "./types";

type FocusValues = { focus: DimensionKey[]; strength: DimensionKey | null };
// The domain's plan edit for focus (one to three dimensions) and strength.
const focusSchema = planEditSchema.pick({ focus: true, strength: true }).required();

export function FocusCard({ plan, editable }: { plan: PlanView; editable: boolean }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const reasons = new Map(plan.reasons?.focus.map((r) => [r.dimension, planReasonText(r)]));
  return (
    <Card withBorder data-testid="focus-card">
      <Stack gap="sm">
        <Group justify="space-between">
          <Title order={3} size="h4">
            {t("plan:focus.title")}
          </Title>
          {editable && !editing ? (
            <Button variant="subtle" size="xs" onClick={() => setEditing(true)}>
              {t("plan:focus.change")}
            </Button>
          ) : null}
        </Group>
        {editing ? (
          <FocusEditor plan={plan} onDone={() => setEditing(false)} />
        ) : (
          <>
            <div>
              <Text fw={600} size="sm">
                {t("plan:focus.workOn")}
              </Text>
              <List spacing={4} mt={4} listStyleType="none" ml={0}>
                {plan.focus.map((key) => (
                  <List.Item key={key}>
                    <Group gap="xs" wrap="wrap">
                      <DimensionTag dimension={key} />
                      {reasons.get(key) ? (
                        <Text size="sm" c="dimmed">
                          {reasons.get(key)}
                        </Text>
                      ) : null}
                    </Group>
                  </List.Item>
                ))}
              </List>
            </div>
            <div>
              <Text fw={600} size="sm">
                {t("plan:focus.buildOn")}
              </Text>
              <Group gap="xs" mt={4} wrap="wrap">
                <DimensionTag dimension={plan.strength} />
                {plan.reasons ? (
                  <Text size="sm" c="dimmed">
                    {planReasonText(plan.reasons.strength)}
                  </Text>
                ) : null}
              </Group>
            </div>
            {plan.reasons ? (
              <Text size="xs" c="dimmed">
                {t("plan:focus.privacy")}
              </Text>
            ) : null}
          </>
        )}
      </Stack>
    </Card>
  );
}

function FocusEditor({ plan, onDone }: { plan: PlanView; onDone: () => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const form = useForm<FocusValues>({
    initialValues: { focus: plan.focus, strength: plan.strength },
    validate: schemaResolver<FocusValues>(focusSchema),
  });
  const { focus, strength } = form.values;
  const update = useMutation(
    trpc.plans.update.mutationOptions({
      onSuccess: async (edited) => {
        await invalidate.planEdited(edited);
        onDone();
      },
    }),
  );
  const save = form.onSubmit(({ focus, strength }) => {
    if (strength) update.mutate({ planId: plan.id, focus, strength });
  });
  const strengthOptions = DIMENSIONS.filter((d) => !focus.includes(d.key)).map((d) => ({
    value: d.key,
    label: dimensionName(t, d.key),
  }));
  const valid = focusSchema.safeParse(form.values).success && strength !== null && !focus.includes(strength);
  return (
    <Stack gap="sm">
      <Chip.Group
        multiple
        value={focus}
        onChange={(value) => form.setFieldValue("focus", value as DimensionKey[])}
      >
        <Group gap="xs" role="group" aria-label={t("plan:focus.chips")}>
          {DIMENSIONS.map((d) => (
            <Chip
              key={d.key}
              value={d.key}
              disabled={!focus.includes(d.key) && focus.length >= PLAN_LIMITS.maxFocus}
            >
              {dimensionName(t, d.key)}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <Select
        label={t("plan:focus.strength")}
        description={t("plan:focus.strengthHint")}
        data={strengthOptions}
        value={strength && !focus.includes(strength) ? strength : null}
        onChange={(value) => form.setFieldValue("strength", value as DimensionKey | null)}
        allowDeselect={false}
        maw={320}
      />
      {update.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(update.error)}
        </Alert>
      ) : null}
      <Group>
        <Button disabled={!valid} loading={update.isPending} onClick={() => save()}>
          {t("plan:focus.save")}
        </Button>
        <Button variant="default" onClick={onDone}>
          {t("plan:cancel")}
        </Button>
      </Group>
      <Text size="xs" c="dimmed">
        {focus.length === 0
          ? t("plan:focus.chooseOne")
          : t("plan:focus.working", {
              dimensions: focus.map((key) => dimensionName(t, key)).join(t("plan:focus.and")),
            })}
      </Text>
    </Stack>
  );
}

type Reason = NonNullable<PlanView["reasons"]>["strength"];

/** The "why" beside a focus or the strength, in the page's language, from the API's data. */
export function planReasonText(reason: Reason): string {
  return i18next.t(`plan:reason.${reason.code}`, {
    dimension: i18next.t(`common:dimension.${reason.dimension}`),
    others: reason.others === null ? "" : formatNumber(reason.others, 1),
    self: reason.self === null ? "" : formatNumber(reason.self, 1),
  });
}
