// The perceived-change pulse on the plan page, for the owner and their coach: the owner picks the
// day it opens (6–12 weeks after publishing, eight proposed); both read what it found. Before
// release nothing shows but its dates: never who or how many answered.

import { Alert, Button, Card, Group, List, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { formatDay } from "../../lib/format";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import { PerceivedChangeTable } from "../pulse/PerceivedChangeTable";
import type { PlanView } from "./types";

function PulseStatus({ pulse }: { pulse: NonNullable<PlanView["pulse"]> }) {
  const text = {
    scheduled: `Scheduled: it opens on ${formatDay(pulse.opensOn)}. Your raters get a two-minute survey on your focus behaviours.`,
    open: `Open until ${pulse.closesOn ? formatDay(pulse.closesOn) : "its deadline"}: ${pulse.invited ?? 0} of your raters were asked. Results show once it closes.`,
    released: "Released: what your raters perceive is below.",
    insufficient: "Closed without results: too few raters to show anything without singling someone out.",
    cancelled: "Cancelled.",
  }[pulse.state];
  return (
    <Text size="sm" data-testid="pulse-status">
      {text}
    </Text>
  );
}

function ScheduleForm({ plan }: { plan: PlanView }) {
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
          label="Day the pulse opens"
          description={`From ${formatDay(window.from)} to ${formatDay(window.to)} (6 to 12 weeks after publishing)`}
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
            Schedule the pulse
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function PulseCard({ plan }: { plan: PlanView }) {
  if (plan.perceivedChange === null) return null;
  const owner = plan.relation === "owner";
  const pending = plan.pulse && (plan.pulse.state === "scheduled" || plan.pulse.state === "open");
  const canSchedule = owner && plan.state === "active" && !pending;
  return (
    <Card withBorder role="region" aria-label="Perceived change" data-testid="pulse-card">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Perceived change
        </Title>
        <Text size="sm" c="dimmed">
          A few weeks in, the people who gave you feedback say whether they see you become more or less
          effective at your focus behaviours. Anonymous: averages over at least k raters only.
        </Text>
        {plan.pulse ? <PulseStatus pulse={plan.pulse} /> : null}
        {plan.perceivedChange.length > 0 ? (
          <PerceivedChangeTable
            figures={plan.perceivedChange}
            caption="Perceived change since the plan began"
          />
        ) : null}
        {plan.pulse && plan.pulse.suggestions.length > 0 ? (
          <List size="sm" spacing={4} aria-label="Suggestions from your raters">
            {plan.pulse.suggestions.map((text) => (
              <List.Item key={text}>{text}</List.Item>
            ))}
          </List>
        ) : null}
        {canSchedule ? <ScheduleForm plan={plan} /> : null}
        {!owner && !plan.pulse ? <Text size="sm">No pulse scheduled yet.</Text> : null}
      </Stack>
    </Card>
  );
}
