// The wizard's calendar (name and the three days) and rater rules, as fields of one form.
import { Checkbox, Group, NumberInput, Select, Stack, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { CycleValues } from "./cycleForm";

type Form = UseFormReturnType<CycleValues>;

const asNumber = (value: number | string) =>
  typeof value === "number" ? value : Number.parseInt(value, 10) || 0;

export function PhasesStep({ form }: { form: Form }) {
  const { t } = useTranslation();
  return (
    <Stack maw={420}>
      <TextInput
        label={t("cycles:phases.name")}
        placeholder={t("cycles:phases.namePlaceholder")}
        {...form.getInputProps("name")}
      />
      <TextInput
        type="date"
        label={t("cycles:phases.nominationsClose")}
        description={t("cycles:phases.nominationsCloseHint")}
        {...form.getInputProps("nominationsCloseOn")}
      />
      <TextInput
        type="date"
        label={t("cycles:phases.answersDue")}
        description={t("cycles:phases.answersDueHint")}
        {...form.getInputProps("answersDueOn")}
      />
      <TextInput
        type="date"
        label={t("cycles:phases.releaseOn")}
        description={t("cycles:phases.releaseOnHint")}
        {...form.getInputProps("releaseOn")}
      />
    </Stack>
  );
}

export function RulesStep({ form }: { form: Form }) {
  const { t } = useTranslation();
  const number = (path: string, label: string, description?: string) => {
    const props = form.getInputProps(path);
    return (
      <NumberInput
        label={label}
        description={description}
        min={0}
        w={200}
        {...props}
        onChange={(v) => props.onChange(asNumber(v))}
      />
    );
  };
  return (
    <Stack maw={560}>
      <Checkbox label={t("cycles:rules.self")} {...form.getInputProps("rules.self", { type: "checkbox" })} />
      <Checkbox
        label={t("cycles:rules.manager")}
        {...form.getInputProps("rules.manager", { type: "checkbox" })}
      />
      <Select
        label={t("cycles:rules.directReports")}
        data={[
          { value: "all", label: t("cycles:rules.directReportsAll") },
          { value: "none", label: t("cycles:rules.directReportsNone") },
        ]}
        allowDeselect={false}
        w={340}
        {...form.getInputProps("rules.directReports")}
      />
      <Text size="sm" fw={600}>
        {t("cycles:rules.peers")}
      </Text>
      <Group>
        {number("rules.peers.min", t("cycles:rules.atLeast"))}
        {number("rules.peers.max", t("cycles:rules.atMost"))}
      </Group>
      <Checkbox
        label={t("cycles:rules.others")}
        {...form.getInputProps("rules.others", { type: "checkbox" })}
      />
      {number("rules.raterCap", t("cycles:rules.raterCap"), t("cycles:rules.raterCapHint"))}
    </Stack>
  );
}
