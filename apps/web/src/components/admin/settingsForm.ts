// The settings form's values, checked with the domain's settings schema and its rule that the
// comment threshold is never below the anonymity threshold (applySettingsUpdate decides it).
import {
  applySettingsUpdate,
  DomainError,
  organisationSettingsSchema,
  type OrganisationSettings as Settings,
} from "@fivefold/domain";
import { useForm } from "@mantine/form";
import { schemaResolver } from "../../lib/form";
import type { OrganisationSettings } from "./types";

export type SettingsValues = Settings;

const settingsFormSchema = organisationSettingsSchema.superRefine((values, ctx) => {
  try {
    applySettingsUpdate(values, {});
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    for (const [path, message] of Object.entries(error.fields ?? { _: error.message })) {
      ctx.addIssue({ code: "custom", path: [path], message });
    }
  }
});

export function useSettingsForm(current: OrganisationSettings, onChange: () => void) {
  const { emailDelivery: _shownOnly, ...values } = current;
  return useForm<SettingsValues>({
    initialValues: values,
    validate: schemaResolver<SettingsValues>(settingsFormSchema),
    onValuesChange: onChange,
  });
}

export const asNumber = (value: number | string) =>
  typeof value === "number" ? value : Number.parseInt(value, 10) || 0;
