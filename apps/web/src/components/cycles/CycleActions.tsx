// The admin's levers on a running cycle: remind every rater still due, move a phase's day later,
// release early once answering is under way. Each says what it did.
import { Alert, Button, Card, Group, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type CycleDetail, cycleDay } from "../../lib/cycles";
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
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const options = { onSuccess: () => invalidate.cycleChanged() };
  const remind = useMutation(trpc.cycles.remind.mutationOptions(options));
  const release = useMutation(trpc.cycles.release.mutationOptions(options));
  const cycleId = cycle.id;
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t("cycles:actions.title")}
        </Title>
        <Group align="flex-start">
          <Stack gap={4}>
            <Button variant="default" loading={remind.isPending} onClick={() => remind.mutate({ cycleId })}>
              {t("cycles:actions.remind")}
            </Button>
            <Outcome
              error={remind.error}
              success={remind.data ? t("cycles:actions.reminded", { count: remind.data.reminded }) : null}
            />
          </Stack>
          <Stack gap={4}>
            <Button color="green" loading={release.isPending} onClick={() => release.mutate({ cycleId })}>
              {t("cycles:actions.release")}
            </Button>
            <Outcome
              error={release.error}
              success={
                release.data
                  ? t("cycles:actions.released", {
                      released: release.data.released,
                      insufficient: release.data.insufficient,
                    })
                  : null
              }
            />
          </Stack>
        </Group>
        <ExtendPhase cycle={cycle} />
        {cycle.phase === "draft" ? <Alert color="blue">{t("cycles:actions.draft")}</Alert> : null}
      </Stack>
    </Card>
  );
}

/** Moves the day a phase ends (cycles.extend). */
function ExtendPhase({ cycle }: { cycle: CycleDetail }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const extend = useMutation(
    trpc.cycles.extend.mutationOptions({ onSuccess: () => invalidate.cycleChanged() }),
  );
  const [phase, setPhase] = useState<Extendable>("nominations");
  const [on, setOn] = useState("");
  const cycleId = cycle.id;
  return (
    <>
      <Group align="flex-end">
        <Select
          label={t("cycles:actions.extend")}
          data={[
            { value: "nominations", label: t("cycles:actions.extendNominations") },
            { value: "answering", label: t("cycles:actions.extendAnswering") },
            { value: "released", label: t("cycles:actions.extendRelease") },
          ]}
          value={phase}
          onChange={(v) => setPhase((v as Extendable) ?? "nominations")}
          allowDeselect={false}
          w={200}
        />
        <TextInput
          type="date"
          label={t("cycles:actions.toDay")}
          description={t("cycles:actions.now", {
            day: cycle[DAY_OF[phase]] ? cycleDay(cycle[DAY_OF[phase]]) : t("cycles:actions.notSet"),
          })}
          value={on}
          onChange={(e) => setOn(e.currentTarget.value)}
        />
        <Button
          variant="default"
          disabled={!on}
          loading={extend.isPending}
          onClick={() => extend.mutate({ cycleId, phase, on })}
        >
          {t("cycles:actions.extendButton")}
        </Button>
      </Group>
      <Outcome
        error={extend.error}
        success={
          extend.data ? t("cycles:actions.moved", { day: cycleDay(extend.data[DAY_OF[phase]] ?? on) }) : null
        }
      />
    </>
  );
}
