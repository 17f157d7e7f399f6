// What publishing needs, ticked off as it happens, and the button once it is all there.
import { Alert, Button, Card, List, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import type { PlanView } from "./types";

export function PublishCard({ plan }: { plan: PlanView }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const publish = useMutation(
    trpc.plans.publish.mutationOptions({ onSuccess: () => invalidate.planStateChanged(plan.id) }),
  );
  const c = plan.circle;
  const checks = [
    { done: plan.actions.some((a) => a.picked), text: "At least one action ticked" },
    { done: Object.values(plan.woop).every((part) => part.trim() !== ""), text: "The WOOP goal filled in" },
    {
      done: c.partners >= c.minPartners && c.partners <= c.maxPartners,
      text: `${c.minPartners}–${c.maxPartners} partners accepted (${c.partners} so far)`,
    },
    { done: c.leads === 1, text: "Your accountability lead accepted" },
  ];
  const ready = checks.every((check) => check.done);
  return (
    <Card withBorder data-testid="publish-card">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Publish
        </Title>
        <Text size="sm">Publishing starts the check-ins: your circle sees the plan go live.</Text>
        <List spacing={4} size="sm" aria-label="Before you publish">
          {checks.map((check) => (
            <List.Item key={check.text} icon={<span aria-hidden="true">{check.done ? "✓" : "○"}</span>}>
              <Text span size="sm" c={check.done ? undefined : "dimmed"}>
                {check.text}
                <VisuallyHidden>{check.done ? " (done)" : " (to do)"}</VisuallyHidden>
              </Text>
            </List.Item>
          ))}
        </List>
        {publish.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(publish.error)}
          </Alert>
        ) : null}
        <Button
          disabled={!ready}
          loading={publish.isPending}
          onClick={() => publish.mutate({ planId: plan.id })}
        >
          Publish the plan
        </Button>
      </Stack>
    </Card>
  );
}
