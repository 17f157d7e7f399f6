// What publishing needs, ticked off as it happens, and the button once it is all there (the
// circle invited, not necessarily answered).
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
    // Invited is enough: the circle fills as people accept, after publishing too.
    {
      done: c.asked.partners >= c.minPartners && c.asked.partners <= c.maxPartners,
      text: `${c.minPartners}–${c.maxPartners} partners invited (${c.asked.partners} so far, ${c.partners} accepted)`,
    },
    {
      done: c.asked.leads === 1,
      text: c.leads === 1 ? "Your accountability lead accepted" : "An accountability lead invited",
    },
  ];
  const ready = checks.every((check) => check.done);
  return (
    <Card
      withBorder
      data-testid="publish-card"
      id="publish-card"
      tabIndex={-1}
      role="region"
      aria-label="Publish"
    >
      <Stack gap="sm">
        <Title order={3} size="h4">
          Publish
        </Title>
        <Text size="sm">
          Publishing starts the check-ins: your circle sees the plan go live. You need not wait for everyone
          to answer: the circle fills as people accept.
        </Text>
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
