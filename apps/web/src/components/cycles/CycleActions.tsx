// The admin's levers on a running cycle: remind every rater still due, move a phase's day later,
// release early once answering is under way. Each says what it did.
import { Alert, Button, Card, Group, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import type { CycleDetail } from "../../lib/cycles";
import { useInvalidate } from "../../lib/invalidate";
import { errorMessage } from "../../lib/labels";
import { useTRPC } from "../../lib/trpc";

type Extendable = "nominations" | "answering" | "released";
const DAY_OF: Record<Extendable, "nominationsCloseOn" | "answersDueOn" | "releaseOn"> = {
  nominations: "nominationsCloseOn",
  answering: "answersDueOn",
  released: "releaseOn",
};

function Outcome({ error, success }: { error: unknown; success: string | null }) {
  if (error) {
    return (
      <Text size="sm" c="red" role="alert">
        {errorMessage(error)}
      </Text>
    );
  }
  return success ? (
    <Text size="sm" c="green" role="status">
      {success}
    </Text>
  ) : null;
}

export function CycleActions({ cycle }: { cycle: CycleDetail }) {
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const options = { onSuccess: () => invalidate.cycleChanged() };
  const remind = useMutation(trpc.cycles.remind.mutationOptions(options));
  const release = useMutation(trpc.cycles.release.mutationOptions(options));
  const extend = useMutation(trpc.cycles.extend.mutationOptions(options));
  const [phase, setPhase] = useState<Extendable>("nominations");
  const [on, setOn] = useState("");
  const cycleId = cycle.id;
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          Actions
        </Title>
        <Group align="flex-start">
          <Stack gap={4}>
            <Button variant="default" loading={remind.isPending} onClick={() => remind.mutate({ cycleId })}>
              Remind raters still due
            </Button>
            <Outcome
              error={remind.error}
              success={remind.data ? `${remind.data.reminded} reminder(s) queued` : null}
            />
          </Stack>
          <Stack gap={4}>
            <Button color="green" loading={release.isPending} onClick={() => release.mutate({ cycleId })}>
              Release the cycle now
            </Button>
            <Outcome
              error={release.error}
              success={
                release.data
                  ? `${release.data.released} released; ${release.data.insufficient} with too few answers`
                  : null
              }
            />
          </Stack>
        </Group>
        <Group align="flex-end">
          <Select
            label="Extend"
            data={[
              { value: "nominations", label: "Nominations" },
              { value: "answering", label: "Answering" },
              { value: "released", label: "The release day" },
            ]}
            value={phase}
            onChange={(v) => setPhase((v as Extendable) ?? "nominations")}
            allowDeselect={false}
            w={200}
          />
          <TextInput
            type="date"
            label="To the day"
            description={`Now ${cycle[DAY_OF[phase]] ?? "not set"}`}
            value={on}
            onChange={(e) => setOn(e.currentTarget.value)}
          />
          <Button
            variant="default"
            disabled={!on}
            loading={extend.isPending}
            onClick={() => extend.mutate({ cycleId, phase, on })}
          >
            Extend
          </Button>
        </Group>
        <Outcome
          error={extend.error}
          success={extend.data ? `Moved to ${extend.data[DAY_OF[phase]] ?? on}` : null}
        />
        {cycle.phase === "draft" ? (
          <Alert color="blue">This cycle is a draft: run its pre-flight and launch it from the wizard.</Alert>
        ) : null}
      </Stack>
    </Card>
  );
}
