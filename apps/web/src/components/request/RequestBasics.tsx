// The request's subject and deadline day, and whether it opens now or waits as a draft.
import { Radio, Select, Stack, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { inDays, type NewRequestValues } from "./newRequestForm";

type Form = UseFormReturnType<NewRequestValues>;

export function RequestBasics({
  form,
  subjects,
}: {
  form: Form;
  subjects: Array<{ value: string; label: string }>;
}) {
  return (
    <>
      <Select
        label="Who is the feedback about?"
        placeholder="Pick a person"
        data={subjects}
        {...form.getInputProps("subjectId")}
        searchable
        required
      />
      <TextInput
        label="Deadline"
        description="Raters can answer until the end of this day; the request then closes by itself."
        type="date"
        min={inDays(1)}
        max={inDays(365)}
        {...form.getInputProps("deadline")}
        required
      />
    </>
  );
}

export function WhenChoice({ form }: { form: Form }) {
  return (
    <Radio.Group label="When" {...form.getInputProps("mode")}>
      <Stack gap="xs" mt="xs">
        <Radio value="open" label="Open now: invite the raters today" />
        <Radio
          value="draft"
          label="Save as a draft first, so the person can propose raters for you to approve"
        />
      </Stack>
    </Radio.Group>
  );
}
