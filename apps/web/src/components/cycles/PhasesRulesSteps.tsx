// The wizard's calendar (name and the three days) and rater rules, as fields of one form.
import { Checkbox, Group, NumberInput, Select, Stack, Text, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import type { CycleValues } from "./cycleForm";

type Form = UseFormReturnType<CycleValues>;

const asNumber = (value: number | string) =>
  typeof value === "number" ? value : Number.parseInt(value, 10) || 0;

export function PhasesStep({ form }: { form: Form }) {
  return (
    <Stack maw={420}>
      <TextInput label="Name" placeholder="Spring 2027" {...form.getInputProps("name")} />
      <TextInput
        type="date"
        label="Nominations close on"
        description="Subjects propose peers and managers approve until the end of this day (UTC)."
        {...form.getInputProps("nominationsCloseOn")}
      />
      <TextInput
        type="date"
        label="Answers due on"
        description="Invitations go out when nominations close; raters answer until this day."
        {...form.getInputProps("answersDueOn")}
      />
      <TextInput
        type="date"
        label="Release on"
        description="Every report of the cycle is released together on this day."
        {...form.getInputProps("releaseOn")}
      />
    </Stack>
  );
}

export function RulesStep({ form }: { form: Form }) {
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
      <Checkbox
        label="The subject rates themself"
        {...form.getInputProps("rules.self", { type: "checkbox" })}
      />
      <Checkbox
        label="The manager rates them"
        {...form.getInputProps("rules.manager", { type: "checkbox" })}
      />
      <Select
        label="Direct reports"
        data={[
          { value: "all", label: "Every direct report rates their manager" },
          { value: "none", label: "No direct reports" },
        ]}
        allowDeselect={false}
        w={340}
        {...form.getInputProps("rules.directReports")}
      />
      <Text size="sm" fw={600}>
        Peers the subject proposes (their manager approves)
      </Text>
      <Group>
        {number("rules.peers.min", "At least")}
        {number("rules.peers.max", "At most")}
      </Group>
      <Checkbox
        label="Subjects may also propose others (outside the organisation)"
        {...form.getInputProps("rules.others", { type: "checkbox" })}
      />
      {number("rules.raterCap", "Most requests per rater", "No one is asked to answer more in this cycle.")}
    </Stack>
  );
}
