// Overall progress in percent: a slider, and a number field for the keyboard, kept in step.
import { Group, NumberInput, Slider, Text } from "@mantine/core";

export function ProgressField({ value, onChange }: { value: number; onChange: (value: number) => void }) {
  return (
    <div>
      <Text size="sm" fw={600} id="progress-label">
        Overall progress
      </Text>
      <Group align="center" wrap="nowrap" gap="md">
        <Slider
          flex={1}
          value={value}
          onChange={onChange}
          step={5}
          min={0}
          max={100}
          label={(v) => `${v}%`}
          thumbLabel="Overall progress"
          marks={[
            { value: 0, label: "0%" },
            { value: 50, label: "50%" },
            { value: 100, label: "100%" },
          ]}
          mb="md"
        />
        <NumberInput
          aria-label="Progress in percent"
          value={value}
          onChange={(v) => onChange(Math.max(0, Math.min(100, Math.round(Number(v) || 0))))}
          min={0}
          max={100}
          suffix="%"
          w={90}
          allowDecimal={false}
        />
      </Group>
    </div>
  );
}
