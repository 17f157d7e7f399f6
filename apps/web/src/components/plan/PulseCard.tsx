// The perceived-change pulse on the plan page, for the owner and their coach: the owner picks the
// day it opens (6–12 weeks after publishing, eight proposed); both read what it found. Before
// release nothing shows but its dates: never who or how many answered.

import { Alert, Button, Card, Group, List, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDay } from "../../lib/format";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import { PerceivedChangeTable } from "../pulse/PerceivedChangeTable";
import type { PlanView } from "./types";

function PulseStatus({ pulse }: { pulse: NonNullable<PlanView["pulse"]> }) {
  const { t } = useTranslation();
  const invited = pulse.invited ?? 0;
  const text =
    pulse.state === "scheduled"
      ? t("plan:pulse.status.scheduled", { opens: formatDay(pulse.opensOn) })
      : pulse.state === "open"
        ? pulse.closesOn
          ? t("plan:pulse.status.open", { closes: formatDay(pulse.closesOn), invited })
          : t("plan:pulse.status.openNoDeadline", { invited })
        : t(`plan:pulse.status.${pulse.state}`);
  return (
    <Text size="sm" data-testid="pulse-status">
      {text}
    </Text>
  );
}

function ScheduleForm({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const window = plan.pulseWindow;
  const [on, setOn] = useState(window?.proposed ?? "");
  const schedule = useMutation(
    trpc.pulses.schedule.mutationOptions({ onSuccess: () => invalidate.planStateChanged(plan.id) }),
  );
  if (!window) return null;
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        schedule.mutate({ planId: plan.id, on });
      }}
    >
      <Stack gap="xs">
        <TextInput
          type="date"
          label={t("plan:pulse.day")}
          description={t("plan:pulse.window", { from: formatDay(window.from), to: formatDay(window.to) })}
          min={window.from}
          max={window.to}
          value={on}
          onChange={(event) => setOn(event.currentTarget.value)}
          required
        />
        {schedule.isError ? (
          <Alert color="red" role="alert">
            {errorMessage(schedule.error)}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={schedule.isPending}>
            {t("plan:pulse.schedule")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PulseCard({ plan }: { plan: PlanView }) {
  const { t } = useTranslation();
  if (plan.perceivedChange === null) return null;
  const owner = plan.relation === "owner";
  const pending = plan.pulse && (plan.pulse.state === "scheduled" || plan.pulse.state === "open");
  const canSchedule = owner && plan.state === "active" && !pending;
  return (
    <Card withBorder role="region" aria-label={t("plan:pulse.title")} data-testid="pulse-card">
      <Stack gap="sm">
        <Title order={3} size="h4">
          {t("plan:pulse.title")}
        </Title>
        <Text size="sm" c="dimmed">
          {t("plan:pulse.intro")}
        </Text>
        {plan.pulse ? <PulseStatus pulse={plan.pulse} /> : null}
        {plan.perceivedChange.length > 0 ? (
          <PerceivedChangeTable figures={plan.perceivedChange} caption={t("plan:pulse.caption")} />
        ) : null}
        {plan.pulse && plan.pulse.suggestions.length > 0 ? (
          <List size="sm" spacing={4} aria-label={t("plan:pulse.suggestions")}>
            {plan.pulse.suggestions.map((text) => (
              <List.Item key={text}>{text}</List.Item>
            ))}
          </List>
        ) : null}
        {canSchedule ? <ScheduleForm plan={plan} /> : null}
        {!owner && !plan.pulse ? <Text size="sm">{t("plan:pulse.none")}</Text> : null}
      </Stack>
    </Card>
  );
}
