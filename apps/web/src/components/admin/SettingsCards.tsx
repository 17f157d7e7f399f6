// The two groups of settings: anonymity (thresholds, manager apart, admins reading reports,
// external domains, the comparison window) and reminders. Bounds come from the domain.
import {
  MAX_ANONYMITY_THRESHOLD,
  MAX_HISTORY_WINDOW_DAYS,
  MAX_REMINDER_DAYS,
  MIN_ANONYMITY_THRESHOLD,
} from "@fivefold/domain";
import { Card, NumberInput, Stack, Switch, TagsInput, Text, Title } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { asNumber, type SettingsValues } from "./settingsForm";

type NumberKey = "anonymityThreshold" | "commentThreshold" | "historyWindowDays" | "reminderDays";

interface Props {
  form: UseFormReturnType<SettingsValues>;
  /** Field messages the server sent back with a refused save. */
  serverFields: Record<string, string>;
}

const numberProps = ({ form, serverFields }: Props, key: NumberKey) => ({
  value: form.values[key],
  onChange: (value: number | string) => form.setFieldValue(key, asNumber(value)),
  error: form.errors[key] ?? serverFields[key],
  allowDecimal: false,
});

export function AnonymitySettings(props: Props) {
  const { form, serverFields } = props;
  const { t } = useTranslation();
  const domainError =
    Object.entries(form.errors).find(([key]) => key.startsWith("externalRaterDomains"))?.[1] ??
    Object.entries(serverFields).find(([key]) => key.startsWith("externalRaterDomains"))?.[1];
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t("admin:settings.anonymity.title")}
        </Title>
        <NumberInput
          label={t("admin:settings.anonymity.threshold")}
          description={t("admin:settings.anonymity.thresholdHelp")}
          min={MIN_ANONYMITY_THRESHOLD}
          max={MAX_ANONYMITY_THRESHOLD}
          {...numberProps(props, "anonymityThreshold")}
        />
        <NumberInput
          label={t("admin:settings.anonymity.comment")}
          description={t("admin:settings.anonymity.commentHelp")}
          min={form.values.anonymityThreshold}
          max={MAX_ANONYMITY_THRESHOLD}
          {...numberProps(props, "commentThreshold")}
        />
        <Switch
          label={t("admin:settings.anonymity.managerApart")}
          description={t("admin:settings.anonymity.managerApartHelp")}
          {...form.getInputProps("showManagerApart", { type: "checkbox" })}
        />
        <Switch
          label={t("admin:settings.anonymity.adminsRead")}
          description={t("admin:settings.anonymity.adminsReadHelp")}
          {...form.getInputProps("adminsReadReports", { type: "checkbox" })}
        />
        <TagsInput
          label={t("admin:settings.anonymity.domains")}
          description={t("admin:settings.anonymity.domainsHelp")}
          placeholder={t("admin:settings.anonymity.domainsPlaceholder")}
          {...form.getInputProps("externalRaterDomains")}
          error={domainError}
          splitChars={[",", " "]}
          clearable
        />
        <NumberInput
          label={t("admin:settings.anonymity.window")}
          description={t("admin:settings.anonymity.windowHelp")}
          min={0}
          max={MAX_HISTORY_WINDOW_DAYS}
          {...numberProps(props, "historyWindowDays")}
        />
      </Stack>
    </Card>
  );
}

export function ReminderSettings(props: Props & { emailDelivery: string }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t("admin:settings.reminders.title")}
        </Title>
        <NumberInput
          label={t("admin:settings.reminders.days")}
          description={t("admin:settings.reminders.daysHelp")}
          min={0}
          max={MAX_REMINDER_DAYS}
          {...numberProps(props, "reminderDays")}
        />
        <Text size="sm" c="dimmed">
          {props.emailDelivery === "smtp"
            ? t("admin:settings.reminders.smtp")
            : t("admin:settings.reminders.mailbox")}
        </Text>
      </Stack>
    </Card>
  );
}
