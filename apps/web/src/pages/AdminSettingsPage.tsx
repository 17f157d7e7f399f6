// Organisation settings (admins): the anonymity threshold and comment threshold, whether the
// manager's answers are shown apart, whether admins may read reports, the external domains that
// count towards anonymity, the comparison window between reports, and reminder days.
import {
  Alert,
  Button,
  Card,
  Group,
  NumberInput,
  Stack,
  Switch,
  TagsInput,
  Text,
  Title,
} from "@mantine/core";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import type { OrganisationSettings } from "../components/admin/types";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { errorMessage } from "../lib/labels";
import { useTRPC } from "../lib/trpc";

export default function AdminSettingsPage() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.get.queryOptions());
  if (settings.isPending) return <PageLoader />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => settings.refetch()} />;
  return <SettingsForm current={settings.data} />;
}

function SettingsForm({ current }: { current: OrganisationSettings }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(current);
  const [saved, setSaved] = useState(false);
  const update = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await queryClient.invalidateQueries({ queryKey: trpc.settings.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.me.pathKey() });
      },
    }),
  );
  const fields = (update.error?.data as { fields?: Record<string, string> } | undefined)?.fields ?? {};
  const set = <K extends keyof OrganisationSettings>(key: K, value: OrganisationSettings[K]) => {
    setSaved(false);
    setValues((v) => ({ ...v, [key]: value }));
  };
  const asNumber = (value: number | string) =>
    typeof value === "number" ? value : Number.parseInt(value, 10) || 0;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    update.mutate({
      anonymityThreshold: values.anonymityThreshold,
      commentThreshold: values.commentThreshold,
      showManagerApart: values.showManagerApart,
      adminsReadReports: values.adminsReadReports,
      reminderDays: values.reminderDays,
      externalRaterDomains: values.externalRaterDomains,
      historyWindowDays: values.historyWindowDays,
    });
  };
  const domainError = Object.entries(fields).find(([key]) => key.startsWith("externalRaterDomains"))?.[1];

  return (
    <Stack maw={720} component="form" onSubmit={submit}>
      <Title order={2}>Settings</Title>
      <Card withBorder>
        <Stack>
          <Title order={3} size="h4">
            Anonymity
          </Title>
          <NumberInput
            label="Anonymity threshold"
            description="Anonymous figures are shown only when at least this many raters answered (never below 3). A change applies to requests opened from now on; open requests keep their threshold."
            min={3}
            max={20}
            value={values.anonymityThreshold}
            onChange={(v) => set("anonymityThreshold", asNumber(v))}
            error={fields.anonymityThreshold}
            allowDecimal={false}
          />
          <NumberInput
            label="Comment threshold"
            description="Anonymous comments are shown only from groups of at least this many raters (at least the anonymity threshold). Applies to reports released from now on."
            min={values.anonymityThreshold}
            max={20}
            value={values.commentThreshold}
            onChange={(v) => set("commentThreshold", asNumber(v))}
            error={fields.commentThreshold}
            allowDecimal={false}
          />
          <Switch
            label="Show the manager's answers apart"
            description="Labelled “Manager” in the report (managers are told before they rate). Off: they only count in “everyone but self”."
            checked={values.showManagerApart}
            onChange={(e) => set("showManagerApart", e.currentTarget.checked)}
          />
          <Switch
            label="Admins may read released reports"
            description="Off by default: reports are for the person, the manager who asked and their coach."
            checked={values.adminsReadReports}
            onChange={(e) => set("adminsReadReports", e.currentTarget.checked)}
          />
          <TagsInput
            label="External domains that count towards anonymity"
            description="External raters count towards the threshold only from these domains (or when an admin who does not read the report vouches for them), since anyone can open an address elsewhere, the person asking included. Public mail providers cannot be listed."
            placeholder="partner.com"
            value={values.externalRaterDomains}
            onChange={(v) => set("externalRaterDomains", v)}
            error={domainError}
            splitChars={[",", " "]}
            clearable
          />
          <NumberInput
            label="Comparison window (days)"
            description="A report's figures are compared with the person's reports released this many days before; figures whose raters differ from an earlier one by fewer people than the threshold are hidden, so nobody's answers can be worked out by subtracting one report from another. Long enough to stop a request repeated to catch one person; short enough that next cycle's report keeps its figures and its trend. 0 turns the comparison off."
            min={0}
            max={730}
            value={values.historyWindowDays}
            onChange={(v) => set("historyWindowDays", asNumber(v))}
            error={fields.historyWindowDays}
            allowDecimal={false}
          />
        </Stack>
      </Card>
      <Card withBorder>
        <Stack>
          <Title order={3} size="h4">
            Reminders and e-mail
          </Title>
          <NumberInput
            label="Reminder days before the deadline"
            description="Raters who have not answered get one reminder this many days before a request closes. 0: no reminders."
            min={0}
            max={60}
            value={values.reminderDays}
            onChange={(v) => set("reminderDays", asNumber(v))}
            error={fields.reminderDays}
            allowDecimal={false}
          />
          <Text size="sm" c="dimmed">
            {current.emailDelivery === "smtp"
              ? "E-mails are sent over SMTP."
              : "No SMTP server is configured: e-mails are kept in the Mailbox."}
          </Text>
        </Stack>
      </Card>
      {update.isError ? (
        <Alert color="red" role="alert" title="Not saved">
          {errorMessage(update.error)}
        </Alert>
      ) : null}
      {saved ? (
        <Alert color="green" role="status">
          Settings saved.
        </Alert>
      ) : null}
      <Group>
        <Button type="submit" loading={update.isPending}>
          Save settings
        </Button>
      </Group>
    </Stack>
  );
}
