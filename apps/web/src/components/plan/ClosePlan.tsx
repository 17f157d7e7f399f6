// Closing the plan with a reflection: what changed and what you learned. Closed is final.
import { CHECKIN_LIMITS, reflectionSchema } from "@fivefold/domain";
import { Alert, Button, Group, Modal, Stack, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { schemaResolver } from "../../lib/form";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import type { PlanView } from "./types";

export function ClosePlan({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [opened, setOpened] = useState(false);
  const form = useForm({
    initialValues: { reflection: "" },
    validate: schemaResolver<{ reflection: string }>(z.object({ reflection: reflectionSchema })),
  });
  const reflection = form.values.reflection;
  const close = useMutation(
    trpc.plans.close.mutationOptions({
      onSuccess: async () => {
        setOpened(false);
        await invalidate.planStateChanged(plan.id);
      },
    }),
  );
  const submit = form.onSubmit((values) => close.mutate({ planId: plan.id, ...values }));
  return (
    <>
      <Button variant="default" onClick={() => setOpened(true)}>
        {t("plan:close.button")}
      </Button>
      <Modal opened={opened} onClose={() => setOpened(false)} title={t("plan:close.title")}>
        <Stack>
          <Text size="sm">{plan.state === "draft" ? t("plan:close.draft") : t("plan:close.active")}</Text>
          <Textarea
            label={t("plan:close.reflection")}
            description={t("plan:close.reflectionHint")}
            {...form.getInputProps("reflection")}
            autosize
            minRows={3}
            maxLength={CHECKIN_LIMITS.reflection}
            data-autofocus
          />
          {close.isError ? (
            <Alert color="red" role="alert">
              {errorMessage(close.error)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setOpened(false)}>
              {t("plan:close.keepOpen")}
            </Button>
            <Button
              disabled={reflection.trim().length === 0}
              loading={close.isPending}
              onClick={() => submit()}
            >
              {t("plan:close.button")}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
