// The organisation's report layout (settings.reportMode): how reports open for every reader, who
// may still switch for themself.
import { Card, Radio, Stack, Title } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { SettingsValues } from "./settingsForm";

export function ReportLayoutSetting({ form }: { form: UseFormReturnType<SettingsValues> }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t("admin:settings.layout.title")}
        </Title>
        <Radio.Group
          label={t("admin:settings.layout.label")}
          description={t("admin:settings.layout.help")}
          {...form.getInputProps("reportMode")}
        >
          <Stack gap="xs" mt="xs">
            <Radio value="scores" label={t("admin:settings.layout.scores")} />
            <Radio value="behaviours" label={t("admin:settings.layout.behaviours")} />
          </Stack>
        </Radio.Group>
      </Stack>
    </Card>
  );
}
