// The organisation's default language (settings.language): the web and the e-mails of everyone who
// has not chosen their own language.
import { LANGUAGES, type Language } from "@fivefold/domain";
import { Card, Select, Stack, Title } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";
import type { SettingsValues } from "./settingsForm";

export function LanguageSetting({ form }: { form: UseFormReturnType<SettingsValues> }) {
  const { t } = useTranslation();
  return (
    <Card withBorder>
      <Stack>
        <Title order={3} size="h4">
          {t("admin:settings.language.title")}
        </Title>
        <Select
          label={t("admin:settings.language.label")}
          description={t("admin:settings.language.description")}
          data={LANGUAGES.map((language) => ({
            value: language,
            label: t(`admin:settings.language.${language}`),
          }))}
          value={form.values.language}
          onChange={(value) => value && form.setFieldValue("language", value as Language)}
          allowDeselect={false}
          w={{ base: "100%", xs: 320 }}
        />
      </Stack>
    </Card>
  );
}
