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
  const domainError =
    Object.entries(form.errors).find(([key]) => key.startsWith("externalRaterDomains"))?.[1] ??
    Object.entries(serverFields).find(([key]) => key.startsWith("externalRaterDomains"))?.[1];
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          Anonymity
        </Title>
        <NumberInput
          label="Anonymity threshold"
          description="Anonymous figures are shown only when at least this many raters answered (never below 3). A change applies to requests opened from now on; open requests keep their threshold."
          min={MIN_ANONYMITY_THRESHOLD}
          max={MAX_ANONYMITY_THRESHOLD}
          {...numberProps(props, "anonymityThreshold")}
        />
        <NumberInput
          label="Comment threshold"
          description="Anonymous comments are shown only from groups of at least this many raters (at least the anonymity threshold). Applies to reports released from now on."
          min={form.values.anonymityThreshold}
          max={MAX_ANONYMITY_THRESHOLD}
          {...numberProps(props, "commentThreshold")}
        />
        <Switch
          label="Show the manager's answers apart"
          description="Labelled “Manager” in the report (managers are told before they rate). Off: they only count in “everyone but self”."
          {...form.getInputProps("showManagerApart", { type: "checkbox" })}
        />
        <Switch
          label="Admins may read released reports"
          description="Off by default: reports are for the person, the manager who asked and their coach."
          {...form.getInputProps("adminsReadReports", { type: "checkbox" })}
        />
        <TagsInput
          label="External domains that count towards anonymity"
          description="External raters count towards the threshold only from these domains (or when an admin who does not read the report vouches for them), since anyone can open an address elsewhere, the person asking included. Public mail providers cannot be listed."
          placeholder="partner.com"
          {...form.getInputProps("externalRaterDomains")}
          error={domainError}
          splitChars={[",", " "]}
          clearable
        />
        <NumberInput
          label="Comparison window (days)"
          description="A report's figures are compared with the person's reports released this many days before; figures whose raters differ from an earlier one by fewer people than the threshold are hidden, so nobody's answers can be worked out by subtracting one report from another. Long enough to stop a request repeated to catch one person; short enough that next cycle's report keeps its figures and its trend. 0 turns the comparison off."
          min={0}
          max={MAX_HISTORY_WINDOW_DAYS}
          {...numberProps(props, "historyWindowDays")}
        />
      </Stack>
    </Card>
  );
}

export function ReminderSettings(props: Props & { emailDelivery: string }) {
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          Reminders and e-mail
        </Title>
        <NumberInput
          label="Reminder days before the deadline"
          description="Raters who have not answered get one reminder this many days before a request closes. 0: no reminders."
          min={0}
          max={MAX_REMINDER_DAYS}
          {...numberProps(props, "reminderDays")}
        />
        <Text size="sm" c="dimmed">
          {props.emailDelivery === "smtp"
            ? "E-mails are sent over SMTP."
            : "No SMTP server is configured: e-mails are kept in the Mailbox."}
        </Text>
      </Stack>
    </Card>
  );
}
