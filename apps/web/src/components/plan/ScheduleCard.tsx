// Cadence and dates of the plan; the owner sets them, the start is fixed once published.
import { formatDay } from "@fivefold/domain";
import { Alert, Button, Card, Group, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";
import { CADENCE_LABELS, type PlanView } from "./types";

type Cadence = PlanView["cadence"];

export function ScheduleCard({ plan, editable }: { plan: PlanView; editable: boolean }) {
  return (
    <Card withBorder data-testid="schedule-card">
      <Stack gap="sm">
        <Title order={3} size="h4">
          Rhythm
        </Title>
        {editable ? (
          <ScheduleEditor key={`${plan.cadence}${plan.startsOn}${plan.endsOn}${plan.state}`} plan={plan} />
        ) : (
          <Text size="sm">
            {CADENCE_LABELS[plan.cadence]}, from {formatDay(plan.startsOn)} to {formatDay(plan.endsOn)}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function ScheduleEditor({ plan }: { plan: PlanView }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const [cadence, setCadence] = useState<Cadence>(plan.cadence);
  const [startsOn, setStartsOn] = useState(plan.startsOn);
  const [endsOn, setEndsOn] = useState(plan.endsOn);
  const update = useMutation(trpc.plans.update.mutationOptions({ onSuccess: invalidate.planEdited }));
  const published = plan.state !== "draft";
  const dirty = cadence !== plan.cadence || startsOn !== plan.startsOn || endsOn !== plan.endsOn;
  return (
    <Stack gap="sm">
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Check-ins"
          data={(Object.keys(CADENCE_LABELS) as Cadence[]).map((c) => ({
            value: c,
            label: CADENCE_LABELS[c],
          }))}
          value={cadence}
          onChange={(value) => value && setCadence(value as Cadence)}
          allowDeselect={false}
          w={200}
        />
        <TextInput
          type="date"
          label="Starts on"
          value={startsOn}
          onChange={(event) => setStartsOn(event.currentTarget.value)}
          disabled={published}
          description={published ? "Fixed once published" : undefined}
          w={170}
        />
        <TextInput
          type="date"
          label="Ends on"
          value={endsOn}
          onChange={(event) => setEndsOn(event.currentTarget.value)}
          w={170}
        />
      </Group>
      {update.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(update.error)}
        </Alert>
      ) : null}
      <Group>
        <Button
          onClick={() =>
            update.mutate({ planId: plan.id, cadence, endsOn, ...(published ? {} : { startsOn }) })
          }
          disabled={!dirty}
          loading={update.isPending}
        >
          Save rhythm
        </Button>
        {!published ? (
          <Text size="xs" c="dimmed">
            A start date already past moves to the day you publish.
          </Text>
        ) : null}
      </Group>
    </Stack>
  );
}
