// Overall progress in percent: a slider, and a number field for the keyboard, kept in step.
import { Group, NumberInput, Slider, Text } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { percent } from "./types";

export function ProgressField({ value, onChange }: { value: number; onChange: (value: number) => void }) {
  const { t } = useTranslation();
  return (
    <div>
      <Text size="sm" fw={600} id="progress-label">
        {t("plan:progress.overall")}
      </Text>
      <Group align="center" wrap="nowrap" gap="md">
        <Slider
          flex={1}
          value={value}
          onChange={onChange}
          step={5}
          min={0}
          max={100}
          label={(v) => percent(t, v)}
          thumbLabel={t("plan:progress.overall")}
          marks={[
            { value: 0, label: percent(t, 0) },
            { value: 50, label: percent(t, 50) },
            { value: 100, label: percent(t, 100) },
          ]}
          mb="md"
        />
        <NumberInput
          aria-label={t("plan:progress.input")}
          value={value}
          onChange={(v) => onChange(Math.max(0, Math.min(100, Math.round(Number(v) || 0))))}
          min={0}
          max={100}
          suffix={t("plan:percentSuffix")}
          w={90}
          allowDecimal={false}
        />
      </Group>
    </div>
  );
}
