// The request's subject and deadline day, and whether it opens now or waits as a draft.
import { Radio, Select, Stack, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { PersonSelect } from "../people/PersonPicker";
import { inDays, type NewRequestValues } from "./newRequestForm";

type Form = UseFormReturnType<NewRequestValues>;

export function RequestBasics({
  form,
  subjects,
}: {
  form: Form;
  /** The people one may ask about, or null for anyone (an admin), searched as one types. */
  subjects: Array<{ value: string; label: string }> | null;
}) {
  return (
    <>
      {subjects ? (
        <Select
          label="Who is the feedback about?"
          placeholder="Pick a person"
          data={subjects}
          {...form.getInputProps("subjectId")}
          searchable
          required
        />
      ) : (
        <PersonSelect
          label="Who is the feedback about?"
          placeholder="Search by name or e-mail"
          value={form.values.subjectId}
          onChange={(id) => form.setFieldValue("subjectId", id)}
          error={form.errors.subjectId}
          required
        />
      )}
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
