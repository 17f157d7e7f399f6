// What publishing needs, ticked off as it happens, and the button once it is all there (the
// circle invited, not necessarily answered).
import { Alert, Button, Card, List, Stack, Text, Title, VisuallyHidden } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import type { PlanView } from "./types";

export function PublishCard({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const publish = useMutation(
    trpc.plans.publish.mutationOptions({ onSuccess: () => invalidate.planStateChanged(plan.id) }),
  );
  const c = plan.circle;
  const checks = [
    { done: plan.actions.some((a) => a.picked), text: t("plan:publish.action") },
    { done: Object.values(plan.woop).every((part) => part.trim() !== ""), text: t("plan:publish.woop") },
    // Invited is enough: the circle fills as people accept, after publishing too.
    {
      done: c.asked.partners >= c.minPartners && c.asked.partners <= c.maxPartners,
      text: t("plan:publish.partners", {
        min: c.minPartners,
        max: c.maxPartners,
        asked: c.asked.partners,
        accepted: c.partners,
      }),
    },
    {
      done: c.asked.leads === 1,
      text: c.leads === 1 ? t("plan:publish.leadAccepted") : t("plan:publish.leadInvited"),
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
      aria-label={t("plan:publish.title")}
    >
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("plan:publish.title")}
        </Title>
        <Text size="sm">{t("plan:publish.intro")}</Text>
        <List spacing={4} size="sm" aria-label={t("plan:publish.checklist")}>
          {checks.map((check) => (
            <List.Item key={check.text} icon={<span aria-hidden="true">{check.done ? "✓" : "○"}</span>}>
              <Text span size="sm" c={check.done ? undefined : "dimmed"}>
                {check.text}
                <VisuallyHidden>
                  {check.done ? t("plan:publish.done") : t("plan:publish.todo")}
                </VisuallyHidden>
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
          {t("plan:publish.button")}
        </Button>
      </Stack>
    </Card>
  );
}
