// What raters would read under the draft, in English or German: the behaviours asked, per dimension.
// It opens in the page's language; the switch shows the other one without leaving the page.
import { List, SegmentedControl, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { currentLanguage } from "../../i18n";
import { DIMENSIONS, dimensionName, type EditedItem } from "./types";

export function InstrumentPreview({ items }: { items: EditedItem[] }) {
  const { t } = useTranslation();
  const [language, setLanguage] = useState<"en" | "de">(currentLanguage);
  return (
    <Stack gap="sm">
      <SegmentedControl
        aria-label={t("instrument:preview.language")}
        value={language}
        onChange={(value) => setLanguage(value === "de" ? "de" : "en")}
        data={[
          { value: "en", label: t("instrument:language.en") },
          { value: "de", label: t("instrument:language.de") },
        ]}
        w="fit-content"
      />
      {DIMENSIONS.map((dimension) => {
        const asked = items.filter((item) => item.dimension === dimension && !item.retired);
        return (
          <Stack key={dimension} gap={4}>
            <Title order={4} size="h5">
              {dimensionName(dimension)}
            </Title>
            {asked.length === 0 ? (
              <Text size="sm" c="red.8">
                {t("instrument:preview.empty")}
              </Text>
            ) : (
              <List size="sm" lang={language}>
                {asked.map((item) => (
                  <List.Item key={item.key}>
                    {item.text[language] || t("instrument:preview.noWording")}
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
