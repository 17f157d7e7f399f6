// The WOOP goal: wish, outcome, obstacle and an if–then plan. The owner (or their coach) edits it.
import { PLAN_LIMITS, woopSchema } from "@fivefold/domain";
import { Alert, Button, Card, Group, Stack, Text, Textarea, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation } from "@tanstack/react-query";
import { schemaResolver } from "../../lib/form";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import type { PlanView } from "./types";

const PARTS = [
  { key: "wish", label: "Wish", hint: "What you want to achieve" },
  { key: "outcome", label: "Outcome", hint: "How it will feel or look when you get there" },
  { key: "obstacle", label: "Obstacle", hint: "What in you is most likely to get in the way" },
  { key: "plan", label: "Plan", hint: "If [the obstacle shows up], then I will [do this]" },
] as const;

type Woop = PlanView["woop"];

export function WoopCard({ plan, editable }: { plan: PlanView; editable: boolean }) {
  return (
    <Card withBorder data-testid="woop-card">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Goal (WOOP)
        </Title>
        {editable ? (
          <WoopEditor key={JSON.stringify(plan.woop)} plan={plan} />
        ) : (
          <Stack gap="xs">
            {PARTS.map((part) => (
              <div key={part.key}>
                <Text size="sm" fw={600}>
                  {part.label}
                </Text>
                <Text size="sm">{plan.woop[part.key] || "—"}</Text>
              </div>
            ))}
          </Stack>
        )}
      </Stack>
    </Card>
  );
}

function WoopEditor({ plan }: { plan: PlanView }) {
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
          key={part.key}
          label={part.label}
          description={part.hint}
          {...form.getInputProps(part.key)}
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
          Save goal
        </Button>
        {dirty ? (
          <Text size="xs" c="dimmed">
            Unsaved changes
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}
