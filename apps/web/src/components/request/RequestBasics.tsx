// The request's subject and deadline day, and whether it opens now or waits as a draft.
import { Radio, Select, Stack, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
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
  const { t } = useTranslation();
  return (
    <>
      {subjects ? (
        <Select
          label={t("requests:new.subject")}
          placeholder={t("requests:new.pickPerson")}
          data={subjects}
          {...form.getInputProps("subjectId")}
          searchable
          required
        />
      ) : (
        <PersonSelect
          label={t("requests:new.subject")}
          placeholder={t("requests:new.search")}
          value={form.values.subjectId}
          onChange={(id) => form.setFieldValue("subjectId", id)}
          error={form.errors.subjectId}
          required
        />
      )}
      <TextInput
        label={t("requests:new.deadline")}
        description={t("requests:new.deadlineHint")}
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
  const { t } = useTranslation();
  return (
    <Radio.Group label={t("requests:new.when")} {...form.getInputProps("mode")}>
      <Stack gap="xs" mt="xs">
        <Radio value="open" label={t("requests:new.openNow")} />
        <Radio value="draft" label={t("requests:new.draft")} />
      </Stack>
    </Radio.Group>
  );
}
