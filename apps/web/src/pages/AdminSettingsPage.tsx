// Organisation settings (admins): the anonymity threshold and comment threshold, whether the
// manager's answers are shown apart, whether admins may read reports, the external domains that
// count towards anonymity, the comparison window between reports, and reminder days; and the API
// tokens other systems call with and single sign-on (sections of their own, outside the settings form).
// The default language too: saving it re-reads `me`, so the admin's own page follows when they have
// not chosen a language of their own.
import { Alert, Button, Group, Stack, Title } from "@mantine/core";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiTokensCard } from "../components/admin/ApiTokens";
import { LanguageSetting } from "../components/admin/LanguageSetting";
import { ReportLayoutSetting } from "../components/admin/ReportLayoutSetting";
import { AnonymitySettings, ReminderSettings } from "../components/admin/SettingsCards";
import { SlackCard } from "../components/admin/SlackCard";
import { SsoCard } from "../components/admin/SsoCard";
import { useSettingsForm } from "../components/admin/settingsForm";
import type { OrganisationSettings } from "../components/admin/types";
import { ErrorState } from "../components/ErrorState";
import { PageLoader } from "../components/PageLoader";
import { useInvalidate } from "../lib/invalidate";
import { errorMessage, fieldMessages } from "../lib/labels";
import { useTRPC } from "../lib/trpc";

export default function AdminSettingsPage() {
  const trpc = useTRPC();
  const settings = useQuery(trpc.settings.get.queryOptions());
  if (settings.isPending) return <PageLoader />;
  if (settings.isError) return <ErrorState error={settings.error} onRetry={() => settings.refetch()} />;
  return (
    <Stack maw={720}>
      <SettingsForm current={settings.data} />
      <SsoCard />
      <SlackCard />
      <ApiTokensCard />
    </Stack>
  );
}

function SettingsForm({ current }: { current: OrganisationSettings }) {
  const trpc = useTRPC();
  const { t } = useTranslation();
  const invalidate = useInvalidate();
  const [saved, setSaved] = useState(false);
  const form = useSettingsForm(current, () => setSaved(false));
  const update = useMutation(
    trpc.settings.update.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await invalidate.settingsChanged();
      },
    }),
  );
  const serverFields = fieldMessages(update.error);
  const submit = form.onSubmit((values) => {
    setSaved(false);
    update.mutate(values);
  });

  return (
    <form onSubmit={submit}>
      <Stack maw={720}>
        <Title order={2}>{t("admin:settings.title")}</Title>
        <AnonymitySettings form={form} serverFields={serverFields} />
        <ReminderSettings form={form} serverFields={serverFields} emailDelivery={current.emailDelivery} />
        <ReportLayoutSetting form={form} />
        <LanguageSetting form={form} />
        {update.isError ? (
          <Alert color="red" role="alert" title={t("admin:common.notSaved")}>
            {errorMessage(update.error)}
          </Alert>
        ) : null}
        {saved ? (
          <Alert color="green" role="status">
            {t("admin:settings.saved")}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={update.isPending}>
            {t("admin:settings.save")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
