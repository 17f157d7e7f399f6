// The cycle wizard (admins): who takes part → the calendar → the rater rules → the pre-flight →
// the launch. The cycle is written as a draft when the pre-flight starts; the pre-flight itself
// writes nothing, and the launch is its own step.
import { Alert, Button, Group, Stack, Stepper, Text, Title } from "@mantine/core";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { populationError, populationOf, useCycleForm } from "../components/cycles/cycleForm";
import { PhasesStep, RulesStep } from "../components/cycles/PhasesRulesSteps";
import { type PopulationChoice, PopulationStep } from "../components/cycles/PopulationStep";
import { PreflightStep } from "../components/cycles/PreflightStep";
import { useInvalidate } from "../lib/invalidate";
import { errorMessage } from "../lib/labels";
import { useTRPC } from "../lib/trpc";

const PHASE_FIELDS = ["name", "nominationsCloseOn", "answersDueOn", "releaseOn"] as const;

export default function AdminCycleNewPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const invalidate = useInvalidate();
  const form = useCycleForm();
  const [step, setStep] = useState(0);
  const [choice, setChoice] = useState<PopulationChoice>({ mode: "teams", teamIds: [], personIds: [] });
  const [stepError, setStepError] = useState<string | null>(null);
  const [cycleId, setCycleId] = useState<string | null>(null);
  const create = useMutation(
    trpc.cycles.create.mutationOptions({
      onSuccess: async ({ id }) => {
        setCycleId(id);
        setStep(3);
        await invalidate.cycleChanged();
      },
    }),
  );
  const population = populationOf(choice.mode, choice.teamIds, choice.personIds);

  const next = () => {
    setStepError(null);
    if (step === 0) {
      const error = populationError(population);
      if (error) return setStepError(error);
    }
    if (step === 1) {
      const failed = PHASE_FIELDS.map((field) => form.validateField(field).hasError).some(Boolean);
      if (failed) return;
    }
    if (step === 2) {
      if (form.validate().hasErrors) return setStepError(t("cycles:wizard.rulesError"));
      return create.mutate({ ...form.getValues(), population });
    }
    setStep(step + 1);
  };

  return (
    <Stack maw={1000}>
      <Title order={2}>{t("cycles:wizard.title")}</Title>
      <Stepper active={step} onStepClick={cycleId ? undefined : (s) => s < step && setStep(s)}>
        <Stepper.Step label={t("cycles:wizard.stepPopulation")}>
          <PopulationStep value={choice} onChange={setChoice} />
        </Stepper.Step>
        <Stepper.Step label={t("cycles:wizard.stepPhases")}>
          <PhasesStep form={form} />
        </Stepper.Step>
        <Stepper.Step label={t("cycles:wizard.stepRules")}>
          <RulesStep form={form} />
        </Stepper.Step>
        <Stepper.Step label={t("cycles:wizard.stepPreflight")}>
          {cycleId ? <PreflightStep cycleId={cycleId} /> : null}
        </Stepper.Step>
      </Stepper>
      {stepError ? (
        <Text c="red" size="sm" role="alert">
          {stepError}
        </Text>
      ) : null}
      {create.isError ? (
        <Alert color="red" role="alert">
          {errorMessage(create.error)}
        </Alert>
      ) : null}
      {step < 3 ? (
        <Group>
          <Button variant="default" disabled={step === 0} onClick={() => setStep(step - 1)}>
            {t("cycles:wizard.back")}
          </Button>
          <Button onClick={next} loading={create.isPending}>
            {step === 2 ? t("cycles:wizard.save") : t("cycles:wizard.next")}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
